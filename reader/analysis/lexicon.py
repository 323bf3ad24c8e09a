"""Word lists shared by actor and quote extraction: titles, speech verbs, place aliases."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words of `text`."""
    return frozenset(text.split())


HONORIFICS = _words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev reverend fr father sister brother
    messrs mme mlle herr
    """
)
"""Courtesy titles: never a role, and stripped from the front of a name."""

MALE_HONORIFICS = _words(
    """
    mr sir lord fr father brother messrs herr king prince
    """
)
FEMALE_HONORIFICS = _words(
    """
    mrs ms miss dame lady sister mme mlle queen princess
    """
)

TITLE_WORDS = _words(
    """
    president vice minister secretary senator sen rep representative congressman
    congresswoman governor gov mayor deputy prime chancellor king queen prince princess
    emperor pope ayatollah sheikh sheik imam rabbi bishop archbishop cardinal judge
    justice chief general gen lt col maj capt cpt sgt cmdr adm admiral colonel major
    captain sergeant lieutenant commander commissioner ambassador envoy chairman
    chairwoman chair director spokesman spokeswoman spokesperson councilor councillor
    councilman councilwoman alderman officer inspector detective sheriff superintendent
    constable coach premier speaker leader attorney prosecutor professor provost
    rector treasurer comptroller auditor foreign defense defence interior finance health
    justice economy trade energy executive founder manager editor economist analyst
    researcher
    """
)
TITLE_MODIFIERS = _words(
    """
    foreign defense defence interior finance health justice economy trade energy deputy
    vice prime chief executive general state
    """
)
"""Title words that qualify a title rather than name one: never a title on their own."""
"""Words that can sit in a title before a name ("Deputy Foreign Minister Sergei Ryabkov")."""

TITLE_EXPANSIONS = {
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "sgt.": "sergeant",
    "adm.": "admiral",
    "cmdr.": "commander",
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "prof.": "professor",
    "supt.": "superintendent",
    "insp.": "inspector",
    "det.": "detective",
    "atty.": "attorney",
    "amb.": "ambassador",
}
"""Abbreviated titles spelled out when they become a role."""

SPEECH_VERBS = _words(
    """
    say tell add ask explain note warn argue insist write recall reply acknowledge
    continue declare state claim contend maintain observe remark comment answer respond
    announce admit concede confirm deny emphasize emphasise stress suggest tweet post
    caution predict complain lament joke quip shout yell scream cry whisper mutter
    murmur exclaim testify report reiterate repeat urge plead pledge promise vow boast
    concur agree disagree object protest retort counter assert allege affirm charge add
    describe recount remember reflect wonder muse sigh laugh groan concede conclude
    begin open summarize summarise told tell estimate predict underline underscore
    highlight point mention interject chime acknowledge assure reassure advise recommend
    propose demand proclaim announce
    """
)
"""Lemmas of verbs that attribute a direct quotation."""

PERSON_NOUNS = _words(
    """
    husband wife son daughter father mother brother sister grandmother grandfather
    grandson granddaughter uncle aunt cousin nephew niece partner fiance fiancee widow
    widower friend neighbor neighbour colleague boss owner founder resident student
    teacher nurse doctor lawyer farmer worker driver spokesman spokeswoman spokesperson
    official minister president director manager chief leader captain coach player
    analyst economist researcher professor scientist engineer officer volunteer mayor
    councilor councillor senator governor chairman chairwoman chair ceo executive
    secretary ambassador envoy
    """
)
"""Nouns that only describe people: an apposition with one marks a name as a person's."""

PLACE_PREPOSITIONS = {
    "in": 1.0,
    "at": 1.0,
    "near": 1.0,
    "across": 1.0,
    "outside": 1.0,
    "inside": 1.0,
    "throughout": 1.0,
    "via": 1.0,
    "into": 1.0,
    "from": 0.5,
}
"""A bare name after these is likely a place (weights of the evidence)."""

ORG_SUFFIXES = _words(
    """
    inc ltd llc plc corp co company group holdings terminals bank partners associates
    capital ventures systems technologies labs media airlines airways motors foods
    energy power solar pharmaceuticals pharma biologics therapeutics sciences logistics
    shipping lines steel mining oil resources industries international global architects
    consulting insurance financial securities software networks communications telecom
    studios entertainment records press publishing times post journal herald tribune
    gazette courier review magazine club fc united rovers athletic wanderers
    analytics research advisors advisers strategies solutions services
    """
)

PLACE_SUFFIXES = _words(
    """
    county city town village province river lake street st avenue ave road rd boulevard
    blvd park falls island islands bay valley mountain mountains hills heights harbor
    harbour beach creek gorge square bridge canal strait sea ocean gulf peninsula coast
    borough township parish springs head point
    """
)
INSTITUTIONS = _words(
    """
    hospital school university college museum church library clinic center centre academy
    cathedral mosque synagogue temple institute
    """
)
"""Last words of facility names that are institutions (organisations), not just places."""

PLACE_NOUNS = _words(
    """
    town city village settlement neighborhood neighbourhood suburb region country
    capital enclave exclave municipality port province state county island district
    hamlet
    """
)
"""An apposition with one of these ("Adzato, a fishing settlement") makes a name a place."""
PLACE_PREFIXES = _words(
    """
    port lake mount mt fort ft cape isle san santa
    """
)
"""First or last words that make a name a place's ("Elm Falls", "Pierce County", "Port Said")."""

COUNTRIES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon
    canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark
    djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland
    france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana
    haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia
    lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
    nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda samoa senegal serbia
    seychelles singapore slovakia slovenia somalia spain sudan suriname sweden
    switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
    turkiye turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
    vietnam yemen zambia zimbabwe england scotland wales alabama alaska arizona arkansas
    california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
    kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
    tennessee texas utah vermont virginia wisconsin wyoming
    """
)
"""Countries and U.S. states (one-word names, folded): places whatever the model says."""

CITIES = _words(
    """
    kabul tirana algiers luanda yerevan canberra vienna baku manama dhaka minsk brussels
    sarajevo gaborone brasilia sofia ouagadougou phnom yaounde ottawa santiago beijing bogota
    zagreb havana nicosia prague copenhagen quito cairo tallinn addis helsinki paris tbilisi
    berlin accra athens budapest reykjavik delhi jakarta tehran baghdad dublin jerusalem rome
    kingston tokyo amman astana nairobi pristina bishkek vientiane riga beirut tripoli vilnius
    antananarivo lilongwe bamako valletta mexico chisinau ulaanbaatar podgorica rabat maputo
    windhoek kathmandu amsterdam managua niamey abuja pyongyang skopje oslo muscat islamabad
    lima manila warsaw lisbon doha bucharest moscow kigali riyadh dakar belgrade bratislava
    ljubljana mogadishu pretoria seoul madrid khartoum stockholm bern damascus taipei dushanbe
    bangkok tunis ankara ashgabat kampala kyiv kiev london montevideo tashkent caracas hanoi
    sanaa lusaka harare gaza ramallah aleppo mosul kharkiv odesa odessa lviv mariupol donetsk
    luhansk crimea sevastopol istanbul shanghai mumbai karachi lagos kinshasa johannesburg
    sydney melbourne toronto vancouver montreal chicago houston dallas boston seattle miami
    atlanta denver detroit philadelphia phoenix geneva zurich munich frankfurt hamburg milan
    naples barcelona marseille lyon manchester liverpool birmingham glasgow edinburgh
    """
)
"""Capitals and large cities that the small model often takes for people."""
"""Last words that make a name a company's, whatever the model said."""

SPEECH_FORMS = _words(
    """
    said says told tells added adds asked asks explained noted warned argued insisted
    wrote writes recalled replied acknowledged continued declared stated claimed
    responded
    """
)
"""Surface forms used when there is no lemmatizer (the blank fallback pipeline)."""

STATEMENT_NOUNS = _words(
    """
    statement release communique communiqué memo letter post tweet email e-mail note
    message notice filing report readout transcript interview
    """
)
"""Nouns of written statements ("the ministry said in a statement")."""

ORG_HEAD_NOUNS = _words(
    """
    ministry department agency company firm government council committee commission
    office administration court police army military navy force forces party union bank
    board authority authorities service institute university hospital embassy mission
    campaign group organisation organization foundation association alliance team club
    school district county city state parliament congress senate house cabinet regulator
    spokesman spokeswoman spokesperson statement
    """
)
"""Common nouns that, as a speaker, stand for an organisation mentioned elsewhere."""

MALE_NOUNS = _words(
    """
    father husband son brother man grandfather grandson uncle nephew boyfriend king prince
    dad stepfather widower businessman chairman spokesman congressman councilman
    """
)
FEMALE_NOUNS = _words(
    """
    mother wife daughter sister woman grandmother granddaughter aunt niece girlfriend queen
    princess mom mum stepmother widow businesswoman chairwoman spokeswoman congresswoman
    councilwoman
    """
)
"""Nouns in apposition to a name that tell a person's gender ("her father, Yaw Owusu")."""

PERSON_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
}
ORG_PRONOUNS = frozenset({"it", "they", "we"})

PLACE_ALIASES = {
    "united states": "United States",
    "united states of america": "United States",
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "united kingdom": "United Kingdom",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "european union": "European Union",
    "eu": "European Union",
    "united nations": "United Nations",
    "un": "United Nations",
    "soviet union": "Soviet Union",
    "ussr": "Soviet Union",
    "uae": "United Arab Emirates",
    "united arab emirates": "United Arab Emirates",
    "drc": "Democratic Republic of the Congo",
    "democratic republic of the congo": "Democratic Republic of the Congo",
    "prc": "China",
    "china": "China",
    "people's republic of china": "China",
    "south korea": "South Korea",
    "republic of korea": "South Korea",
    "north korea": "North Korea",
    "dprk": "North Korea",
}
"""Folded forms of common places that are written several ways; value is the display name."""

ORG_KIND_PLACES = frozenset({"European Union", "United Nations"})
"""Alias groups that are organisations rather than places."""

MONTHS_AND_DAYS = _words(
    """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow
    """
)

GENERIC_WORDS = _words(
    """
    the a an state states government city county president minister he she it they we i
    you his her their our its this that these those mr mrs ms dr new north south east
    west national federal international world update updated breaking photo video getty
    images file advertisement subscribe share email print comments
    """
)
"""Single words that are never a useful actor on their own."""
