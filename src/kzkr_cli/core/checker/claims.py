"""Reading what a sentence claims: each number with its subject and period, and each date
with the event it dates.

Subjects come from the vocabulary alone: a metric is named by its name or an alias (whole
words, compared as stems), and a number can only be a value of a metric whose unit fits its
kind. Every (number, metric) pair is scored by the longest phrase naming the metric, how near
it stands to the number and how many of the metric's distinctive name words the sentence
uses; pairs are taken best first, each number and each metric at most once per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzkr_cli.core.checker.index import StoreIndex, fits
from kzkr_cli.core.checker.when import When, find_times
from kzkr_cli.core.checker.words import STOP_WORDS, Token, tokens
from kzkr_cli.core.models import Qualifier
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
MAX_GAP = 12
"""A phrase further than this many words from the number does not name its subject."""
MAX_GAP_COUNT = 3
"""... or this many for a plain count not followed by a word its metric uses ("10 stores"
may reach back to "CU convenience store"; "reached 32,978," only to what stands near)."""
AMBIGUITY_MARGIN = 3
"""Two subjects whose scores differ by less than this are too close to choose between."""
EVENT_MIN_WORDS = 3
"""Distinctive words of an event's title a sentence needs to speak of it; one name (an
actor or the place) is enough when the sentence also names the event's kind ("opened" for
an opening, "visited" for a visit)."""


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """A number the sentence states, and what it is about (None when nothing fits)."""

    quantity: Quantity
    metric: str | None
    when: When | None
    rivals: tuple[str, ...] = ()
    """Other metrics that fit about as well: the subject is ambiguous."""

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


@dataclass(frozen=True, slots=True)
class ReadSentence:
    figures: tuple[FigureClaim, ...]
    dates: tuple[DateClaim, ...]


def _content(words: list[Token]) -> list[Token]:
    return [t for t in words if t.stem not in STOP_WORDS]


_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\s-\s")


def _gap(
    text: str,
    words: list[Token],
    a: tuple[int, int],
    b: tuple[int, int],
    skip: list[tuple[int, int]],
) -> int:
    """Content words strictly between two character spans, not counting other numbers and
    dates (``skip``), plus ``BOUNDARY_WORDS`` for each clause boundary; 0 when they touch."""
    low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if low >= high:
        return 0
    inside = sum(
        1
        for t in words
        if t.start >= low and t.end <= high and not any(s <= t.start < e for s, e in skip)
    )
    return inside + BOUNDARY_WORDS * len(_BOUNDARY.findall(text, low, high))


def read_sentence(index: StoreIndex, text: str) -> ReadSentence:
    times = list(find_times(text))
    found = [q for q in find_quantities(text) if not _reference(text, q)]
    quantities = [q for q in found if not any(q.start < w.end and w.start < q.end for w in times)]
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
    hits = _phrase_hits(index, words)
    figures = _assign(index, text, quantities, words, stems, hits, times)
    used = {id(f.when) for f in figures if f.metric is not None and f.when is not None}
    dates = _dates(index, stems, [w for w in times if not w.is_duration], used)
    return ReadSentence(tuple(figures), tuple(dates))


def _phrase_hits(index: StoreIndex, words: list[Token]) -> list[tuple[str, int, tuple[int, int]]]:
    """(metric, phrase length, character span) for every phrase naming a metric."""
    found: list[tuple[str, int, tuple[int, int]]] = []
    for i, word in enumerate(words):
        for phrase, metric_id in index.phrases.get(word.stem, []):
            n = len(phrase)
            if tuple(t.stem for t in words[i : i + n]) == phrase:
                found.append((metric_id, n, (word.start, words[i + n - 1].end)))
    return found


def _assign(
    index: StoreIndex,
    text: str,
    quantities: list[Quantity],
    words: list[Token],
    stems: set[str],
    hits: list[tuple[str, int, tuple[int, int]]],
    times: list[When],
) -> list[FigureClaim]:
    skip = [(q.start, q.end) for q in quantities] + [(w.start, w.end) for w in times]
    scored: list[tuple[float, int, str]] = []
    for qi, quantity in enumerate(quantities):
        best: dict[str, float] = {}
        counted = _counted_word(text, quantity, words)
        for metric_id, length, span in hits:
            if not fits(quantity, index.metric(metric_id).unit):
                continue
            if counted is not None and counted not in index.vocabulary[metric_id]:
                continue
            gap = _gap(text, words, (quantity.start, quantity.end), span, skip)
            loose = quantity.kind is not Kind.NUMBER or counted is not None
            if gap > (MAX_GAP if loose else MAX_GAP_COUNT):
                continue
            score = float(PHRASE_WEIGHT + PHRASE_WORD_WEIGHT * (length - 1) - DISTANCE_WEIGHT * gap)
            best[metric_id] = max(best.get(metric_id, score), score)
        for metric_id, phrase_score in best.items():
            named = len(index.name_words[metric_id] & stems)
            bonus = NAME_WORD_WEIGHT * min(named, NAME_WORD_CAP)
            scored.append((phrase_score + bonus, qi, metric_id))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen: dict[int, tuple[float, str]] = {}
    taken: set[str] = set()
    for score, qi, metric_id in scored:
        if qi in chosen or metric_id in taken:
            continue
        chosen[qi] = (score, metric_id)
        taken.add(metric_id)
    periods = _periods(times, quantities, set(chosen))
    rivals = _rivals(scored, chosen)
    return [
        FigureClaim(
            quantity,
            chosen[qi][1] if qi in chosen else None,
            periods.get(qi),
            tuple(sorted(rivals.get(qi, set()))),
        )
        for qi, quantity in enumerate(quantities)
    ]


def _rivals(
    scored: list[tuple[float, int, str]], chosen: dict[int, tuple[float, str]]
) -> dict[int, set[str]]:
    """Metrics a number could as well be about: a free metric scoring within
    ``AMBIGUITY_MARGIN`` of its choice, or the metric of another number when swapping the
    two ("from 10 to 42 flights") scores within the margin of the pairing chosen."""
    score = {(qi, m): s for s, qi, m in scored}
    taken = {m for _, m in chosen.values()}
    rivals: dict[int, set[str]] = {}
    for qi, (best, metric_id) in chosen.items():
        for (q, m), s in score.items():
            if q == qi and m != metric_id and m not in taken and s > best - AMBIGUITY_MARGIN:
                rivals.setdefault(qi, set()).add(m)
    pairs = sorted(chosen.items())
    for a, (score_a, metric_a) in pairs:
        for b, (score_b, metric_b) in pairs:
            if a >= b:
                continue
            swapped_a, swapped_b = score.get((a, metric_b)), score.get((b, metric_a))
            if swapped_a is None or swapped_b is None:
                continue
            if swapped_a + swapped_b > score_a + score_b - AMBIGUITY_MARGIN:
                rivals.setdefault(a, set()).add(metric_b)
                rivals.setdefault(b, set()).add(metric_a)
    return rivals


_DEFINITE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.IGNORECASE)
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


def _counted_word(text: str, quantity: Quantity, words: list[Token]) -> str | None:
    """The word a plain count counts, when one follows it directly ("two countries",
    "10 stores"): the count can only be of a metric whose vocabulary has that word."""
    if quantity.kind is not Kind.NUMBER:
        return None
    for token in words:
        if token.start >= quantity.end:
            between = text[quantity.end : token.start]
            if between.strip() or token.stem[0].isdigit():
                return None
            return token.stem
    return None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return a[0] - b[1] if b[1] <= a[0] else max(0, b[0] - a[1])


def _periods(times: list[When], quantities: list[Quantity], placed: set[int]) -> dict[int, When]:
    """The period each placed number is stated for: pairs of a number and a mention of time
    are taken nearest first, each number and each mention at most once, so in "$6 billion
    in 2023, and over the past 18 years ... $9.6 billion" each figure keeps its own."""
    pairs = sorted(
        (_distance((quantities[i].start, quantities[i].end), (w.start, w.end)), i, t)
        for i in placed
        for t, w in enumerate(times)
    )
    given: dict[int, When] = {}
    used: set[int] = set()
    for _, i, t in pairs:
        if i in given or t in used:
            continue
        given[i] = times[t]
        used.add(t)
    return given


def _dates(
    index: StoreIndex, stems: set[str], times: list[When], used: set[int]
) -> list[DateClaim]:
    """Each date of the sentence with the events it may date. A date the sentence already
    uses as a figure's period is checked only when an event matches; a year that is part of
    an event's name ("the Action Plan for 2025-2027") names it rather than dates it."""
    events = match_events(index, stems)
    found: list[DateClaim] = []
    for when in times:
        if events:
            named = set().union(*(index.events[e].title_years for e in events))
            if when.first is not None and when.last is not None and named:
                years = {when.first.year, when.last.year}
                dated = {c.date.year for e in events for c in index.events[e].event.claims} | {
                    c.end.year for e in events for c in index.events[e].event.claims if c.end
                }
                if years <= named and not years & dated:
                    continue
            found.append(DateClaim(when, tuple(events)))
        elif id(when) not in used:
            found.append(DateClaim(when, ()))
    return found


def match_events(index: StoreIndex, stems: set[str]) -> list[str]:
    """The events a sentence speaks of: those sharing the most distinctive words with it
    (with their kind as a word: "opened" for an opening), above a minimum; ties kept."""
    scores: dict[str, int] = {}
    for word in stems:
        for event_id in index.events_by_word.get(word, []):
            scores[event_id] = scores.get(event_id, 0) + 1
    best: list[str] = []
    top = 0
    for event_id, score in scores.items():
        entry = index.events[event_id]
        kind = entry.kind in stems
        titled = len(entry.title_words & stems)
        named = bool(entry.names & stems)
        if not (titled >= EVENT_MIN_WORDS or (kind and named)):
            continue
        if score > top:
            best, top = [event_id], score
        elif score == top:
            best.append(event_id)
    return sorted(best)
