"""Every English word the engines know, in one place: plain data, no rules.

Like dateutil's ``parserinfo``, the readers of text (numbers, dates, the claim checker, the
conflict engine's likely causes) hold no word lists of their own; they ask this module.
Adding a hedge word, a month's abbreviation or an event kind's verb touches this file only.
Words are written as a reader sees them; an engine that compares stems stems them itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping

from kzkr_cli.core.models import EventKind, Qualifier

# ---------------------------------------------------------------- calendar

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
YEAR_PARTS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
"""Which quarter or half of a year ("the second quarter of 2024")."""
DECADE_PARTS: dict[str, tuple[int, int]] = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}
"""The years of a decade its part names: "the late 1930s" is 1937..1939."""
YEAR_OFFSETS = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}
"""Years from the date of writing ("last year": -1), placed against a reference date."""
TIME_UNITS = ("days", "weeks", "months", "years", "decades", "hours", "minutes")
"""Plural units of time: "12 months" is a length, not a count of things."""
RELATIVE_WORDS = ("last", "this", "next", "past")
RELATIVE_UNITS = ("year", "month", "week")
"""A time counted from the moment of writing ("last year", "this month"): it gives a claim a
period the text cannot place without knowing when it was written."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
CALENDAR_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *SEASONS])
"""Capitalised words that name a time, never a party."""

ABBREVIATIONS = frozenset(
    [
        *MONTH_ABBREVIATIONS,
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "vs",
        "approx",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "prof",
        "gen",
        "gov",
        "lt",
        "col",
        "sen",
        "rep",
    ]
)
"""Words after whose full stop a sentence goes on."""

# ---------------------------------------------------------------- numbers

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
"""Ordinals written as one word; a tens word joins one of the first nine ("twenty-first")."""
SCALE_WORDS: dict[str, int] = {
    "hundred": 2,
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mln": 6,
    "mn": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "b": 9,
    "trillion": 12,
    "tn": 12,
}
"""A scale word and the power of ten it multiplies by."""
BARE_LETTER_SCALES = frozenset({"m", "b", "k"})
"""Scale letters that are a scale only beside a currency ("$5m"), never alone ("5 m")."""
JOINED_SCALES = frozenset({"k"})
"""Of those, the ones that are a scale alone too when joined to the digits in lower case
("120k visitors"); "5m" may be metres or minutes, and "300K" is as often part of a name
("the Study Korea 300K Project")."""
BEFORE_A_BARE_SCALE = frozenset(
    {"a", "an", "one", "several", "few", "many", "of", "tens", "hundreds"}
)
"""Words that may stand before a scale word with no digits ("several billion"); without one,
"reached  billion" is what a shell leaves of "$7 billion" inside double quotes."""
TIMES_WORDS: dict[str, int] = {"twice": 2, "thrice": 3}
"""How often something happened ("visited twice"); "twice as large" is a ratio, not a count."""
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2,
    "quarter": 4,
    **{word: n for word, n in ORDINAL_WORDS.items() if 3 <= n <= 10 and n != 4},
}
"""The parts a share is written in ("a third", "two-fifths", "three-quarters"), after a
numerator in words ("a", "one" to "nine")."""
MULTIPLE_WORDS: dict[str, int] = {"doubled": 100, "tripled": 200, "quadrupled": 300, "halved": -50}
"""Verbs of growth by a multiple, as a change in percent."""
FEW_WORDS = ("a few", "several")
"""Words for a small number of a scale ("a few hundred", "several thousand"): two to nine
of it."""
FEW_RANGE = (2, 9)
VAGUE_COUNTS: dict[str, int] = {"dozens": 24, "hundreds": 200, "thousands": 1000, "millions": 10**6}
"""Plurals of a scale that state more than a number ("thousands of students")."""

HEDGES: dict[str, Qualifier] = {
    "about": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "approx.": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "circa": Qualifier.ABOUT,
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "exceeds": Qualifier.MORE_THAN,
    "exceeded": Qualifier.MORE_THAN,
    "exceeding": Qualifier.MORE_THAN,
    "surpassed": Qualifier.MORE_THAN,
    "topped": Qualifier.MORE_THAN,
    "at least": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "less than": Qualifier.LESS_THAN,
    "fewer than": Qualifier.LESS_THAN,
    "under": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN,
    "up to": Qualifier.UP_TO,
    "as many as": Qualifier.UP_TO,
    "as much as": Qualifier.UP_TO,
}
"""Words before a number that widen it, and how (tried in this order)."""
NARROW_WORDS = ("just", "barely", "slightly", "narrowly", "only just", "a little")
"""Words before a bound that keep it close ("just over", "barely topped"): half a step."""

SIZE_SUPERLATIVES = ("largest", "biggest", "leading")
"""Superlatives that rank by size, the order a rank metric has unless its ``ranked_by``
names another ("most important" is a judgement, not a size)."""
SUPERLATIVES = (*SIZE_SUPERLATIVES, "most important")
"""Words after a number that make it a top-N rank ("its ten largest investors")."""
NEGATED_RANKS = ("not among", "not in", "not one of", "outside")
"""Words before a top-N rank that put it outside ("not among the ten biggest")."""

OTHER_CURRENCIES = (
    "€",
    "£",
    "¥",
    "₩",
    "₸",
    "₽",
    "eur",
    "euros",
    "euro",
    "won",
    "krw",
    "tenge",
    "kzt",
    "rubles",
    "ruble",
    "roubles",
    "rouble",
    "yuan",
    "yen",
)
"""Currencies other than the dollar: a sum in one of them cannot be compared with a USD figure."""


def _in_every_tense(verbs: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Each verb (by its base) in the forms a writer uses: the base, the present a headline
    uses ("falls", "slumps"), and its past forms."""
    return tuple(form for base, past in verbs.items() for form in (base, base + "s", *past))


FALL_VERBS = {
    "decline": ("declined",),
    "decrease": ("decreased",),
    "drop": ("dropped",),
    "fall": ("fell",),
    "shrink": ("shrank", "shrunk"),
    "tumble": ("tumbled",),
    "plummet": ("plummeted",),
}
"""Verbs of falling whose forms are no common noun of a count ("12 contracts", "slides",
"sinks" are), so each is read in every tense; the others only in the past."""
RISE_VERBS = {"increase": ("increased",), "rise": ("rose",), "grow": ("grew",)}
FALL_WORDS = (
    "less",
    "lower",
    "fewer",
    "down",
    "contracted",
    "slid",
    "sank",
    *_in_every_tense(FALL_VERBS),
)
"""Words next to a number that make it a fall ("44% less", "fell by 3%", "falls 3%")."""
RISE_WORDS = ("growth", "up", "more", *_in_every_tense(RISE_VERBS))
"""Words next to a number that make it a rise."""
DIRECTION_ADVERBS = ("up", "down", "more", "less", "lower", "fewer", "growth")
"""Of those, the words that are no verb of change ("made up more than half of")."""
SHARP_FALL_WORDS = _in_every_tense({"plunge": ("plunged",), "slump": ("slumped",)})
SHARP_RISE_WORDS = _in_every_tense({"jump": ("jumped",), "surge": ("surged",)})
"""Verbs read as a direction before a number ("surged 40%", "slumps 44%"), and as nouns after
a percentage ("the 44% slump"), never after a count."""

# ---------------------------------------------------------------- parties

DEMONYM_ENDINGS = ("an", "ian", "ese", "i", "ish", "ean", "n")
COUNTRY_NAME_ENDINGS = ("stan",)
"""Endings of a country's name that its people's name drops (Kazakhstan, Kazakh)."""
"""Endings English adds to a country's name, or to it without its last letter, to make its
people's name: Japan-ese, Chin-ese, Russia-n, Ital-ian, Iraq-i. A "-stan" country's people
are its name without "-stan" (Kazakh, Uzbek, Kyrgyz)."""
STATE_WORDS = ("federation", "republic")
"""Words a state's formal name adds after its people's name ("Russian Federation")."""

# ---------------------------------------------------------------- words the checker weighs

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "between",
        "both",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "over",
        "per",
        "s",
        "she",
        "than",
        "that",
        "the",
        "their",
        "them",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "was",
        "we",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "within",
    ]
)
"""Words that say nothing about a subject."""

CAUSE_WORDS = (
    "because of",
    "because",
    "due to",
    "owing to",
    "thanks to",
    "driven by",
    "caused by",
    "fuelled by",
    "fueled by",
    "prompted by",
    "as a result of",
    "led to",
    "resulted in",
    "in response to",
)
"""Words by which a sentence says why something happened ("fell 44% because of lower oil
prices"): a link between things that a record states only in its own words."""
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")
POSSESSIVES = ("his", "her", "its", "our", "their", "my", "your")
COMPARATIVES = ("lower", "higher", "weaker", "stronger", "fewer", "more", "less", "greater")
"""Words that begin what "due to" names when it is a cause ("due to the war", "due to their
costs", "due to lower prices"), where a verb makes it a schedule ("due to resume")."""
MODAL_WORDS = ("could", "would", "might", "may", "can")
"""Verbs that make what follows possible only ("could add up to $20 billion": a ceiling)."""

TITLE_WORDS = (
    "President",
    "Prime Minister",
    "Minister",
    "Speaker",
    "Mayor",
    "Ambassador",
    "Ambassador Extraordinary and Plenipotentiary",
    "Ambassador Extraordinary",
)
"""Titles written before a name ("President Roh"): the name is what names the person."""

COMPASS_ADJECTIVES = ("northern", "southern", "eastern", "western")
"""Words naming a quarter of a place ("southern Kazakhstan"); not "South", which begins the
names of countries."""

ORGANISATION_WORDS = (
    "Bank",
    "Group",
    "Corporation",
    "Corp",
    "Company",
    "Motors",
    "Electronics",
    "Holdings",
    "Industries",
    "Industrial",
    "Airlines",
    "Securities",
    "Financial",
    "Construction",
    "Steel",
    "Chemical",
    "Telecom",
)
"""Words after a name that make it an organisation's ("Shinhan Bank", "Doosan Group"), as
written: the name is a party even where it opens a sentence."""
ACTOR_VERBS = (
    "acquired",
    "bought",
    "built",
    "invested",
    "launched",
    "opened",
    "paid",
    "purchased",
    "signed",
    "sold",
    "visited",
)
"""Verbs whose subject is who acted ("Shinhan bought"): a name right before one, opening a
sentence, is a party."""

GENERIC_WORDS = ("rank", "share", "number", "value", "change", "total", "count")
"""Words that name a measure, not what is measured: alone they never select a metric."""

GENERIC_COUNTED = ("people", "persons", "individuals", "times", "occasions", "instances", "strong")
"""Nouns that count anything ("200,000 people", "five times"), and "strong" after a count of
the group before it ("a community some 120,000 strong"): they leave the subject to the rest
of the sentence."""
PERSONS_COUNTED = ("people", "persons", "individuals")
"""Of those, the nouns that count persons: "20,000 people" is no count of companies."""
PERSON_NOUNS = (
    *PERSONS_COUNTED,
    "citizens",
    "students",
    "tourists",
    "visitors",
    "travellers",
    "travelers",
    "arrivals",
    "residents",
    "workers",
    "employees",
    "migrants",
    "diaspora",
)
"""Nouns naming persons: a metric whose words use one (or a people's name, "Koreans")
counts persons."""

PREPOSITIONS = (
    "about",
    "across",
    "after",
    "against",
    "among",
    "at",
    "before",
    "between",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "over",
    "per",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "with",
    "within",
)
"""Words that end a noun phrase: "South Korea's rank among investors" owns the rank only."""

PRONOUN_NUMBERS = ("one",)
"""Number words that also stand for a noun ("opened one in Almaty"): a count only when a
noun follows."""

DEFINITE_WORDS = ("the", "these", "those", "both", "all")
"""Words before a small count that point back at things already named ("the two countries")."""

DIRECTION_WORDS: dict[str, str] = {
    "from": "from",
    "to": "to",
    "into": "to",
    "toward": "to",
    "towards": "to",
}
"""Prepositions that point a flow at a place, and which way."""


ORIGIN_WORDS = (
    "established",
    "set",
    "formed",
    "began",
    "started",
    "launched",
    "since",
    "date",
    "dates",
    "became",
)
"""Words saying when something began ("set up in", "dates back to", "since", "became
partners in")."""

KIND_WORDS: dict[EventKind, tuple[str, ...]] = {
    EventKind.VISIT: ("visit", "went", "trip", "travelled", "traveled", "toured", "stayed"),
    EventKind.AGREEMENT: ("agreement", "agreed", "signed", "concluded", *ORIGIN_WORDS),
    EventKind.MEETING: ("meeting", "met", "talks", "negotiations", "summit", "forum"),
    EventKind.OPENING: ("opening", "opened", "inaugurated", *ORIGIN_WORDS),
    EventKind.FOUNDING: ("founding", "founded", "created", *ORIGIN_WORDS),
    EventKind.APPOINTMENT: ("appointment", "appointed", "named", "became", "post", "since"),
    EventKind.ANNOUNCEMENT: ("announcement", "announced", "declared"),
    EventKind.ACQUISITION: ("acquisition", "acquired", "bought", "purchased", "buys"),
    EventKind.CULTURAL: (
        "cultural",
        "festival",
        "exhibition",
        "performance",
        "staged",
        "hosted",
        "play",
        "concert",
    ),
    EventKind.DEPORTATION: ("deportation", "deported", "exiled"),
    EventKind.REPATRIATION: (
        "repatriation",
        "repatriated",
        "returned",
        "reburied",
        "brought",
    ),
}
"""Words by which English names what kind of thing happened: "bought" an acquisition,
"set up" a founding. Language, not knowledge of any one event: which event a sentence means
is still decided by the store's own titles, actors, places and aliases."""

OCCASION_NOUNS = frozenset(
    [
        "visit",
        "visits",
        "trip",
        "trips",
        "meeting",
        "meetings",
        "talks",
        "negotiations",
        "summit",
        "forum",
        "festival",
        "exhibition",
        "performance",
    ]
)
"""Nouns naming an occasion that may recur, as written (not "visited", not "met")."""

ANNIVERSARY_WORDS = ("anniversary", "jubilee")
"""Words after an ordinal that make it an anniversary: a count of years completed that
very year ("the 15th anniversary in 2024" began in 2009), not an age within a year."""

AGE_WORDS = (*ANNIVERSARY_WORDS, "year", "birthday")
"""Words after an ordinal in words that make it a count of years ("the twenty-first year");
without one, "first" or "fifth" is a place in a row, not an age."""

REPORTING_VERBS = ("said", "says", "reported", "told", "noted", "stated", "wrote", "writes")
"""Verbs by which a text reports what someone said (not words that are also nouns, such as
"states" or "reports"): a time right after one ("the ministry said on Tuesday", "The Astana
Times reported in November 2024") dates the saying, not what was said."""
SAYING_LINKS = ("in", "on", "at", "last", "this", "earlier", "late", "early")
"""The words that may stand between a verb of saying and the time it is dated by (after
"told", one more: whom it was told to, "told reporters on Monday")."""

RELATIVE_PRONOUNS = ("that", "which", "who", "whom", "whose")
"""Words opening a relative clause: a time after one belongs to that clause's verb."""

ANNOUNCED_WORDS = (
    "will",
    "shall",
    "is to",
    "are to",
    "plan to",
    "plans to",
    "is scheduled",
    "are scheduled",
    "is expected",
    "are expected",
)
"""Words by which a source announces a date in advance ("the plant will open in 2025")."""


def announces(text: str) -> bool:
    """Whether ``text`` announces what it dates in advance, by one of ``ANNOUNCED_WORDS``."""
    return _announced().search(text) is not None


def announcing(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` uses one of ``ANNOUNCED_WORDS``, in order."""
    return (m.span() for m in _announced().finditer(text))


@functools.cache
def _announced() -> re.Pattern[str]:
    return re.compile(rf"\b({alternation(ANNOUNCED_WORDS)})\b", re.IGNORECASE)


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, a space as any space."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
