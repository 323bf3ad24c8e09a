"""Place and organisation name knowledge: countries, cities, name suffixes, common aliases."""

from __future__ import annotations

from reader.analysis.lexicon import PRESS_NAME_WORDS, words

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


_ORG_SUFFIX_WORDS = words(
    """
    inc ltd llc plc corp co company group holdings terminals bank partners associates
    capital ventures systems technologies labs media airlines airways motors foods
    energy power solar pharmaceuticals pharma biologics therapeutics sciences logistics
    shipping lines steel mining oil resources industries international global architects
    consulting insurance financial securities software networks communications telecom
    studios entertainment records press publishing
    club fc united rovers athletic wanderers
    analytics research advisors advisers strategies solutions services health healthcare
    medical brands bv nv sa ag gmbh spa ab asa oyj srl sas re kk tbk bhd pty
    """
)
ORG_SUFFIXES = _ORG_SUFFIX_WORDS | PRESS_NAME_WORDS
"""Last words of company names, press titles among them ("<Town> Herald")."""

CLUB_WORDS = words(
    """
    athletic rovers united wanderers fc city town albion rangers
    """
)
"""Second words of clubs named after their town ("<Town> Rovers")."""

ORG_PREFIXES = words(
    """
    pt instituto institut universidad universidade universita colegio liceo escuela banco
    museo fundacion fundacao
    """
)
"""First words of bodies' names: a legal form written first ("PT <Name>", as in Indonesia),
or an institution named in another language ("Instituto <Name>", "Banco <Name>")."""

THOROUGHFARES = words(
    """
    street st avenue ave road rd boulevard blvd lane square plaza
    """
)
"""Last words of streets and squares: places, whatever the model says."""

PLACE_SUFFIXES = words(
    """
    county city town village province river lake street st avenue ave road rd boulevard
    blvd park falls island islands bay valley mountain mountains hills heights harbor
    harbour beach creek gorge square bridge canal strait sea ocean gulf peninsula coast
    borough township parish springs head point hill
    """
)


INSTITUTIONS = words(
    """
    hospital school university college museum church library clinic center centre academy
    cathedral mosque synagogue temple institute
    """
)
"""Last words of facility names that are institutions (organisations), not just places."""

FACILITIES = words(
    """
    gallery hall cave stadium arena theatre theater airport station terminal tower palace
    castle fortress manor mansion mall market hotel building pavilion memorial monument
    """
)
"""Last words of buildings and sites: "<Name> Gallery" is a place however person-like its
first words."""


PLACE_NOUNS = words(
    """
    town city village settlement neighborhood neighbourhood suburb region country
    capital enclave exclave municipality port province state county island district
    hamlet
    """
)
"""An apposition with one of these ("<Name>, a fishing settlement") makes a name a place."""


PLACE_PREFIXES = words(
    """
    port lake mount mt fort ft cape isle san santa
    """
)
"""First words that make a name a place's ("Port <Name>", "Lake <Name>", "Mount <Name>")."""


COUNTRIES = words(
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


CITIES = words(
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
