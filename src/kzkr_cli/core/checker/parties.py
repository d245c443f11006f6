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

Country = frozenset[str]
"""A mention of a country: the ISO codes it may stand for ("Korea": both Koreas)."""

_WORD = re.compile(r"[^\W\d_]+")
_LONGEST_NAME = 6
_STAN = "stan"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[tuple[str, ...], frozenset[str]]
    """Every name of a country, as its lower-case words, with the codes it names."""
    people: dict[str, frozenset[str]]
    """The stems its people's names grow from ("japan", "chin", "kazakh")."""
    longest: int

    def __call__(self, text: str) -> list[Country]:
        """The countries ``text`` names, in order; a capitalised word starts a name, the
        longest name wins ("South Korea" before "South Africa" or "Korea")."""
        words = list(_WORD.finditer(text))
        found: list[Country] = []
        i = 0
        while i < len(words):
            word = words[i].group(0)
            if not word[0].isupper():
                i += 1
                continue
            for n in range(min(self.longest, len(words) - i), 0, -1):
                key = tuple(w.group(0).lower() for w in words[i : i + n])
                if key in self.names and _adjacent(text, words[i : i + n]):
                    found.append(self.names[key])
                    i += n
                    break
            else:
                codes = self._people(word.lower())
                if codes:
                    found.append(codes)
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
    if name.endswith(_STAN) and len(name) > len(_STAN) + 3:
        yield name[: -len(_STAN)]
    elif len(name) > 4:
        yield name[:-1]


def countries(text: str) -> list[Country]:
    return gazetteer()(text)


def parties_of(texts: Iterable[str]) -> frozenset[str]:
    """The countries (ISO codes) a record's own words name: what it is about."""
    return frozenset(code for text in texts for mention in countries(text) for code in mention)


def others(text: str, parties: frozenset[str]) -> list[Country]:
    """The countries ``text`` names that a record about ``parties`` is not about."""
    return [mention for mention in countries(text) if not mention & parties]
