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

import re
from dataclasses import dataclass

from kzkr_cli.core.checker.index import StoreIndex, fits
from kzkr_cli.core.checker.when import CALENDAR, When, find_times
from kzkr_cli.core.checker.words import STOP_WORDS, Token, directions, reverses, stem, tokens
from kzkr_cli.core.dates import PartialDate
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
UNSAID_WORD_WEIGHT = 1
"""Score lost per distinctive word of the metric's name the sentence does not use (at most
``NAME_WORD_CAP``): of two variants named alike ("flights between Almaty and Seoul" in
operation, or agreed by the civil aviation authorities), a sentence that says neither
qualifier speaks of the plainer one."""
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


@dataclass(frozen=True, slots=True)
class ReadSentence:
    figures: tuple[FigureClaim, ...]
    dates: tuple[DateClaim, ...]
    strangers: tuple[str, ...] = ()
    """Parties the sentence names that the store never mentions ("trade with China")."""


_PARTY = re.compile(
    r"\b[a-z]+\s+(?P<name>[A-Z][^\W\d_]+(?:[-'’][A-Za-z]+)*)"
    r"|\b(?P<owner>[A-Z][^\W\d_]+)['’]s\b"
)
"""A capitalised name inside a clause ("trade with China", "visited Japan") or owning
something ("China's trade"); not one opening a clause ("..., Reuters reported")."""


def _strangers(index: StoreIndex, text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in _PARTY.finditer(text):
        name = match.group("name") or match.group("owner")
        if name.isupper():
            continue  # an acronym ("USSR") may stand for names the store spells out
        words = [t.stem for t in tokens(name)]
        if any(w in STOP_WORDS or w in index.known_words or w in CALENDAR for w in words):
            continue
        found.append(name)
    return tuple(dict.fromkeys(found))


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


def read_sentence(
    index: StoreIndex, text: str, reference: PartialDate | None = None
) -> ReadSentence:
    """What one sentence states; with a ``reference`` date (its publication), times
    relative to it are placed (``when.find_times``)."""
    times = list(find_times(text, reference))
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
    dates = _dates(index, text, stems, [w for w in times if not w.is_duration], used)
    return ReadSentence(tuple(figures), tuple(dates), _strangers(index, text))


Hit = tuple[str, int, tuple[int, int]]
"""A metric named in the sentence: (metric, phrase length in words, character span)."""


def _phrase_hits(index: StoreIndex, words: list[Token]) -> tuple[list[Hit], list[Hit]]:
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
    fallback = [
        (metric_id, 1, (t.start, t.end))
        for metric_id, used in named.items()
        if len({t.stem for t in used}) >= NAME_WORDS_TO_NAME
        for t in used
    ]
    return found, fallback


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
    said = directions(text)
    scored: list[tuple[float, int, str]] = []
    for qi, quantity in enumerate(quantities):
        counted = _counted_words(text, quantity, words)
        best: dict[str, float] = {}
        for candidates in hits:
            for metric_id, length, span in candidates:
                if not fits(quantity, index.metric(metric_id).unit):
                    continue
                if said and reverses(said, index.directions[metric_id]):
                    continue
                if counted is not None and not counted & index.vocabulary[metric_id]:
                    continue
                gap = _gap(text, words, (quantity.start, quantity.end), span, skip)
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


GENERIC_COUNTED = frozenset(
    stem(w) for w in ["people", "persons", "individuals", "times", "occasions", "instances"]
)
"""Nouns that count anything ("200,000 people", "five times"): they leave the subject to the
rest of the sentence."""
COUNTED_WORDS = 3
"""A count's noun phrase: at most this many words directly after it ("five Kazakh-Korean
projects")."""


def _counted_words(text: str, quantity: Quantity, words: list[Token]) -> frozenset[str] | None:
    """The words a plain count counts, when they follow it directly ("two countries",
    "10 stores", "five Kazakh-Korean projects"): the count can only be of a metric whose
    vocabulary has one of them. None when nothing restricts it."""
    if quantity.kind is not Kind.NUMBER:
        return None
    found: list[str] = []
    end = quantity.end
    for token in words:
        if token.start < end:
            continue
        between = text[end : token.start]
        if between.strip(" -\u2010\u2011") or token.stem[0].isdigit():
            break
        found.append(token.stem)
        end = token.end
        if len(found) == COUNTED_WORDS:
            break
    if not found or found[0] in GENERIC_COUNTED:
        return None
    return frozenset(found)


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
    owned = _owned_occasions(text) if matched else set()
    found: list[DateClaim] = []
    for when in times:
        events = matched
        if id(when) in used:
            # "marked its 15th anniversary in 2024": the year dates the figure; it dates an
            # event only when the sentence also says what happened ("visited ... in 2024").
            events = [e for e in matched if index.events[e].kinds & stems]
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
            )
            found.append(DateClaim(when, tuple(events), mine))
        elif id(when) not in used:
            found.append(DateClaim(when, ()))
    return found


def match_events(index: StoreIndex, stems: set[str]) -> list[str]:
    """The events a sentence speaks of: those sharing the most distinctive words with it
    (with their kind as a word: "opened" for an opening), above a minimum, or using all the
    words of one of its aliases with a word of its kind ("diplomatic ties date back to");
    ties kept, in the store's order (never by how their ids sort)."""
    scores: dict[str, int] = {}
    for word in stems:
        for event_id in index.events_by_word.get(word, []):
            scores[event_id] = scores.get(event_id, 0) + 1
    best: list[str] = []
    top = 0
    for event_id, score in scores.items():
        entry = index.events[event_id]
        kind = bool(entry.kinds & stems)
        titled = len(entry.title_words & stems)
        named = bool(entry.names & stems)
        aliases = [len(alias) for alias in entry.aliases if kind and alias <= stems]
        if not (titled + kind >= EVENT_MIN_WORDS or (kind and named) or aliases):
            continue
        score += sum(aliases)  # a name curated for the event outweighs words in common
        if score > top:
            best, top = [event_id], score
        elif score == top:
            best.append(event_id)
    order = index.event_order
    return sorted(best, key=order.__getitem__)
