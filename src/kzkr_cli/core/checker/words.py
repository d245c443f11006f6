"""Words as the checker compares them: tokens with their place in the text, folded to stems.

A light suffix-stripping stemmer is enough to let "traded" meet "trade", "investments" meet
"investment" and "opened" meet the event kind "opening"; it is applied to both sides of every
comparison, so its quirks cancel out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from kzkr_cli.core import lexicon

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ships",
    "ship",
    "ional",
    "ings",
    "ing",
    "ed",
    "es",
    "s",
)

STOP_WORDS = lexicon.STOP_WORDS


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its stem and where it stands."""

    stem: str
    start: int
    end: int


@cache
def stem(word: str) -> str:
    """Fold a word to a crude stem: lower case, no possessive, no common inflection.

    Cached per distinct word: a store repeats a small vocabulary over many records, so
    indexing a large one stems each word once, not once per use."""
    people = word[:1].isupper() and word.endswith("ans")
    word = _POSSESSIVE.sub("", word.lower())
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and (word.endswith(("ss", "us", "is")) or people):
                break  # "Koreans" (people) is not "Korean" (of Korea)
            word = word[: -len(suffix)]
            if suffix in ("ed", "ing") and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "planned" → "plan"
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def tokens(text: str) -> list[Token]:
    """Every word of ``text`` with its character span; hyphens and dashes separate words."""
    return [Token(stem(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words, in order: ``tokens`` without the spans."""
    return tuple(map(stem, _WORD.findall(text)))


def stems_of_all(texts: Iterable[str]) -> frozenset[str]:
    """The stems of every word of ``texts``: each distinct word is stemmed once."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(text))
    return frozenset(map(stem, words))


Direction = tuple[str, str]
"""A way a text points at a place: ("from", stem) or ("to", stem)."""

_DIRECTED = re.compile(
    rf"\b(?P<way>(?i:{lexicon.alternation(lexicon.DIRECTION_WORDS)}))\s+(?:(?i:the)\s+)?"
    r"(?P<place>[A-Z][^\W\d_]*(?:[ -][A-Z][^\W\d_]*)?)"
)


def directed(text: str) -> Iterator[tuple[str, str]]:
    """Each place a text says something goes from or to, with the way: ("to", "South
    Korea") for "exports to South Korea"."""
    for match in _DIRECTED.finditer(text):
        yield lexicon.DIRECTION_WORDS[match.group("way").lower()], match.group("place")


def directions(text: str) -> frozenset[Direction]:
    """The places a text says something goes from or to ("tourist flow from Kazakhstan",
    "exports to South Korea"), each word of the place's name with its direction."""
    found: set[Direction] = set()
    for way, place in directed(text):
        found.update((way, stem(word)) for word in _WORD.findall(place))
    return frozenset(found)


def reverses(said: frozenset[Direction], meant: frozenset[Direction]) -> bool:
    """Whether a text (``said``) turns round a direction that names a subject (``meant``):
    "to Kazakhstan" where the subject is a flow "from Kazakhstan" and never one to it."""
    return any(
        (("to" if way == "from" else "from"), place) in meant and (way, place) not in meant
        for way, place in said
    )


def content_stems(text: str) -> set[str]:
    """The stems of a text's meaningful words: no stop words, no numbers."""
    return {s for s in map(stem, _WORD.findall(text)) if s not in STOP_WORDS and not s[0].isdigit()}


Region = tuple[str, str]
"""A part of a place by its quarter of the compass: ("southern", "kazakhstan")."""
_REGION = re.compile(
    rf"\b({lexicon.alternation(lexicon.COMPASS_ADJECTIVES)})\s+([A-Z][^\W\d_]+)", re.IGNORECASE
)


def regions(text: str) -> frozenset[Region]:
    """The parts of places a text names by their quarter ("in southern Kazakhstan")."""
    return frozenset((m.group(1).lower(), stem(m.group(2))) for m in _REGION.finditer(text))


def other_region(said: frozenset[Region], meant: frozenset[Region]) -> bool:
    """Whether a text puts a thing in another quarter of a place than a record does
    ("northern Kazakhstan" where the record's plant is in southern Kazakhstan)."""
    if said & meant:
        return False  # it names the record's quarter too ("southern ..., far from western ...")
    return any(any(p == place for _, p in meant) for _, place in said)
