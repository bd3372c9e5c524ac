"""The word lists behind `cxassist demo`: names, places, fictional number ranges, care records, the demo team and
the story caller. Plain data, so that the generator stays readable; laid out by hand (`fmt: off`) as tables. Why
people call is in `reasons.py`.

Every number range here is one that regulators set aside for drama and that libphonenumber accepts as valid:
Ofcom's 1,000-number drama blocks (020 7946 0xxx, 0113 496 0xxx, ...; 0115 496 and 01632 960 are rejected, and so
is the 07700 900 mobile block, which is why mobiles use the London block too), ACMA's 02/03/07/08 5550 xxxx and
0491 570 xxx, and the North American 555-0100 to 555-0199 in each area code. Ireland's 020 91x drama range is
rejected by libphonenumber, so the demo has no callers in the Republic of Ireland (Northern Ireland is in GB).
"""

from __future__ import annotations

from dataclasses import dataclass

from cxassist.domain.models import Outcome


@dataclass(frozen=True, slots=True)
class Place:
    city: str
    country: str
    postcodes: tuple[str, ...]  # outward codes (GB), ZIP or postcode prefixes elsewhere
    numbers: tuple[str, ...]  # number patterns with {n} for the free digits, e.g. "+442079460{n:03d}"
    weight: int
    region: str = ""  # state, for US and AU addresses


@dataclass(frozen=True, slots=True)
class FirstName:
    name: str
    era: str  # "older" (65+), "middle" (40-64), "younger" (under 40), "any"
    origin: str
    nicknames: tuple[str, ...] = ()
    say: str = ""  # pronunciation hint


@dataclass(frozen=True, slots=True)
class StoryCall:
    """One contact in the story caller's history."""

    days_ago: int
    at: str  # "HH:MM", UTC
    reason: str
    outcome: Outcome
    agent: str
    note: str  # may use {month} (the month of the duplicate payment) and {due} (weekday the callback was due)
    resolution: str
    direction: str = "inbound"
    minutes: int = 12
    follow_up_in_days: int | None = None  # a follow-up due this many days after the call
    follow_up_done_days_ago: int | None = None  # None: still open


# fmt: off
LONDON = "+442079460{n:03d}"
GB_WORK = "+443069990{n:03d}"  # 0306 999 0xxx, a non-geographic business number

GB_PLACES = (
    Place("London", "GB", ("SE15", "SE22", "N16", "E8", "SW9", "NW5", "W12", "E17"), (LONDON,), 30),
    Place("Leeds", "GB", ("LS6", "LS8", "LS11", "LS17"), ("+441134960{n:03d}",), 6),
    Place("Sheffield", "GB", ("S7", "S10", "S11", "S6"), ("+441144960{n:03d}",), 5),
    Place("Leicester", "GB", ("LE2", "LE3", "LE4"), ("+441164960{n:03d}",), 4),
    Place("Bristol", "GB", ("BS3", "BS5", "BS6", "BS7"), ("+441174960{n:03d}",), 5),
    Place("Reading", "GB", ("RG1", "RG2", "RG4"), ("+441184960{n:03d}",), 3),
    Place("Birmingham", "GB", ("B13", "B15", "B29", "B30"), ("+441214960{n:03d}",), 8),
    Place("Edinburgh", "GB", ("EH6", "EH9", "EH10", "EH11"), ("+441314960{n:03d}",), 5),
    Place("Glasgow", "GB", ("G12", "G41", "G42", "G31"), ("+441414960{n:03d}",), 6),
    Place("Liverpool", "GB", ("L8", "L15", "L17", "L18"), ("+441514960{n:03d}",), 5),
    Place("Manchester", "GB", ("M14", "M20", "M21", "M19"), ("+441614960{n:03d}",), 8),
    Place("Newcastle upon Tyne", "GB", ("NE2", "NE4", "NE6"), ("+441914980{n:03d}",), 4),
    Place("Cardiff", "GB", ("CF5", "CF11", "CF14", "CF24"), ("+442920180{n:03d}",), 4),
    Place("Belfast", "GB", ("BT5", "BT7", "BT9", "BT15"), ("+442896496{n:03d}",), 4),
)
ABROAD_PLACES = (
    Place("New York", "US", ("10025", "10027", "11215"), ("+121255501{n:02d}", "+164655501{n:02d}"), 3, "NY"),
    Place("Boston", "US", ("02130", "02139"), ("+161755501{n:02d}",), 1, "MA"),
    Place("Chicago", "US", ("60614", "60647"), ("+131255501{n:02d}", "+177355501{n:02d}"), 1, "IL"),
    Place("Seattle", "US", ("98103", "98115"), ("+120655501{n:02d}",), 1, "WA"),
    Place("Sydney", "AU", ("2010", "2040", "2204"), ("+6125550{n:04d}",), 3, "NSW"),
    Place("Melbourne", "AU", ("3056", "3182", "3068"), ("+6135550{n:04d}",), 2, "VIC"),
    Place("Brisbane", "AU", ("4005", "4064"), ("+6175550{n:04d}",), 1, "QLD"),
    Place("Perth", "AU", ("6000", "6050"), ("+6185550{n:04d}",), 1, "WA"),
)
AU_MOBILES = tuple(f"+61491570{n}" for n in ("006", "156", "157", "158", "159", "110", "313", "737"))
HOURS_FROM_UTC = {"GB": 0, "US": -5, "AU": 10}
LANGUAGE_BY_COUNTRY = {"GB": "en-GB", "US": "en-US", "AU": "en-AU"}
# The language a caller may prefer, by the origin of their first name (most still prefer English).
OTHER_LANGUAGE = {"pl": ("pl", 0.4), "cy": ("cy", 0.35), "south-asian": ("pa", 0.1), "chinese": ("zh", 0.3)}

STREETS = (
    "Orchard Close", "Elm Grove", "Station Road", "Victoria Street", "Church Lane", "Mill Lane", "The Crescent",
    "Park Avenue", "Highfield Road", "Queens Road", "Windsor Terrace", "Meadow Way", "Rosebank Drive",
    "Albert Street", "Willow Court", "Springfield Gardens", "Cedar Walk", "Kingsway", "Beech Hill", "Ferry Lane",
)
US_STREETS = ("Maple Avenue", "Oak Street", "Pleasant Street", "Lincoln Avenue", "Harbor View Drive")
AU_STREETS = ("Bay Street", "Wattle Crescent", "Parramatta Road", "Banksia Way", "Beach Road")

FIRST_NAMES = (
    FirstName("Margaret", "older", "en", ("Peggy", "Maggie", "Meg")),
    FirstName("Dorothy", "older", "en", ("Dot", "Dottie")),
    FirstName("Kathleen", "older", "en", ("Kath",)),
    FirstName("Patricia", "older", "en", ("Pat",)),
    FirstName("Joan", "older", "en"),
    FirstName("Eileen", "older", "en"),
    FirstName("Barbara", "older", "en", ("Babs",)),
    FirstName("Maureen", "older", "en", ("Mo",)),
    FirstName("Arthur", "older", "en"),
    FirstName("Frederick", "older", "en", ("Fred", "Freddie")),
    FirstName("Kenneth", "older", "en", ("Ken",)),
    FirstName("Ronald", "older", "en", ("Ron", "Ronnie")),
    FirstName("Harold", "older", "en", ("Harry",)),
    FirstName("Leonard", "older", "en", ("Len",)),
    FirstName("Edward", "older", "en", ("Ted", "Eddie")),
    FirstName("Stanley", "older", "en", ("Stan",)),
    FirstName("Susan", "middle", "en", ("Sue",)),
    FirstName("Deborah", "middle", "en", ("Debbie", "Deb")),
    FirstName("Elizabeth", "middle", "en", ("Liz", "Beth", "Lizzie")),
    FirstName("Catherine", "middle", "en", ("Kate", "Cath")),
    FirstName("Alison", "middle", "en", ("Ali",)),
    FirstName("Helen", "middle", "en"),
    FirstName("Jacqueline", "middle", "en", ("Jackie",)),
    FirstName("Rebecca", "middle", "en", ("Becky", "Bex")),
    FirstName("William", "middle", "en", ("Bill", "Will")),
    FirstName("Robert", "middle", "en", ("Rob", "Bob")),
    FirstName("Michael", "middle", "en", ("Mike", "Mick")),
    FirstName("Anthony", "middle", "en", ("Tony",)),
    FirstName("Stephen", "middle", "en", ("Steve",), "STEE-ven"),
    FirstName("Christopher", "middle", "en", ("Chris",)),
    FirstName("Andrew", "middle", "en", ("Andy",)),
    FirstName("Jonathan", "middle", "en", ("Jon", "Jonny")),
    FirstName("Emily", "younger", "en", ("Em",)),
    FirstName("Charlotte", "younger", "en", ("Charlie", "Lottie")),
    FirstName("Olivia", "younger", "en", ("Liv",)),
    FirstName("Hannah", "younger", "en"),
    FirstName("Jessica", "younger", "en", ("Jess",)),
    FirstName("Samuel", "younger", "en", ("Sam",)),
    FirstName("Thomas", "younger", "en", ("Tom",)),
    FirstName("Alexander", "younger", "en", ("Alex", "Sandy")),
    FirstName("Oliver", "younger", "en", ("Ollie",)),
    FirstName("Joshua", "younger", "en", ("Josh",)),
    FirstName("Siobhan", "any", "ie", (), "shiv-AWN"),
    FirstName("Niamh", "any", "ie", (), "NEEV"),
    FirstName("Aoife", "younger", "ie", (), "EE-fa"),
    FirstName("Saoirse", "younger", "ie", (), "SEER-sha"),
    FirstName("Gráinne", "middle", "ie", (), "GRAWN-ya"),
    FirstName("Ciarán", "any", "ie", (), "KEER-awn"),
    FirstName("Eoin", "any", "ie", (), "OH-in"),
    FirstName("Tadhg", "any", "ie", (), "TYGE"),
    FirstName("Eilidh", "any", "sc", (), "AY-lee"),
    FirstName("Mhairi", "any", "sc", (), "VAH-ree"),
    FirstName("Iain", "middle", "sc"),
    FirstName("Catriona", "any", "sc", ("Cat",), "ka-TREE-na"),
    FirstName("Alasdair", "any", "sc", ("Ally",), "AL-as-ter"),
    FirstName("Hamish", "any", "sc", (), "HAY-mish"),
    FirstName("Fiona", "middle", "sc"),
    FirstName("Ailsa", "younger", "sc"),
    FirstName("Morag", "older", "sc"),
    FirstName("Siân", "any", "cy", (), "SHAHN"),
    FirstName("Angharad", "any", "cy", (), "an-HAR-ad"),
    FirstName("Dafydd", "any", "cy", ("Dai",), "DAV-ith"),
    FirstName("Rhys", "any", "cy", (), "REESE"),
    FirstName("Agnieszka", "any", "pl", ("Aga",), "ag-NYESH-ka"),
    FirstName("Wojciech", "any", "pl", ("Wojtek",), "VOY-chekh"),
    FirstName("Małgorzata", "any", "pl", ("Gosia",), "mow-go-ZHA-ta"),
    FirstName("Krzysztof", "any", "pl", ("Krzysiek",), "KSHISH-tof"),
    FirstName("Priya", "any", "south-asian", (), "PREE-ya"),
    FirstName("Anjali", "any", "south-asian", (), "un-JUH-lee"),
    FirstName("Harpreet", "any", "south-asian", (), "HAR-preet"),
    FirstName("Imran", "any", "south-asian"),
    FirstName("Fatima", "any", "south-asian"),
    FirstName("Mohammed", "any", "south-asian", ("Mo",)),
    FirstName("Ngozi", "any", "west-african", (), "en-GO-zee"),
    FirstName("Chidi", "any", "west-african", (), "CHEE-dee"),
    FirstName("Oluwaseun", "any", "west-african", ("Seun",), "oh-loo-WAH-shay-oon"),
    FirstName("Adebayo", "any", "west-african", ("Bayo",), "ah-deh-BAH-yo"),
    FirstName("Xiaoling", "any", "chinese", (), "shyow-LING"),
    FirstName("Wei", "any", "chinese", (), "WAY"),
)
MALE_NAMES = frozenset({
    "Adebayo", "Alasdair", "Alexander", "Andrew", "Anthony", "Arthur", "Chidi", "Christopher", "Ciarán",
    "Dafydd", "Edward", "Eoin", "Frederick", "Hamish", "Harold", "Iain", "Imran", "Jonathan", "Joshua",
    "Kenneth", "Krzysztof", "Leonard", "Michael", "Mohammed", "Oliver", "Oluwaseun", "Rhys", "Robert",
    "Ronald", "Samuel", "Stanley", "Stephen", "Tadhg", "Thomas", "Wei", "William", "Wojciech",
})
SURNAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Johnson", "Robinson", "Wright", "Thompson", "Walker",
        "White", "Green", "Hall", "Wood", "Jackson", "Clarke", "Harris", "Lewis", "Turner", "Cooper", "Hill",
        "Ward", "Morris", "Bennett", "Fletcher", "Holloway", "Pearson", "Ashworth", "Mainwaring", "Cholmondeley",
    ),
    "ie": ("Murphy", "Kelly", "O'Brien", "Byrne", "Ó Súilleabháin", "McCarthy", "Doherty", "Gallagher"),
    "sc": ("Campbell", "Stewart", "MacDonald", "Menzies", "Urquhart", "Dalziel", "Robertson", "Fraser"),
    "cy": ("Davies", "Evans", "Lloyd", "Pritchard", "Hughes", "Morgan", "Price", "Llewellyn"),
    "pl": ("Kowalski", "Nowak", "Wiśniewska", "Zieliński", "Szymańska", "Woźniak"),
    "south-asian": ("Patel", "Khan", "Ahmed", "Singh", "Hussain", "Begum", "Sharma", "Chaudhry"),
    "west-african": ("Okafor", "Adeyemi", "Mensah", "Okonkwo", "Balogun", "Asante"),
    "chinese": ("Chen", "Wong", "Li", "Zhang", "Lam"),
}
SURNAME_SAY = {
    "Menzies": "MING-iss", "Urquhart": "URK-urt", "Dalziel": "dee-ELL", "Mainwaring": "MAN-er-ing",
    "Cholmondeley": "CHUM-lee", "Ó Súilleabháin": "oh SOOL-a-vawn", "Llewellyn": "hloo-WELL-in",
    "Zieliński": "zhe-LIN-skee", "Woźniak": "VOZH-nyak",
}
ORIGIN_WEIGHTS = {"en": 62, "ie": 5, "sc": 6, "cy": 5, "pl": 5, "south-asian": 9, "west-african": 5, "chinese": 3}
CALLER_TAGS = (
    "paper statements", "large print", "joint account", "business", "prefers mornings", "power of attorney",
    "student", "paperless", "loyalty", "text updates",
)
CALLER_NOTES = (
    "Prefers calls after 10am.",
    "Works nights; best reached after 2pm.",
    "Runs a small bakery; also has a business account with us.",
    "Cares for their partner; calls may be cut short.",
    "Uses Relay UK for calls; allow extra time.",
    "Asked not to be called on the work number.",
)
RELATIVES = ("husband", "wife", "mother", "father", "brother", "sister", "partner")
TOPICS = ("a refund", "a missing statement", "a wrong charge", "a card that never arrived", "a direct debit")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)

F, M, X = Outcome.FAILED, Outcome.MET, Outcome.EXCEEDED
# (FCA FG21/1 driver, detail, adjustments in plain words)
VULNERABILITIES = (
    ("health", "Hard of hearing", "Speak clearly and a little slower; offer to confirm by letter."),
    ("health", "Recovering from a stroke; speech is slow",
     "Give them time to finish; do not finish their sentences."),
    ("health", "Sight loss", "Read out key details; send letters in large print."),
    ("health", "Early-stage dementia; son holds power of attorney",
     "Keep to one thing per call, confirm by letter, check with the son if unsure."),
    ("health", "Anxiety; phone calls are stressful", "Offer chat or email; say what happens next before ending."),
    ("life-event", "Recently bereaved",
     "Be patient with paperwork; do not ask for the late partner by name; offer the bereavement team."),
    ("life-event", "Lost their job this year", "Talk through payment breaks; no pressure to decide on the call."),
    ("life-event", "New carer for a parent", "Offer calls at a time that suits; keep calls short."),
    ("resilience", "Income has dropped; struggling with bills", "Offer a payment plan; point to free debt advice."),
    ("resilience", "Missed two payments after reduced hours", "Check what they can afford before agreeing anything."),
    ("capability", "English is a second language", "Use plain words; offer an interpreter; check understanding."),
    ("capability", "Not confident online",
     "Do not send them to the website; take them through it by phone or post."),
    ("capability", "Finds letters hard to read", "Explain letters by phone; avoid jargon."),
)
CONSENT_HOW = ("verbal, recorded call", "verbal, recorded call", "verbal, recorded call", "written, signed form",
               "by email")
CONTACT_RELATIONSHIPS = (
    ("daughter", ("health", "welfare")), ("son", ("health", "welfare")), ("husband", ("any",)), ("wife", ("any",)),
    ("partner", ("any",)), ("sister", ("welfare",)), ("brother", ("welfare",)), ("neighbour", ("welfare",)),
    ("friend", ("welfare",)), ("carer", ("health",)), ("niece", ("welfare",)),
)
# (id, display name, role, team)
AGENTS = (
    ("sam.okafor", "Sam Okafor", "agent", "Thames"),
    ("priya.shah", "Priya Shah", "agent", "Thames"),
    ("dan.mcgregor", "Dan McGregor", "agent", "Pennine"),
    ("aisha.rahman", "Aisha Rahman", "agent", "Pennine"),
    ("tom.baker", "Tom Baker", "agent", "Thames"),
    ("helen.ward", "Helen Ward", "supervisor", "Thames"),
    ("gareth.lloyd", "Gareth Lloyd", "supervisor", "Pennine"),
)
SUPERVISORS = tuple(agent[0] for agent in AGENTS if agent[2] == "supervisor")

# -- the story caller: an older caller who lives alone, whose last call let her down (CX-PRINCIPLES.md) ----------
EXTERNAL_PREFIX = "DEMO-"  # of every demo caller's external id: DEMO-0001 is the story caller
STORY_EXTERNAL_ID = "DEMO-0001"
STORY_NUMBER = "+442079460018"
STORY_CALLER = {
    "full_name": "Margaret Hale", "preferred_name": "Peggy", "pronunciation": "PEG-ee",
    "address": (("17 Elm Grove",), "London", "SE15 4QR"), "customer_since": (2009, 4, 6),
    "notes": "81; lives alone. Hard of hearing: speak slowly and clearly, and confirm each step.",
    "tags": ("paper statements", "large print"),
}
STORY_CONTACTS = (  # (name, relationship, ((number, label), ...), may contact for)
    ("Ann Hale", "daughter", (("+442079460391", "mobile"), ("+441134960452", "work")), ("health", "welfare")),
    ("Tom Reid", "neighbour", (("+442079460027", "home"),), ("welfare",)),
)
STORY_VULNERABILITY = (
    "health", "hard of hearing; lives alone; finds long calls tiring",
    "Speak slowly and clearly, confirm each step, offer to call back rather than keep her waiting",
)
STORY_CONSENT_DAYS_AGO = 262  # recorded on the direct debit call below; due for review within the year
STORY_CALLS = (
    StoryCall(520, "11:10", "Statement request", M, "aisha.rahman",
              "Peggy asked to go back to paper statements; she does not use email. Switched her to paper and "
              "posted the last three.", "Paper statements sent", minutes=9),
    StoryCall(262, "10:05", "Direct debit", X, "sam.okafor",
              "Peggy asked to move her direct debit to the 5th, after her pension is paid. Moved it and set her "
              "letters to large print. With her consent, noted she is hard of hearing, lives alone and finds long "
              "calls tiring, and added her daughter Ann and neighbour Tom as emergency contacts. She said it was the "
              "easiest call she has had all year.", "Direct debit moved, large print set up", minutes=18),
    StoryCall(118, "14:40", "New card", M, "tom.baker",
              "Peggy's card ending 7724 has worn out. Ordered a new one to her home address; read the address back "
              "slowly and she confirmed it.", "Card ordered", minutes=11),
    StoryCall(36, "09:50", "Billing query", M, "dan.mcgregor",
              "Peggy noticed £42.50 taken twice in {month}. Confirmed it was a duplicate and asked refunds to check "
              "it; promised to ring her back within two days.", "Duplicate payment confirmed", minutes=14,
              follow_up_in_days=2, follow_up_done_days_ago=35),
    StoryCall(35, "15:15", "Refund", M, "dan.mcgregor",
              "Called Peggy back as promised: refund of £42.50 for the duplicate payment requested (REF-204617). "
              "Told her it should reach her account within 5 working days.", "Refund requested",
              direction="outbound", minutes=6),
    StoryCall(3, "10:20", "Refund", F, "priya.shah",
              "Peggy rang because the £42.50 refund has still not reached her account. Could not get a date from "
              "the refunds team while she waited; promised to call her back by {due} with the date. She was tired "
              "by the end of the call.", "Refund callback promised", minutes=22, follow_up_in_days=1),
)
# fmt: on
