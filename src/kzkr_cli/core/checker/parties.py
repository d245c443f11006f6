"""Which countries a text names, by name or by its people's name, read from pycountry's
gazetteer (ISO 3166) rather than a hand list; pycountry is loaded on the first claim checked.

A sentence about a country a record is not about ("170,000 ethnic Koreans in Uzbekistan",
"Japan ranks third among Kazakhstan's trade partners") is not settled by that record.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker.words import directed, stem

Country = frozenset[str]
"""A mention of a country: the ISO codes it may stand for ("Korea": both Koreas)."""

_WORD = re.compile(r"[^\W\d_]+")
_LONGEST_NAME = 6


@dataclass(frozen=True, slots=True)
class Mention:
    country: Country
    start: int
    end: int
    people: bool = False
    """Named by its people's name ("Korean"), which modifies the noun after it."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[tuple[str, ...], frozenset[str]]
    """Every name of a country, as its lower-case words, with the codes it names."""
    people: dict[str, frozenset[str]]
    """The stems its people's names grow from ("japan", "chin", "kazakh")."""
    longest: int

    def __call__(self, text: str) -> list[Country]:
        """The countries ``text`` names, in order."""
        return [m.country for m in self.mentions(text)]

    def mentions(self, text: str) -> list[Mention]:
        """Each country ``text`` names, where, and whether by its people's name; a
        capitalised word starts a name, the longest name wins ("South Korea" before "South
        Africa" or "Korea")."""
        words = list(_WORD.finditer(text))
        found: list[Mention] = []
        i = 0
        while i < len(words):
            word = words[i].group(0)
            if not word[0].isupper():
                i += 1
                continue
            for n in range(min(self.longest, len(words) - i), 0, -1):
                key = tuple(w.group(0).lower() for w in words[i : i + n])
                if key in self.names and _adjacent(text, words[i : i + n]):
                    found.append(Mention(self.names[key], words[i].start(), words[i + n - 1].end()))
                    i += n
                    break
            else:
                codes = self._people(word.lower())
                if codes:
                    found.append(Mention(codes, words[i].start(), words[i].end(), people=True))
                i += 1
        return found

    def _people(self, word: str) -> frozenset[str] | None:
        word = word.removesuffix("s")  # "Koreans", "Uzbeks"
        endings = (word[: -len(e)] for e in lexicon.DEMONYM_ENDINGS if word.endswith(e))
        for root in (word, *endings):
            if root in self.people:
                return self.people[root]
        return None


def _adjacent(text: str, words: list[re.Match[str]]) -> bool:
    """Words of one name stand apart by spaces only, not by punctuation."""
    return all(not text[a.end() : b.start()].strip() for a, b in pairwise(words))


@cache
def gazetteer() -> Gazetteer:
    """Built once, on first use: importing pycountry and reading its 249 countries costs
    about 20 ms, which only ``check`` pays."""
    import pycountry

    names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        code = country.alpha_2
        given = {getattr(country, a, None) for a in ("name", "common_name", "official_name")}
        for name in filter(None, given):
            for form in _forms(name):
                names[form].add(code)
                if len(form) == 1:
                    for root in _roots(form[0]):
                        people[root].add(code)
    return Gazetteer(
        {k: frozenset(v) for k, v in names.items()},
        {k: frozenset(v) for k, v in people.items()},
        max(map(len, names)),
    )


def _forms(name: str) -> Iterable[tuple[str, ...]]:
    """A name as written, its part before a comma ("Korea, Republic of": "Korea"), and the
    people's name of a formal name ("Russian Federation": "Russian")."""
    for part in {name, name.split(",")[0]}:
        words = tuple(w.lower() for w in _WORD.findall(part))
        if words and len(words) <= _LONGEST_NAME:
            yield words
        if len(words) == 2 and words[1] in lexicon.STATE_WORDS:
            yield words[:1]


def _roots(name: str) -> Iterable[str]:
    yield name
    for ending in lexicon.COUNTRY_NAME_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 3:
            yield name[: -len(ending)]
            return
    if len(name) > 4:
        yield name[:-1]


def countries(text: str) -> list[Country]:
    return gazetteer()(text)


def parties_of(texts: Iterable[str]) -> frozenset[str]:
    """The countries (ISO codes) a record's own words name: what it is about."""
    return frozenset(code for text in texts for mention in countries(text) for code in mention)


Attribution = tuple[Country, str]
"""A noun a text ties to a country: "Korea's ... partner", "Kazakh students" (its stem)."""

POSSESSED_WITHIN = 4
"""A country's possessive owns the words of the next this many words ("South Korea's
fourth-largest trading partner"), up to a preposition."""
_POSSESSIVE = re.compile(r"['’]s\b")
_NEXT = re.compile(r"[\s\-\u2010\u2011–—]*([^\W_]+)")


def attributions(text: str) -> frozenset[Attribution]:
    """The nouns ``text`` ties to a country: those a country's possessive owns, and the one
    word after a people's name ("South Korean students" ties students to Korea)."""
    found: set[Attribution] = set()
    mentions = gazetteer().mentions(text)
    starts = {m.start for m in mentions}
    for mention in mentions:
        if _POSSESSIVE.match(text, mention.end):
            at = mention.end + 2
            for _ in range(POSSESSED_WITHIN):
                following = _NEXT.match(text, at)
                if following is None or following.start(1) in starts:
                    break
                if following.group(1).lower() in lexicon.PREPOSITIONS:
                    break
                found.add((mention.country, stem(following.group(1))))
                at = following.end()
        elif mention.people:
            following = _NEXT.match(text, mention.end)
            if following is not None and following.start(1) not in starts:
                found.add((mention.country, stem(following.group(1))))
    return frozenset(found)


Flow = tuple[str, str]
"""A way a text points at a country: ("to", "KR")."""


def flows(text: str) -> frozenset[Flow]:
    """The countries a text says something goes from or to ("exported ... to Kazakhstan":
    ("to", "KZ")), each of the codes its name may stand for."""
    return frozenset(
        (way, code)
        for way, place in directed(text)
        for mention in countries(place)
        for code in mention
    )


def elsewhere(said: frozenset[Flow], meant: frozenset[Flow]) -> bool:
    """Whether a text sends a flow to (or from) other countries than a subject does, and
    to none of its: "South Korea exported $735.8 million to Kazakhstan" is not about
    "Kazakhstan's exports to South Korea"."""
    for way in ("from", "to"):
        stated = {code for w, code in said if w == way}
        named = {code for w, code in meant if w == way}
        if stated and named and not stated & named:
            return True
    return False


def misattributed(said: frozenset[Attribution], meant: frozenset[Attribution]) -> bool:
    """Whether a sentence ties a noun to another country than a record does, and never to
    the record's ("South Korean students" against "Kazakh students studying in Korea";
    "South Korea's trading partner" against "Kazakhstan's trade partners")."""
    for country, noun in said:
        theirs = [c for c, n in meant if n == noun]
        if theirs and not any(c & country for c in theirs):
            return True
    return False


def is_people_adjective(word: str) -> bool:
    """A people's name used as an adjective ("Korean", "Kazakh"), not as a noun ("Koreans"):
    it says whose, not what."""
    return (
        word[:1].isupper()
        and not word.endswith("s")
        and gazetteer()._people(word.lower()) is not None
    )


def is_people_noun(word: str) -> bool:
    """A people's name used as a noun ("Koreans", "Kazakhs"): persons."""
    word = word.strip("()[],.;:")
    return (
        word[:1].isupper() and word.endswith("s") and gazetteer()._people(word.lower()) is not None
    )
