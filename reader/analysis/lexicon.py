"""Word lists shared by actor and quote extraction: titles, honorifics, people, pronouns."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words of `text`."""
    return frozenset(text.split())


HONORIFICS = words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev reverend fr father sister brother
    messrs mme mlle herr
    """
)
"""Courtesy titles: never a role, and stripped from the front of a name."""

MALE_HONORIFICS = words(
    """
    mr sir lord fr father brother messrs herr king prince
    """
)
FEMALE_HONORIFICS = words(
    """
    mrs ms miss dame lady sister mme mlle queen princess
    """
)


def honorific_gender(word: str) -> str | None:
    """ "m" for "mr", "f" for "mrs", None for "dr" or no honorific (folded, no dot)."""
    if word in MALE_HONORIFICS:
        return "m"
    return "f" if word in FEMALE_HONORIFICS else None


TITLE_WORDS = words(
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
    researcher emeritus ceo cfo coo cto adviser advisor aide strategist pollster lawyer
    consultant activist columnist scientist historian correspondent publisher pastor
    """
)
TITLE_MODIFIERS = words(
    """
    foreign defense defence interior finance health justice economy trade energy deputy
    vice prime chief executive general state emeritus
    """
)
"""Title words that qualify a title rather than name one: never a title on their own."""
"""Words that can sit in a title before a name ("<Rank> <Portfolio> <Title> <Name>")."""

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

PERSON_NOUNS = words(
    """
    husband wife son daughter father mother brother sister grandmother grandfather
    grandson granddaughter uncle aunt cousin nephew niece partner fiance fiancee widow
    widower friend neighbor neighbour colleague boss owner founder resident student
    teacher nurse doctor lawyer farmer worker driver spokesman spokeswoman spokesperson
    official minister president director manager chief leader captain coach player
    analyst economist researcher professor scientist engineer officer volunteer mayor
    councilor councillor senator governor chairman chairwoman chair ceo executive
    secretary ambassador envoy judge prosecutor attorney historian forecaster
    commissioner sheriff detective superintendent lawmaker legislator candidate
    shopper customer passenger patient surgeon pilot soldier veteran author writer
    reporter editor chef baker fisherman rancher miner banker trader investor
    entrepreneur consultant adviser advisor agronomist homeowner landlord tenant
    actor actress businessman businesswoman billionaire mogul star host anchor singer
    rapper comedian nominee frontrunner front-runner hopeful congressman congresswoman
    aide strategist pollster operative commentator columnist delegate supporter critic
    activist organizer organiser voter protester protestor demonstrator victim survivor
    witness suspect defendant plaintiff man woman boy girl mom dad
    tycoon magnate millionaire financier heiress pundit blogger novelist poet playwright
    filmmaker celebrity athlete quarterback golfer swimmer juror donor opponent challenger
    incumbent contender councilman councilwoman dictator monarch king queen prince princess
    pope cleric imam rabbi pastor priest bishop preacher staffer diplomat negotiator scholar
    trucker immigrant refugee migrant citizen taxpayer retiree teenager hacker whistleblower
    spy newcomer
    """
)
"""Nouns that only describe people: an apposition with one marks a name as a person's."""

_PERSON_SUFFIXES = ("ologist", "ician", "ographer", "ist")


def is_person_noun(lemma: str) -> bool:
    """A noun that only describes a person: listed, a compound of a listed one
    ("neurosurgeon"), or an occupation by its ending ("ecologist", "physician",
    "photographer", "activist"; not "checklist")."""
    if lemma in PERSON_NOUNS:
        return True
    if _compound_person(lemma):
        return True
    if len(lemma) < 7 or not lemma.isalpha():
        return False
    if lemma.endswith("list") and not lemma.endswith("alist"):
        return False  # "playlist", "shortlist"; but "journalist", "specialist"
    return lemma.endswith(_PERSON_SUFFIXES)


_COMPOUND_HEADS = tuple(sorted(n for n in PERSON_NOUNS if len(n) >= 6 and n.isalpha()))


def _compound_person(lemma: str) -> bool:
    """ "neurosurgeon", "schoolteacher", "co-founder": a compound whose last part is a
    listed word for a person (of six letters or more, so "wheelchair" is no "chair")."""
    head = lemma.rsplit("-", 1)[-1]
    if head != lemma and head in PERSON_NOUNS:
        return True
    return lemma.isalpha() and any(
        lemma.endswith(n) and len(lemma) - len(n) >= 3 for n in _COMPOUND_HEADS
    )


ORG_HEAD_NOUNS = words(
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

SPEAKING_ORG_NOUNS = ORG_HEAD_NOUNS | words(
    """
    system network maker manufacturer producer retailer chain airline carrier operator
    utility lender insurer developer publisher broadcaster charity nonprofit watchdog
    employer owner supplier newspaper paper publication magazine outlet station site
    website office
    """
)
"""...and the names news gives a company or body in passing ("the snack maker said")."""

PRESS_NAME_WORDS = words(
    """
    times post journal herald tribune gazette courier review magazine news sun star daily
    chronicle observer guardian telegraph mirror dispatch inquirer sentinel examiner bulletin
    """
)
"""Words that end the name of a newspaper or magazine ("The <Town> Herald")."""

PRESS_NOUNS = words("newspaper paper magazine publication tabloid editorial editor")
"""Words for a newspaper or its opinion desk: "the paper's editorial board" is the paper."""

MALE_NOUNS = words(
    """
    father husband son brother man grandfather grandson uncle nephew boyfriend king prince
    dad stepfather widower businessman chairman spokesman congressman councilman
    """
)
FEMALE_NOUNS = words(
    """
    mother wife daughter sister woman grandmother granddaughter aunt niece girlfriend queen
    princess mom mum stepmother widow businesswoman chairwoman spokeswoman congresswoman
    councilwoman
    """
)
"""Nouns in apposition to a name that tell a person's gender ("her father, <Name>")."""

PERSON_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
}
ORG_PRONOUNS = frozenset({"it", "they", "we"})

MONTHS_AND_DAYS = words(
    """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow
    """
)

GENERIC_WORDS = words(
    """
    the a an state states government city county president minister he she it they we i
    you his her their our its this that these those mr mrs ms dr new north south east
    west national federal international world update updated breaking photo video getty
    images file advertisement subscribe share email print comments
    """
)
"""Single words that are never a useful actor on their own."""

PORTFOLIOS = words(
    """
    home foreign interior defense defence finance health education justice transport
    transportation environment trade energy culture labour labor treasury agriculture
    housing communications immigration industry commerce tourism sport sports
    """
)
"""The office a title names ("<Portfolio> Secretary", "Minister for <Portfolio>")."""

WORK_NOUNS = words(
    """
    study treaty accord operation
    """
)
"""Words that make a name a piece of work, a document or a campaign, not a body: last words
("<Name> Study", "<Name> Treaty") and "Operation <Name>". Not "Survey" or "Poll": a poll
is quoted as a source."""

WORKS_AFTER_A_NAME = WORK_NOUNS | words(
    """
    system database program programme project scheme
    """
)
"""Lower-case nouns after a name that make it the name of a piece of work or a scheme
("the <ACRONYM> system", "<Name> studies"). Capitalised, "Project" and "System" also end the
names of bodies ("<Name> Project said"), so they count only in lower case."""

FAITHS = words(
    """
    islam christianity shinto
    """
)
"""Faiths whose names do not end as creeds usually do ("-ism"): beliefs, not actors."""

CREATIVE_WORKS = words(
    """
    film movie novel book album song single play musical opera series documentary sitcom
    painting poem memoir biography game
    """
)
"""Nouns for a piece of creative work: "the 2004 documentary <Name>", "his second novel
<Name>" name the work, however much the name looks like a person's."""
