"""Reading what a sentence claims: each number with its subject and period, and each date
with the event it dates.

Subjects come from the vocabulary alone: a metric is named by its name or an alias (whole
words, compared as stems), and a number can only be a value of a metric whose unit fits its
kind and whose direction the sentence does not turn round ("tourist flow to Kazakhstan" is
not a metric named "tourist flow from Kazakhstan"). Every (number, metric) pair is scored
by the longest phrase naming the metric, how near it stands to the number and how many of
the metric's distinctive name words the sentence uses; pairs are taken best first, each
number and each metric at most once per sentence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker.index import StoreIndex, fits, kind_stems
from kzkr_cli.core.checker.names import number_in_name, year_in_name
from kzkr_cli.core.checker.parties import (
    Flow,
    attributions,
    elsewhere,
    flows,
    is_people_adjective,
    misattributed,
)
from kzkr_cli.core.checker.when import CALENDAR, When, find_times, listed_years
from kzkr_cli.core.checker.words import (
    STOP_WORDS,
    Direction,
    Token,
    directions,
    other_region,
    regions,
    reverses,
    stem,
    tokens,
)
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.models import EventKind, Qualifier
from kzkr_cli.core.numbers import Kind, Quantity, find_quantities

PHRASE_WEIGHT = 10
"""Score of a one-word phrase naming the metric ..."""
PHRASE_WORD_WEIGHT = 5
"""... and of each further word: "trade turnover" beats "trade"."""
DISTANCE_WEIGHT = 2
"""Score lost per word between the number and the phrase ..."""
BOUNDARY_WORDS = 3
"""... where a comma, semicolon, colon, bracket or dash between them counts as this many."""
NAME_WORD_WEIGHT = 3
"""Score per distinctive word of the metric's name found anywhere in the sentence ..."""
NAME_WORD_CAP = 5
"""... counting at most this many."""
UNSAID_WORD_WEIGHT = 1
"""Score lost per distinctive word of the metric's name the sentence does not use (at most
``NAME_WORD_CAP``): of two variants named alike ("flights between Almaty and Seoul" in
operation, or agreed by the civil aviation authorities), a sentence that says neither
qualifier speaks of the plainer one."""
RANK_BEFORE_WORDS = 1
"""A rank names what stands after it ("No. 5 investor and No. 4 trade partner",
"fourth-largest trading partner"): a phrase before it counts this many words further."""
MAX_GAP = 12
"""A phrase further than this many words from the number does not name its subject."""
MAX_GAP_COUNT = 3
"""... or this many for a plain count not followed by a word its metric uses ("10 stores"
may reach back to "CU convenience store"; "reached 32,978," only to what stands near)."""
NAME_WORDS_TO_NAME = 2
"""Distinctive words of a metric's name that, found together, name it without an alias."""
AMBIGUITY_MARGIN = 3
"""Two subjects whose scores differ by less than this are too close to choose between."""
EVENT_MIN_WORDS = 3
"""Distinctive words of an event's title a sentence needs to speak of it, a word naming its
kind ("opened" for an opening, "visited" for a visit) counting as one; one name (an actor
or the place) is enough with a word naming its kind."""


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """A number the sentence states, and what it is about (None when nothing fits)."""

    quantity: Quantity
    metric: str | None
    when: When | None
    rivals: tuple[str, ...] = ()
    """Other metrics that fit about as well: the subject is ambiguous."""
    anniversary: bool = False
    """An ordinal naming an anniversary ("the 15th anniversary"): years completed exactly."""
    counts: bool = False
    """A count in digits of ten or more followed by a plural noun ("50 joint events",
    "70,000 vehicles"): it states a figure even when no metric names it."""
    by: bool = False
    """Its period is a time after "by": a deadline ("slated for completion by 2014"), not
    when the figure held."""

    @property
    def bare(self) -> bool:
        """A plain number or ordinal without unit or hedge ("two countries", "first")."""
        return (
            self.quantity.kind in (Kind.NUMBER, Kind.RANK)
            and self.quantity.qualifier is Qualifier.EXACT
        )


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A date the sentence states and the events it may date (best matches, tied)."""

    when: When
    events: tuple[str, ...]
    owned: bool = False
    """The sentence names the occasion as one of its parties' own ("Tokayev's state visit
    took place in ..."): the one the store records, not possibly another."""
    unnamed: tuple[str, ...] = ()
    """Events the sentence names by their parties and title words but not by what happened
    ("Hong Beom-do died in Kyzylorda" and his remains' return): the date may be another
    happening's, so it cannot rule them out."""
    misnamed: tuple[str, ...] = ()
    """Events of another kind than the one the sentence names ("the agreement took effect"
    and the negotiations): the date neither confirms nor rules them out."""
    places: frozenset[str] = frozenset()
    """Where the sentence says it happened: stems of places the store knows ("in Seoul")."""
    named_span: bool = False
    """The date is a span of years the thing is for ("an Action Plan for 2025-2027"), to be
    compared with the span its events' titles name, not with when they happened."""
    who: tuple[str, ...] = ()
    """Events whose actors the sentence names ("Tokayev's state visit"): of tied events
    none of which the date fits, the ones it speaks of."""
    namesakes: tuple[tuple[str, str], ...] = ()
    """People the sentence names whom the store knows, each with the event's actor of the
    same surname who is someone else ("Cho Tae-ik" where "Cho Tae-yul" signed)."""
    length: int | None = None
    """Not a date but how many days the event lasted, as the sentence says ("a three-day
    visit", "spent three days"): compared with the days each source's dates span."""


@dataclass(frozen=True, slots=True)
class ReadSentence:
    figures: tuple[FigureClaim, ...]
    dates: tuple[DateClaim, ...]
    strangers: tuple[str, ...] = ()
    """Parties the sentence names that the store never mentions ("trade with China")."""
    named_numbers: tuple[Quantity, ...] = ()
    """Numbers that are part of a name ("Terminal 2"): no figure's."""
    named_years: tuple[When, ...] = ()
    """Years that are part of a name ("Expo 2017"): no date."""
    times: tuple[When, ...] = ()
    """Every mention of time the sentence was read with, in order (names' years left out)."""


_PARTY = re.compile(
    r"\b[a-z]+\s+#?(?P<name>[A-Z][^\W\d_]+(?:[-'’][A-Za-z]+)*)"
    r"|\b[A-Z][^\W\d_]+[-–](?P<pair>[A-Z][^\W\d_]+)"
    r"|\b(?P<owner>[A-Z][^\W\d_]+)['’]s\b"
    r"|^(?P<lead>(?![^\W\d_]+ly\b)[A-Z][^\W\d_]*[^\W\d_s])(?=\s+(?:"
    + lexicon.alternation((*lexicon.ORGANISATION_WORDS, *lexicon.ACTOR_VERBS))
    + r")\b)"
)
"""A capitalised name inside a clause ("trade with China", "visited Japan", "#Busan"), the
second of two joined ("Almaty-Busan flights"), owning something ("China's trade"), or
opening the sentence as the name of an organisation or of who acted ("Shinhan Bank",
"Shinhan bought"; not a plural, "Documents signed", nor an adverb, "Recently opened"); not
one opening a clause ("..., Reuters reported")."""


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _strangers(index: StoreIndex, text: str, quantities: list[Quantity]) -> tuple[str, ...]:
    found: list[str] = []
    numbers = sorted((q.start, q.end) for q in quantities)
    for match in _PARTY.finditer(text):
        group = next(g for g in ("name", "pair", "owner", "lead") if match.group(g))
        name, at = match.group(group), match.start(group)
        i = bisect_right(numbers, (at, math.inf)) - 1
        if i >= 0 and numbers[i][0] <= at < numbers[i][1]:
            continue  # a word of a number ("No. 5"), not a name
        if sum(c.isupper() for c in name) > sum(c.islower() for c in name):
            continue  # an acronym ("USSR", "MoU") may stand for names the store spells out
        # as written ("CenterCredit") or as the words run together ("#KoryoSaram")
        if not _knows(index, (*tokens(name), *tokens(_CAMEL.sub(" ", name)))):
            found.append(name)
    for match in _TITLED.finditer(text):
        # "Prime Minister Han Duck-soo", "with President Putin": the name after a title
        if not _knows(index, tokens(match.group("titled").split()[0])):
            found.append(match.group("titled"))
    return tuple(dict.fromkeys(found))


def _knows(index: StoreIndex, words: Iterable[Token]) -> bool:
    """Whether any of a name's words is one the store uses, a stop word or the calendar's."""
    return any(
        t.stem in STOP_WORDS or t.stem in index.known_words or t.stem in CALENDAR for t in words
    )


_TITLED = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.TITLE_WORDS)})\s+"
    r"(?P<titled>[A-Z][^\W\d_]+(?:[-'’][A-Za-z]+)*(?:\s+[A-Z][^\W\d_]+(?:[-'’][A-Za-z]+)*)?)"
)
"""A name after a title ("Prime Minister Han Duck-soo", "President Qasym-Jomart Toqayev"):
a party the store knows when it knows the name's first word (a surname, or a given name the
store spells alike), whatever the rest ("Han" is no one the store knows, though "soo" is)."""


def _content(words: list[Token]) -> list[Token]:
    return [t for t in words if t.stem not in STOP_WORDS]


_BOUNDARY = re.compile(r"(?<!\d),|,(?!\d)|[;:()\[\]—–]|\s-\s")


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where a sentence's content words and clause boundaries stand, so that the words
    between two spans are counted by bisection rather than by walking the sentence: reading
    a sentence stays linear in its length however many numbers and names it holds."""

    words: list[Token]
    starts: list[int]
    ends: list[int]
    counted: list[int]
    """``counted[i]``: how many of the first ``i`` words are counted (not inside a number or
    a date)."""
    boundaries: list[int]

    @classmethod
    def of(cls, text: str, words: list[Token], skip: list[tuple[int, int]]) -> _Layout:
        skipped = bytearray(len(text) + 1)
        for s, e in skip:
            skipped[s:e] = b"\x01" * (e - s)
        counted = [0]
        for t in words:
            counted.append(counted[-1] + (0 if skipped[t.start] else 1))
        return cls(
            words,
            [t.start for t in words],
            [t.end for t in words],
            counted,
            [m.start() for m in _BOUNDARY.finditer(text)],
        )

    def position(self, at: int) -> int:
        """How many counted words end at or before character ``at``."""
        return self.counted[bisect_right(self.ends, at)]

    def gap(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        """Content words strictly between two character spans, not counting other numbers
        and dates, plus ``BOUNDARY_WORDS`` for each clause boundary; 0 when they touch."""
        low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
        if low >= high:
            return 0
        first, last = bisect_left(self.starts, low), bisect_right(self.ends, high)
        inside = self.counted[last] - self.counted[first] if last > first else 0
        marks = bisect_left(self.boundaries, high) - bisect_left(self.boundaries, low)
        return inside + BOUNDARY_WORDS * marks


def read_sentence(
    index: StoreIndex, text: str, reference: PartialDate | None = None
) -> ReadSentence:
    """What one sentence states; with a ``reference`` date (its publication), times
    relative to it are placed (``when.find_times``)."""
    times = list(find_times(text, reference))
    named_years = tuple(w for w in times if year_in_name(text, w))
    in_names = {id(w) for w in named_years}
    times = [w for w in times if id(w) not in in_names and not _of_saying(text, w)]
    read = tuple(times)
    found = [q for q in find_quantities(text) if not _reference(text, q) and not _pronoun(text, q)]
    named_numbers = tuple(q for q in found if number_in_name(text, q))
    in_names = {id(q) for q in named_numbers}
    found = [q for q in found if id(q) not in in_names]
    quantities = [q for q in found if not any(q.start < w.end and w.start < q.end for w in times)]
    lengths = [q for q in quantities if _lasting(text, q)]
    of_days = {id(q) for q in lengths}
    quantities = [q for q in quantities if id(q) not in of_days]
    if not quantities:
        # "for over 30 years" with no other number is the claim itself, not its period.
        durations = [w for w in times if w.is_duration]
        quantities = [
            q
            for q in found
            if q.kind is Kind.YEARS and any(q.start < w.end and w.start < q.end for w in durations)
        ]
        times = [
            w for w in times if not any(q.start < w.end and w.start < q.end for q in quantities)
        ]
    words = _content(tokens(text))
    stems = {t.stem for t in words}
    hits = _phrase_hits(index, words, text)
    figures = _assign(index, text, quantities, words, stems, hits, times)
    used = {id(f.when) for f in figures if f.metric is not None and f.when is not None}
    dates = _dates(
        index, text, stems, [w for w in times if not w.is_duration and not w.relative], used
    )
    if lengths:
        # "a three-day state visit": how long the event the sentence names lasted
        matched = match_events(index, stems)
        for q in lengths:
            end = _DAYS_AFTER.match(text, q.end)
            assert end is not None
            span = When(text[q.start : end.end()].strip(), q.start, end.end())
            occasion = end.group("occasion")
            # "a three-day visit ... included negotiations": the visit's length, not theirs
            events = tuple(
                e for e in matched if not occasion or stem(occasion) in index.events[e].kinds
            )
            dates.append(DateClaim(span, events, length=int(q.value)))
    return ReadSentence(
        tuple(figures),
        tuple(dates),
        _strangers(index, text, found),
        named_numbers,
        named_years,
        read,
    )


_DAYS_AFTER = re.compile(
    r"[-\u2010\u2011\u2013]day(?=\s+(?:[^\W\d_]+[\s-]+){0,2}?"
    rf"(?P<occasion>{lexicon.alternation(lexicon.OCCASION_NOUNS)})\b)"
    r"|\s+days?\b(?!\s+(?:of|later|after|before|earlier|ago)\b)",
    re.IGNORECASE,
)
"""After a number, its days as an occasion's length: "a three-day visit", or "three days"
after a verb of lasting ("spent three days in", "lasted four days"); never "three days
later", "within 30 days", "3 days of talks"."""
_SPENT = re.compile(r"\b(?:spent|lasted|lasting|lasts|for)\s+$", re.IGNORECASE)


def _lasting(text: str, quantity: Quantity) -> bool:
    """A whole number of days something lasted ("a three-day visit", "spent three days")."""
    after = _DAYS_AFTER.match(text, quantity.end)
    return (
        quantity.kind is Kind.NUMBER
        and quantity.qualifier is Qualifier.EXACT
        and 1 <= quantity.value <= MAX_DAYS  # before int(): a number may be too large
        and quantity.value == int(quantity.value)
        and after is not None
        and (
            not after.group(0)[0].isspace()
            or _SPENT.search(text, max(0, quantity.start - 8), quantity.start) is not None
        )
    )


MAX_DAYS = 31
"""The longest an event's length in days is read as: a visit or a forum, not a season."""

_LINK = rf"(?:(?:{lexicon.alternation(lexicon.SAYING_LINKS)})\s+)?"
_SAYING = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.REPORTING_VERBS)})\s+{_LINK}$"
    rf"|\btold\s+[^\W\d_]+\s+{_LINK}$",
    re.IGNORECASE,
)
SAYING_REACH = 40
"""How far before a time the verb of saying that it dates is looked for."""


def _of_saying(text: str, when: When) -> bool:
    """A time right after a verb of saying ("said on Tuesday", "told reporters on Monday",
    "reported in November 2024") dates the saying, not the claim; after "said that" (or
    "reported for") it is what was said ("said that in 2023 trade grew")."""
    return _SAYING.search(text, max(0, when.start - SAYING_REACH), when.start) is not None


def named_metrics(index: StoreIndex, text: str) -> frozenset[str]:
    """The metrics a sentence names by a phrase of the vocabulary, with or without a number."""
    found, _ = _phrase_hits(index, _content(tokens(text)), text)
    return frozenset(metric for metric, _, _ in found)


Hit = tuple[str, int, tuple[int, int]]
"""A metric named in the sentence: (metric, phrase length in words, character span)."""


def _phrase_hits(index: StoreIndex, words: list[Token], text: str) -> tuple[list[Hit], list[Hit]]:
    """Every phrase naming a metric; and, as a fallback for a plain count that no phrase
    names, every word of a metric's name when the sentence uses ``NAME_WORDS_TO_NAME`` of
    its distinctive name words ("41,370 Kazakh citizens travelled" for "Kazakh citizens
    visiting South Korea"), each as a one-word phrase. Counts only: a rank, a sum of money
    or a percentage is named by its phrases, and the words of a long metric name are too
    easily met by chance ("the 13th Central Asia-South Korea forum" is no trade rank)."""
    found: list[Hit] = []
    named: dict[str, list[Token]] = {}
    for i, word in enumerate(words):
        for phrase, metric_id in index.phrases.get(word.stem, []):
            n = len(phrase)
            if tuple(t.stem for t in words[i : i + n]) == phrase:
                found.append((metric_id, n, (word.start, words[i + n - 1].end)))
        for metric_id in index.metrics_by_name_word.get(word.stem, []):
            named.setdefault(metric_id, []).append(word)
    # "Korean companies": a people's adjective before a phrase that names a metric says
    # whose that metric is, not another metric ("Koreans") of its own.
    starts = {span[0] for _, _, span in found}
    owned = {words[i].start for i in range(len(words) - 1) if words[i + 1].start in starts}
    owned |= {span[0] for _, n, span in found if n > 1}
    found = [
        hit
        for hit in found
        if not (
            hit[1] == 1 and hit[2][0] in owned and is_people_adjective(text[hit[2][0] : hit[2][1]])
        )
    ]
    fallback = [
        (metric_id, 1, (t.start, t.end))
        for metric_id, used in named.items()
        if len({t.stem for t in used}) >= NAME_WORDS_TO_NAME
        for t in used
    ]
    return found, fallback


class _Near:
    """Phrases in the order they stand, to hand a number only those near enough to name
    it (within ``MAX_GAP`` counted words): each number looks at a bounded window, not at
    every phrase of the sentence."""

    def __init__(self, layout: _Layout, hits: list[Hit]) -> None:
        self.hits = sorted(hits, key=lambda h: h[2][0])
        self.places = [layout.position(h[2][0]) for h in self.hits]
        self.longest = max((h[1] for h in hits), default=0)

    def around(self, layout: _Layout, quantity: Quantity) -> list[Hit]:
        low = layout.position(quantity.start) - MAX_GAP - self.longest - 1
        high = layout.position(quantity.end) + MAX_GAP + 1
        return self.hits[bisect_left(self.places, low) : bisect_right(self.places, high)]


class _ClauseDirections:
    """The directions said in the clause that holds a quantity ("exports to South Korea
    totaled $1.96 bln, while imports from it fell": each amount has its own); none when
    that clause says none, and the sentence's are used. Each clause is read once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._bounds = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
        self._read: dict[int, frozenset[Direction]] = {}
        self._flows: dict[int, frozenset[Flow]] = {}

    def of(self, quantity: Quantity) -> frozenset[Direction]:
        at = min(bisect_right(self._bounds, quantity.start), len(self._bounds) - 1)
        if at not in self._read:
            self._read[at] = directions(self._text[self._bounds[at - 1] : self._bounds[at]])
        return self._read[at]

    def flows_of(self, quantity: Quantity) -> frozenset[Flow]:
        """The countries the quantity's clause sends something from or to."""
        at = min(bisect_right(self._bounds, quantity.start), len(self._bounds) - 1)
        if at not in self._flows:
            self._flows[at] = flows(self._text[self._bounds[at - 1] : self._bounds[at]])
        return self._flows[at]


def _assign(
    index: StoreIndex,
    text: str,
    quantities: list[Quantity],
    words: list[Token],
    stems: set[str],
    hits: tuple[list[Hit], list[Hit]],
    times: list[When],
) -> list[FigureClaim]:
    skip = [(q.start, q.end) for q in quantities] + [(w.start, w.end) for w in times]
    layout = _Layout.of(text, words, skip)
    whole = directions(text)
    where = regions(text)
    sent_whole = flows(text)
    clauses = _ClauseDirections(text)
    tied = attributions(text)
    near = [_Near(layout, candidates) for candidates in hits]
    scored: list[tuple[float, int, str]] = []
    for qi, quantity in enumerate(quantities):
        counted = _counted_words(text, quantity, layout)
        persons = _counts_persons(text, quantity, layout)
        labelled = _LABEL.search(text, max(0, quantity.start - 3), quantity.start) is not None
        share = (
            quantity.kind is Kind.PERCENT
            and _SHARE_OF.match(text, quantity.end) is not None
            and _MOVED_BY.search(text, max(0, quantity.start - 24), quantity.start) is None
        )
        best: dict[str, float] = {}
        said = clauses.of(quantity) or whole
        sent = clauses.flows_of(quantity) or sent_whole
        for candidates in near:
            for metric_id, length, span in candidates.around(layout, quantity):
                if not fits(quantity, index.metric(metric_id).unit):
                    continue
                if said and reverses(said, index.directions[metric_id]):
                    continue
                if sent and index.directions[metric_id] and elsewhere(sent, index.flows(metric_id)):
                    continue
                if tied and misattributed(tied, index.attributions(metric_id)):
                    continue
                if where and other_region(where, index.regions(metric_id)):
                    continue
                if counted is not None and not counted & index.vocabulary[metric_id]:
                    continue
                if persons and not index.counts_persons(metric_id):
                    continue
                if share and index.metric(metric_id).change_of is not None:
                    continue  # "over half of the $1.4 billion turnover" is a part, not a change
                gap = layout.gap((quantity.start, quantity.end), span)
                if quantity.kind is Kind.RANK and span[1] <= quantity.start:
                    gap += RANK_BEFORE_WORDS
                if labelled and span[1] <= quantity.start:
                    gap = max(0, gap - BOUNDARY_WORDS)  # "Companies with Korean capital: 900"
                loose = quantity.kind is not Kind.NUMBER or counted is not None
                if gap > (MAX_GAP if loose else MAX_GAP_COUNT):
                    continue
                score = float(
                    PHRASE_WEIGHT + PHRASE_WORD_WEIGHT * (length - 1) - DISTANCE_WEIGHT * gap
                )
                best[metric_id] = max(best.get(metric_id, score), score)
            if best or quantity.kind is not Kind.NUMBER:
                break  # name words stand in for a phrase only for a count no phrase fits
        for metric_id, phrase_score in best.items():
            own = index.name_words[metric_id]
            named = len(own & stems)
            bonus = NAME_WORD_WEIGHT * min(named, NAME_WORD_CAP)
            bonus -= UNSAID_WORD_WEIGHT * min(len(own) - named, NAME_WORD_CAP)
            scored.append((phrase_score + bonus, qi, metric_id))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen: dict[int, tuple[float, str]] = {}
    taken: set[str] = set()
    for score, qi, metric_id in scored:
        if qi in chosen or metric_id in taken:
            continue
        chosen[qi] = (score, metric_id)
        taken.add(metric_id)
    settled = _from_now_to_plan(index, text, quantities, chosen)
    based = _change_bases(index, text, quantities, chosen)
    periods = _periods(times, quantities, set(chosen), text, _happening_words(index, stems))
    for qi, of in based.items():
        # the base of a change is the figure at another time, or nothing the store places
        if qi not in periods or periods[qi] is periods.get(of):
            del chosen[qi]
            periods.pop(qi, None)
    rivals = _rivals(scored, chosen)
    for qi, of in _worth(index, text, quantities, chosen, rivals).items():
        chosen[qi] = (chosen[of][0], index.value_metrics[chosen[of][1]])
        if of in periods:
            periods[qi] = periods[of]
    for a, b in settled:
        rivals.get(a, set()).discard(chosen[b][1])
        rivals.get(b, set()).discard(chosen[a][1])
    return [
        FigureClaim(
            quantity,
            chosen[qi][1] if qi in chosen else None,
            periods.get(qi),
            tuple(sorted(rivals.get(qi, set()))),
            quantity.ordinal and _ANNIVERSARY.match(text, quantity.end) is not None,
            _counts_something(text, quantity),
            qi in periods
            and _BY.search(text, max(0, periods[qi].start - 24), periods[qi].start) is not None,
        )
        for qi, quantity in enumerate(quantities)
    ]


_CHANGE_VERBS = [
    w
    for w in (*lexicon.FALL_WORDS, *lexicon.RISE_WORDS, "lost", "gained")
    if w not in lexicon.DIRECTION_ADVERBS
]
_FIRST_OCCASION = re.compile(
    r"\b(?:his|her|its|their|the)\s+first\s+(?P<what>(?:[^\W\d_]+[\s-]+){0,2}?"
    rf"(?:{lexicon.alternation(lexicon.OCCASION_NOUNS)}))\b",
    re.IGNORECASE,
)


def _first_occasion(text: str) -> re.Pattern[str] | None:
    """ "His first state visit": what a title must call first for the sentence to name that
    one occasion ("first state visit", not any "first visit"); None if it says no such."""
    found = _FIRST_OCCASION.search(text)
    if found is None:
        return None
    words = re.findall(r"[^\W\d_]+", found.group("what"))
    return re.compile(r"\bfirst\s+" + r"[\s-]+".join(map(re.escape, words)) + r"\b", re.I)


_LABEL = re.compile(r"[:–—]\s*$")
"""Right before a number, the end of the label it is the value of, as in a fact box
("Companies with Korean capital: more than 900"; "ethnic Koreans – approx. 120,000")."""
_SHARE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
"""After a share: "half of the turnover" is a part of a whole, never a change in it ...
"""
_MOVED_BY = re.compile(
    rf"\b(?:{lexicon.alternation(_CHANGE_VERBS)})(?:\s+by)?\s*$",
    re.IGNORECASE,
)
"""... unless a verb of change stands before it ("fell 44% of its value", "lost half of")."""
_DOWN_OR_UP_FROM = re.compile(
    rf"\b(?:{lexicon.alternation((*lexicon.FALL_WORDS, *lexicon.RISE_WORDS))})\s+from\s+$",
    re.IGNORECASE,
)


def _change_bases(
    index: StoreIndex,
    text: str,
    quantities: list[Quantity],
    chosen: dict[int, tuple[float, str]],
) -> dict[int, int]:
    """ "$1.4bn, down from $2.4bn in the same months of 2023": the number a flow's change
    starts from is the flow just before it, at the time it is given for. Each such number
    the sentence does not place otherwise takes that figure's metric; returns it with the
    number it is the base of. A level given as of a moment ("10 stores, up from 1 in early
    2024") is left alone: the store's moments need not be the sentence's."""
    based: dict[int, int] = {}
    for qi in range(1, len(quantities)):
        quantity, before = quantities[qi], qi - 1
        if (
            qi in chosen
            or before not in chosen
            or chosen[before][1] in index.stocks
            or quantity.kind is not quantities[before].kind
            or _DOWN_OR_UP_FROM.search(text, max(0, quantity.start - 24), quantity.start) is None
        ):
            continue
        chosen[qi] = chosen[before]
        based[qi] = before
    return based


_WORTH_AFTER_COUNT = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){0,3}\s+worth\s+", re.IGNORECASE)
"""Between a count and money: at most a few words of what it counts, then "worth"."""
_EACH = re.compile(r"\s+(?:each|apiece|a\s+piece)\b", re.IGNORECASE)


def _worth(
    index: StoreIndex,
    text: str,
    quantities: list[Quantity],
    chosen: dict[int, tuple[float, str]],
    rivals: dict[int, set[str]],
) -> dict[int, int]:
    """ "Five projects worth $1.5 billion": money right after "worth", itself right after a
    count and the words of what it counts, is the value of what it counts (not "worth ...
    each"): the metric the vocabulary declares as its value (``value_of``), when the count's
    own subject is settled and the sentence places the money nowhere else. Returns each
    such number with the count it is the value of."""
    taken = {m for _, m in chosen.values()}
    found: dict[int, int] = {}
    for qi in range(1, len(quantities)):
        quantity, of = quantities[qi], qi - 1
        if (
            qi in chosen
            or quantity.kind is not Kind.USD
            or of not in chosen
            or rivals.get(of)
            or _WORTH_AFTER_COUNT.fullmatch(text, quantities[of].end, quantity.start) is None
            or _EACH.match(text, quantity.end) is not None
        ):
            continue
        value = index.value_metrics.get(chosen[of][1])
        if value is not None and value not in taken:
            found[qi] = of
            taken.add(value)
    return found


_FROM_TO = re.compile(r"\s+to\s+")
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _from_now_to_plan(
    index: StoreIndex, text: str, quantities: list[Quantity], chosen: dict[int, tuple[float, str]]
) -> list[tuple[int, int]]:
    """ "From 10 to 42 flights": where the two numbers of a change from X to Y are read as a
    metric and its plan (``plan_of``), X is the metric as it is and Y the plan. Returns the
    pairs so settled, which are then no rivals of each other."""
    settled: list[tuple[int, int]] = []
    for a in range(len(quantities) - 1):
        b = a + 1
        if a not in chosen or b not in chosen:
            continue
        first, then = quantities[a], quantities[b]
        if not _FROM_TO.fullmatch(text, first.end, then.start):
            continue
        if not _FROM.search(text, max(0, first.start - 6), first.start):
            continue
        ma, mb = chosen[a][1], chosen[b][1]
        plan_a, plan_b = index.metric(ma).plan_of, index.metric(mb).plan_of
        if plan_a == mb:  # read the wrong way round: the plan first
            chosen[a], chosen[b] = (chosen[a][0], mb), (chosen[b][0], ma)
        elif plan_b != ma:
            continue
        settled.append((a, b))
    return settled


_COUNTED_NOUN = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z][\w-]*s)\b")


def _counts_something(text: str, quantity: Quantity) -> bool:
    noun = _COUNTED_NOUN.match(text, quantity.end)
    return (
        quantity.kind is Kind.NUMBER
        and quantity.text[:1].isdigit()
        and quantity.value >= 10
        and noun is not None
        and noun.group("noun").lower() not in STOP_WORDS
        and noun.group("noun").lower() not in lexicon.TIME_UNITS
        and not any(w in STOP_WORDS for w in noun.group(0).split()[:-1])
    )


_ANNIVERSARY = re.compile(
    rf"\s+(?:[^\W\d_]+\s+)?(?:{lexicon.alternation(lexicon.ANNIVERSARY_WORDS)})\b", re.IGNORECASE
)


def _rivals(
    scored: list[tuple[float, int, str]], chosen: dict[int, tuple[float, str]]
) -> dict[int, set[str]]:
    """Metrics a number could as well be about: a free metric scoring within
    ``AMBIGUITY_MARGIN`` of its choice, or the metric of another number when swapping the
    two ("from 10 to 42 flights") scores within the margin of the pairing chosen."""
    score = {(qi, m): s for s, qi, m in scored}
    of_number: dict[int, list[tuple[str, float]]] = {}
    for s, qi, m in scored:
        of_number.setdefault(qi, []).append((m, s))
    taken = {m: qi for qi, (_, m) in chosen.items()}
    rivals: dict[int, set[str]] = {}
    for a, (score_a, metric_a) in chosen.items():
        for m, s in of_number.get(a, []):
            if m != metric_a and m not in taken and s > score_a - AMBIGUITY_MARGIN:
                rivals.setdefault(a, set()).add(m)
            b = taken.get(m)
            if b is None or b <= a:
                continue
            score_b, metric_b = chosen[b]
            swapped_b = score.get((b, metric_a))
            if swapped_b is not None and s + swapped_b > score_a + score_b - AMBIGUITY_MARGIN:
                rivals.setdefault(a, set()).add(metric_b)
                rivals.setdefault(b, set()).add(metric_a)
    return rivals


_DEFINITE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.DEFINITE_WORDS)})\s+$", re.IGNORECASE)
REFERENCE_BELOW = 10
"""A small count after "the" ("the two countries", "the 2 states") points back at things
already named; it is not a claim about how many there are."""


def _reference(text: str, quantity: Quantity) -> bool:
    return (
        quantity.kind is Kind.NUMBER
        and quantity.qualifier is Qualifier.EXACT
        and quantity.value < REFERENCE_BELOW
        and _DEFINITE.search(text, max(0, quantity.start - 8), quantity.start) is not None
    )


_NOUN_AFTER = re.compile(
    r"[\s\-\u2010\u2011]+(?!(?:" + "|".join(lexicon.PREPOSITIONS) + r")\b)[^\W\d_]"
)


_OFFSET_AFTER = re.compile(r"\s+(?:after|before|later|earlier)\b", re.IGNORECASE)


def _offset(text: str, quantity: Quantity) -> bool:
    """A duration that places one happening from another ("in 1996, four years after the
    ties were established"): the age of the one at the other's moment, which it takes as
    its period whichever clause that moment stands in."""
    return quantity.kind is Kind.YEARS and _OFFSET_AFTER.match(text, quantity.end) is not None


def _pronoun(text: str, quantity: Quantity) -> bool:
    """ "One" standing for a noun ("had opened one in Almaty", "one of the largest") is a
    pronoun, not a count: no noun follows it."""
    return (
        quantity.text.lower() in lexicon.PRONOUN_NUMBERS
        and _NOUN_AFTER.match(text, quantity.end) is None
    )


GENERIC_COUNTED = frozenset(stem(w) for w in lexicon.GENERIC_COUNTED)
PERSONS_COUNTED = frozenset(stem(w) for w in lexicon.PERSONS_COUNTED)
COUNTED_WORDS = 3
"""A count's noun phrase: at most this many words directly after it ("five Kazakh-Korean
projects")."""


def _counted_words(text: str, quantity: Quantity, layout: _Layout) -> frozenset[str] | None:
    """The words a plain count counts, when they follow it directly ("two countries",
    "10 stores", "five Kazakh-Korean projects"): the count can only be of a metric whose
    vocabulary has one of them. None when nothing restricts it."""
    if quantity.kind is not Kind.NUMBER:
        return None
    found: list[str] = []
    end = quantity.end
    first = bisect_left(layout.starts, end)
    for token in layout.words[first : first + COUNTED_WORDS]:
        between = text[end : token.start]
        if between.strip(" -\u2010\u2011") or token.stem[0].isdigit():
            break
        if not is_people_adjective(text[token.start : token.end]):
            found.append(token.stem)  # "Korean students" counts students, not Koreans
        end = token.end
    if end == quantity.end or (found and found[0] in GENERIC_COUNTED):
        return None
    return frozenset(found)


def _counts_persons(text: str, quantity: Quantity, layout: _Layout) -> bool:
    """A plain count whose noun counts persons ("more than 20,000 people")."""
    if quantity.kind is not Kind.NUMBER:
        return False
    first = bisect_left(layout.starts, quantity.end)
    following = layout.words[first : first + 1]
    return (
        bool(following)
        and following[0].stem in PERSONS_COUNTED
        and not text[quantity.end : following[0].start].strip(" -")
    )


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return a[0] - b[1] if b[1] <= a[0] else max(0, b[0] - a[1])


PERIOD_CANDIDATES = 8
"""Mentions of time on each side of a number that may be its period: the nearest are
always among them, and a number never looks at every date of a long text."""
_ONE_OF_THEM = re.compile(
    r"\bthe\s+(?P<which>first|last|latest|second|third)"
    r"(?:\s+(?:of\s+(?:them|which|these|those)|one))?"
    r"(?:\s+(?:was|being|coming|came|taking\s+place))?\s+(?:in|on)\s+$",
    re.IGNORECASE,
)
"""Before a time, words giving it to one of the things a count counts ("the last of them in
2016"): no period of the count."""
_THAN = re.compile(r"\bthan\s+(?:in\s+|on\s+|at\s+)?$", re.IGNORECASE)


def _periods(
    times: list[When],
    quantities: list[Quantity],
    placed: set[int],
    text: str,
    happening: frozenset[str] = frozenset(),
) -> dict[int, When]:
    """The period each placed number is stated for: pairs of a number and a mention of time
    are taken nearest first, each number and each mention at most once, so in "$6 billion
    in 2023, and over the past 18 years ... $9.6 billion" each figure keeps its own. A time
    a comparison is made with ("31 percent more than in 2022") is the base of a change, not
    the period of the amount or of the change (which is the later period), so no number
    takes it."""
    starts = [w.start for w in times]
    bases = {t for t, w in enumerate(times) if _THAN.search(text, max(0, w.start - 12), w.start)}
    # "five visits, the last of them in 2016": the time of one of those counted
    members = {
        t for t, w in enumerate(times) if _ONE_OF_THEM.search(text, max(0, w.start - 40), w.start)
    }
    # "more than 30 years of ties since January 1992": the start of an age, not its moment;
    # but not of an age inside the clause "since" opens ("since they marked 30 years in 2012")
    starting = {t: at for t, w in enumerate(times) if (at := _since_opening(text, w)) is not None}
    clauses = _ClauseWords(text) if placed and times and happening else None
    pairs = []
    for i in placed:
        span = (quantities[i].start, quantities[i].end)
        at = bisect_left(starts, span[0])
        for t in range(max(0, at - PERIOD_CANDIDATES), min(len(times), at + PERIOD_CANDIDATES)):
            if t in bases or (t in members and quantities[i].kind is Kind.NUMBER):
                continue
            # "in 1996, four years after the ties": an offset is an age at the other's moment
            elsewhere = clauses is not None and clauses.names_elsewhere(
                span[0], times[t].start, happening
            )
            starts_age = (
                t in starting
                and quantities[i].kind is Kind.YEARS
                and not starting[t] <= quantities[i].start < times[t].start
            )
            if (elsewhere or starts_age) and not _offset(text, quantities[i]):
                continue
            pairs.append((_distance(span, (times[t].start, times[t].end)), i, t))
    pairs.sort()
    given: dict[int, When] = {}
    used: set[int] = set()
    for _, i, t in pairs:
        if i in given or t in used:
            continue
        # "five visits: in 1995, 2003, 2010, 2012 and 2016" counts over the years listed
        listed = listed_years(text, times, t) if quantities[i].end <= times[t].start else None
        given[i] = times[t] if listed is None or quantities[i].kind is not Kind.NUMBER else listed
        used.add(t)
    return given


def _happening_words(index: StoreIndex, stems: set[str]) -> frozenset[str]:
    """The words of one kind only that name an event the sentence speaks of ("talks" of
    talks it shares words with): a clause using one names that happening."""
    kinds = frozenset().union(*(index.events[e].kinds for e in _event_scores(index, stems)))
    return frozenset(stems & one_kind_stems() & kinds)


OCCASION_NOUNS = lexicon.OCCASION_NOUNS
OWNED_WITHIN = 3
"""An occasion noun at most this many words after a possessive ("Tokayev's first state
visit") is owned by it."""
_POSSESSOR = re.compile(r"([^\W_]+)['’]s\b")
_NEXT_WORD = re.compile(r"[^\W_]+")


def _owned_occasions(text: str) -> set[tuple[str, str]]:
    """(owner, occasion) stems for each possessive naming an occasion: "Tokayev's state
    visit" gives ("tokayev", "visit")."""
    found: set[tuple[str, str]] = set()
    for match in _POSSESSOR.finditer(text):
        following = _NEXT_WORD.findall(text, match.end(), match.end() + 60)[:OWNED_WITHIN]
        for word in following:
            if word.lower() in OCCASION_NOUNS:
                found.add((stem(match.group(1)), stem(word)))
                break
    return found


def _dates(
    index: StoreIndex, text: str, stems: set[str], times: list[When], used: set[int]
) -> list[DateClaim]:
    """Each date of the sentence with the events it may date. A date the sentence already
    uses as a figure's period is checked only against events whose kind the sentence names;
    a year that is part of an event's name ("the Action Plan for 2025-2027") names it rather
    than dates it."""
    matched = match_events(index, stems)
    scores = _event_scores(index, stems) if matched else {}
    others = sorted((e for e in scores if e not in matched), key=lambda e: -scores[e])
    others = others[:NEAREST_CANDIDATES]
    places = _kind_places(index, text, [*matched, *others]) if others else {}
    owned = _owned_occasions(text) if matched else set()
    first = _first_occasion(text) if matched else None
    in_full = [p for p, words in index.people.items() if words <= stems] if matched else []
    where = _places(index, text) if matched else frozenset()
    found: list[DateClaim] = []
    clause_words: _ClauseWords | None = None
    for when in times:
        events = _nearest_happening(index, text, stems, when, matched, others, places, scores)
        member = _ONE_OF_THEM.search(text, max(0, when.start - 40), when.start)
        if member is not None and len(events) > 1:
            # "five visits, the last of them in 2016": the last of those, whatever the date
            events = [_in_order(index, events, member.group("which").lower())]
        if _is_named_span(text, when) or (
            _whole_years(when)
            and not _WHEN_IT_HAPPENED.search(text, max(0, when.start - 12), when.start)
            and any(len(index.events[e].title_years) > 1 for e in matched)
        ):
            # "a plan for 2025-2027" is the plan's period, never the day it was signed; so is
            # any span of years given of a thing whose name holds one ("covering 2024-2026").
            spanned = tuple(e for e in matched if index.events[e].title_years)
            if spanned:
                unnamed = tuple(e for e in spanned if not index.events[e].kinds & stems)
                found.append(DateClaim(when, spanned, unnamed=unnamed, named_span=True))
            continue
        if id(when) in used:
            # "marked its 15th anniversary in 2024": the year dates the figure; it dates an
            # event only when the sentence also says what happened in the date's own clause
            # ("visited ... in 2024"), and never when it is a target's ("500 stores by 2027").
            clause_words = clause_words or _ClauseWords(text)
            said_here = clause_words.around(when)
            events = (
                []
                if _BY.search(text, max(0, when.start - 4), when.start)
                else [e for e in matched if index.events[e].kinds & said_here]
            )
        if events:
            named = set().union(*(index.events[e].title_years for e in events))
            if when.first is not None and when.last is not None and named:
                years = {when.first.year, when.last.year}
                claims = [c for e in events for c in index.events[e].event.claims]
                dated = {c.date.first_day().year for c in claims} | {
                    c.end.last_day().year for c in claims if c.end
                }
                if years <= named and not years & dated:
                    continue
            mine = any(
                owner in index.events[e].names and occasion in index.events[e].kinds
                for e in events
                for owner, occasion in owned
            ) or (
                # "his first state visit": one occasion only, the one the store calls so
                first is not None and any(first.search(index.events[e].event.title) for e in events)
            )
            # named by a word of its own kind ("opened"), or by a word of beginning shared by
            # kinds ("since", "set up") with who or where, or its alias ("ambassador since
            # July 2020", "diplomatic ties since 1992"); "has tripled since 2015" names no one
            unnamed = tuple(
                e
                for e in events
                if not index.events[e].kinds & stems & one_kind_stems()
                and not (
                    index.events[e].kinds & stems
                    and (index.events[e].names & stems or _aliased(index, e, stems))
                )
            )
            said = kind_words() & stems
            misnamed = tuple(e for e in unnamed if said - index.events[e].kinds)
            # who, by a name that is no place ("Air Astana" is not named by "in Astana")
            who = tuple(e for e in events if (index.events[e].actors - index.place_words) & stems)
            found.append(
                DateClaim(
                    when,
                    tuple(events),
                    mine,
                    unnamed,
                    misnamed,
                    where,
                    who=who,
                    namesakes=_namesakes(index, in_full, events),
                )
            )
        elif id(when) not in used:
            found.append(DateClaim(when, ()))
    return found


_BY = re.compile(r"\bby\s+(?:the\s+end\s+of\s+|end-|the\s+year\s+)?$", re.IGNORECASE)
_WHEN_IT_HAPPENED = re.compile(r"\b(?:in|from|between|during|since|until)\s+$", re.IGNORECASE)
"""Words before a span of years that say when something happened, not what it is for."""
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


_SINCE_CLAUSE = re.compile(r"\bsince\b", re.IGNORECASE)
SINCE_REACH = 80
"""Characters before a time that a "since" opening its clause may stand at."""


def _namesakes(
    index: StoreIndex, named: list[str], events: list[str]
) -> tuple[tuple[str, str], ...]:
    """Of the people of the store the sentence names in full, each with an actor of the
    events of the same surname who is someone else ("Cho Tae-ik signed" where Cho Tae-yul
    did)."""
    if not named:
        return ()
    found = []
    for e in events:
        actors = index.events[e].event.actors
        for person in named:
            if person in actors:
                continue
            surname = person.split()[0]
            found += [
                (person, a)
                for a in actors
                if a != person and a.split()[0] == surname and a in index.people
            ]
    return tuple(dict.fromkeys(found))


def after_since(text: str, when: When) -> bool:
    """Whether a time comes right after "since": the start of what follows from it."""
    return _SINCE.search(text, max(0, when.start - 8), when.start) is not None


def _since_opening(text: str, when: When) -> int | None:
    """Where the "since" stands that opens a time's clause ("since the two countries
    opened relations in early 1992"), or right before it; None if there is none."""
    right = _SINCE.search(text, max(0, when.start - 8), when.start)
    if right is not None:
        return right.start()
    start = max(0, when.start - SINCE_REACH)
    boundaries = [m.end() for m in _BOUNDARY.finditer(text, start, when.start)]
    found = _SINCE_CLAUSE.search(text, boundaries[-1] if boundaries else start, when.start)
    return None if found is None else found.start()


class _ClauseWords:
    """The sentence's words by clause, read once (commas inside a number, "41,370", end no
    clause): the stems of the clause a time stands in, and whether a time in another clause
    than a number's names a happening."""

    def __init__(self, text: str) -> None:
        self.bounds = [m.start() for m in _BOUNDARY.finditer(text)]
        self.words = tokens(text)
        self.starts = [t.start for t in self.words]
        self.length = len(text)

    def names_elsewhere(self, number: int, time: int, happening: frozenset[str]) -> bool:
        """Whether the time stands in another clause than the number, one that uses a word
        naming a happening the sentence speaks of ("Speaking at talks in June 2024, Tokayev
        said trade had reached $6bn"; "descendants of Koreans deported in the late 1930s"):
        the time is that happening's, not the number's."""
        if not _between(self.bounds, min(number, time), max(number, time)):
            return False
        at = bisect_right(self.bounds, time)
        low = self.bounds[at - 1] if at else -1
        high = self.bounds[at] if at < len(self.bounds) else self.length
        first, last = bisect_right(self.starts, low), bisect_left(self.starts, high)
        return any(t.stem in happening for t in self.words[first:last])

    def around(self, when: When) -> set[str]:
        """The stems of the time's clause, and of the next one when the clause is the time
        alone ("In 1937, 170,000 Koreans were deported": a time put first speaks for the
        clause after it)."""
        # a comma inside the time ("March 20-21, 2024") ends no clause
        low_i, i = bisect_right(self.bounds, when.start), bisect_left(self.bounds, when.end)
        low = self.bounds[low_i - 1] if low_i else -1
        high = self.bounds[i] if i < len(self.bounds) else self.length
        first, last = bisect_right(self.starts, low), bisect_left(self.starts, high)
        alone = all(
            when.start <= t.start < when.end or t.stem in STOP_WORDS for t in self.words[first:last]
        )
        if alone and i < len(self.bounds):
            following = self.bounds[i + 1] if i + 1 < len(self.bounds) else self.length
            last = bisect_left(self.starts, following)
        return {t.stem for t in self.words[first:last]}


_FOR = re.compile(r"\bfor\s+(?:the\s+)?(?:years\s+|period\s+)?$", re.IGNORECASE)


def _is_named_span(text: str, when: When) -> bool:
    """A span of whole years after "for" ("a Cooperation Action Plan for 2025-2027")."""
    return _whole_years(when) and _FOR.search(text, max(0, when.start - 20), when.start) is not None


def _whole_years(when: When) -> bool:
    """A span of more than one whole year ("2025-2027", "2025 to 2027")."""
    return (
        when.first is not None
        and when.last is not None
        and when.first.month is None
        and when.last.year > when.first.year
    )


@cache
def kind_words() -> frozenset[str]:
    """Every word that names a kind of event, of any kind."""
    return frozenset().union(*kind_stems().values())


def _event_scores(index: StoreIndex, stems: set[str]) -> dict[str, int]:
    """Every event the sentence may speak of, with how many of its words it shares."""
    scores: dict[str, int] = {}
    for word in stems:
        for event_id in index.events_by_word.get(word, []):
            scores[event_id] = scores.get(event_id, 0) + 1
    qualifying: dict[str, int] = {}
    for event_id, score in scores.items():
        entry = index.events[event_id]
        kind = bool(entry.kinds & stems)
        titled = len(entry.title_words & stems)
        named = bool(entry.names & stems)
        aliases = [len(alias) for alias in entry.aliases if kind and alias <= stems]
        if titled + kind >= EVENT_MIN_WORDS or (kind and named) or aliases:
            qualifying[event_id] = score + sum(aliases)  # a curated name outweighs words
    return qualifying


NEAREST_CANDIDATES = 5
"""Events beyond the best-matching ones that a date may be nearer to: a few, so that a long
text with many events stays linear."""


_IN_PLACE = re.compile(r"\b(?:in|at)\s+((?:[A-Z][^\W\d_]*[\s-]*)+)")


def _places(index: StoreIndex, text: str) -> frozenset[str]:
    """The places the store knows that the sentence says something happened in or at."""
    named = {t.stem for m in _IN_PLACE.finditer(text) for t in tokens(m.group(1))}
    return frozenset(named & index.place_words)


def _aliased(index: StoreIndex, event_id: str, stems: set[str]) -> bool:
    entry = index.events[event_id]
    return bool(entry.kinds & stems) and any(alias <= stems for alias in entry.aliases)


def _nearest_happening(
    index: StoreIndex,
    text: str,
    stems: set[str],
    when: When,
    events: list[str],
    others: list[str],
    places: dict[str, list[int]],
    scores: dict[str, int],
) -> list[str]:
    """Of the events a sentence speaks of, those whose word of kind stands nearest to the
    date: in "founded in 2005 in response to Roh's visit", 2005 dates the founding, though
    the visit shares more words with the sentence. Of other events named equally near, those
    sharing the most words with the sentence."""
    if not others:
        return events
    bounds = places[_BOUNDS]

    def nearness(event_id: str, *, clause: bool) -> int:
        at = places[event_id]
        i = bisect_left(at, when.start)
        near = [
            abs(p - when.start)
            for p in at[max(0, i - 1) : i + 1]
            if not clause or not _between(bounds, min(p, when.start), max(p, when.start))
        ]
        return min(near, default=len(text))

    if any(_aliased(index, e, stems) for e in events):
        # A name curated for the event, with its kind, outweighs nearness, unless only
        # another event's kind stands in the date's clause ("opened its embassy in 1992,
        # the same year diplomatic ties were established").
        named_here = any(
            not _between(bounds, min(p, when.start), max(p, when.start))
            for e in events
            for p in places.get(_ALIAS + e, ())
        )
        mine = min(nearness(e, clause=True) for e in events)
        theirs = {e: nearness(e, clause=True) for e in others}
        closest = min(theirs.values())
        if named_here or mine < len(text) or closest == len(text):
            return events
        return _most_shared([e for e in others if theirs[e] == closest], scores)

    def placed_here(event_id: str) -> bool:
        return any(
            not _between(bounds, min(p, when.start), max(p, when.start))
            for p in places.get(_PLACE + event_id, ())
        )

    near = {e: nearness(e, clause=False) for e in events}
    near |= {e: nearness(e, clause=True) for e in others}  # another event: in the date's clause
    best = min(near.values())
    if best == len(text) or any(near[e] == best for e in events):
        return events
    nearest = [e for e in others if near[e] == best]
    if any(map(placed_here, events)) and not any(map(placed_here, nearest)):
        # where it happened, in the date's own clause, names the event ("talks during his
        # working trip to New York in September 2023": the New York talks, not a visit)
        return events
    return _most_shared(nearest, scores)


_ORDER = {"first": 0, "second": 1, "third": 2, "last": -1, "latest": -1}


def _in_order(index: StoreIndex, events: list[str], which: str) -> str:
    """Of events of one kind, the first, second, ... or last by the earliest date given."""
    dated = sorted(
        events,
        key=lambda e: min(c.date.first_day() for c in index.events[e].event.claims),
    )
    at = _ORDER[which]
    return dated[at] if -len(dated) <= at < len(dated) else dated[-1]


def _most_shared(events: list[str], scores: dict[str, int]) -> list[str]:
    top = max(scores[e] for e in events)
    return [e for e in events if scores[e] == top]


_BOUNDS = ""
"""The key of the clause boundaries' places among the kind words' places."""
_ALIAS = "\x00"
"""Before an event's id, the key of where the words of its aliases stand."""
_PLACE = "\x01"
"""Before an event's id, the key of where the words of its place stand."""


def _between(bounds: list[int], low: int, high: int) -> bool:
    return bisect_left(bounds, high) > bisect_left(bounds, low)


def _kind_places(index: StoreIndex, text: str, events: list[str]) -> dict[str, list[int]]:
    """Where each event's own words of kind stand in the sentence, in order: words shared by
    several kinds ("date back", "since", "set up") say when something began, not what."""
    at: dict[str, list[int]] = defaultdict(list)
    for t in tokens(text):
        at[t.stem].append(t.start)  # read once, so that many events cost no more passes

    def where(stems: Iterable[str]) -> list[int]:
        return sorted(p for s in stems for p in at.get(s, ()))

    places = {e: where(index.events[e].kinds & one_kind_stems()) for e in events}
    places[_BOUNDS] = [m.start() for m in _BOUNDARY.finditer(text)]
    for e in events:
        entry = index.events[e]
        aliased = frozenset().union(*entry.aliases)
        if aliased:
            places[_ALIAS + e] = where(aliased)
        if entry.names - entry.actors:
            places[_PLACE + e] = where(entry.names - entry.actors)
    return places


@cache
def one_kind_stems() -> frozenset[str]:
    """The words of kind that name one kind of event only."""
    kinds: dict[str, set[EventKind]] = {}
    for kind, words in kind_stems().items():
        for word in words:
            kinds.setdefault(word, set()).add(kind)
    return frozenset(w for w, k in kinds.items() if len(k) == 1)


def match_events(index: StoreIndex, stems: set[str]) -> list[str]:
    """The events a sentence speaks of: those sharing the most distinctive words with it
    (with their kind as a word: "opened" for an opening), above a minimum, or using all the
    words of one of its aliases with a word of its kind ("diplomatic ties date back to");
    ties kept, in the store's order (never by how their ids sort)."""
    best: list[str] = []
    top = 0
    for event_id, score in _event_scores(index, stems).items():
        if score > top:
            best, top = [event_id], score
        elif score == top:
            best.append(event_id)
    order = index.event_order
    return sorted(best, key=order.__getitem__)


_SCALE_WORD = re.compile(
    r"\b(?<![-])("
    + lexicon.alternation(w for w in lexicon.SCALE_WORDS if len(w) > 3)
    + r")\b(?![-])",
    re.IGNORECASE,
)


def scales_without_number(text: str) -> list[str]:
    """Scale words with no number before them ("reached  billion"): what is left when a
    shell expands "$7" inside double quotes to nothing, so the caller can say so."""
    spans = [(q.start, q.end) for q in find_quantities(text)]
    bare = []
    for match in _SCALE_WORD.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        before = text[: match.start()].split()
        if before and before[-1].casefold().strip("(") in lexicon.BEFORE_A_BARE_SCALE:
            continue
        bare.append(match.group(1))
    return bare
