"""The conflict engine: where sources disagree beyond the precision they state.

Every claim stands for the set of values it allows: a figure its interval (precision,
qualifier, the metric's tolerance), a date claim the days its start and its end may fall
on. Two claims disagree only when those sets are disjoint. Claims are grouped first (by
metric and period, by event, by stated change) and compared only within their group, so
the work grows with the store, not with its square.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from kzkr_cli.core import lexicon
from kzkr_cli.core.dates import PartialDate, Precision
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.export import number
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.intervals import Interval, day_span
from kzkr_cli.core.models import DateClaim, Event, Figure, Metric, Unit
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import resolve_metric

DAYS_PER_YEAR = 365.2425
"""A date conflict's severity is ``gap / (gap + DAYS_PER_YEAR)``: one half at a year apart."""


class ConflictKind(StrEnum):
    FIGURE = "figure"
    RANK = "rank"
    DATE = "date"
    ARITHMETIC = "arithmetic"


@dataclass(frozen=True, slots=True)
class ConflictClaim:
    """One record taking part: a figure (``value``) or an event's date claim (``date``).

    ``fact`` is the record's id (a figure, or the event a date claim belongs to); ``key``
    tells two date claims of one event apart, and is what ``Conflict.groups`` lists.
    """

    fact: str
    source: str
    value: float | None
    date: str | None
    end: str | None
    quote: str
    as_written: str | None = None
    period: str | None = None
    low: float | None = None
    high: float | None = None
    claim: int | None = None
    """The position of a date claim within its event's claims (0 for the first)."""

    @property
    def key(self) -> str:
        return self.fact if self.claim is None else f"{self.fact}.claim.{self.claim}"

    def label(self, *, with_period: bool = False) -> str:
        """What the source said and who said it: '"top five" (astana-times-2024-11)'."""
        if self.date is not None:
            same = self.end is None or self.end == self.date
            return f"{self.date if same else f'{self.date}/{self.end}'} ({self.source})"
        where = f"{self.source}, {self.period}" if with_period else self.source
        return f'"{self.as_written}" ({where})'


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: ConflictKind
    subject: str
    """The record the disagreement is about: a metric, an event, or a stated change."""
    severity: float
    """From 0 (barely apart) to 1; see ``find_conflicts`` for how each kind measures it."""
    explanation: str
    claims: tuple[ConflictClaim, ...]
    groups: tuple[tuple[str, ...], ...]
    """Keys of claims that agree with each other, one tuple per agreeing group."""
    period: str | None = None
    """The period the figures are compared for; None for a date conflict."""

    def sides(self) -> list[list[ConflictClaim]]:
        """The agreeing groups as claims, for display."""
        by_key = {claim.key: claim for claim in self.claims}
        return [[by_key[key] for key in group] for group in self.groups]


@dataclass(frozen=True, slots=True)
class ConflictQuery:
    """Which conflicts to report; every criterion given must hold."""

    kinds: frozenset[ConflictKind] = frozenset()
    metric: str | None = None
    """A metric id or alias: conflicts among its figures, or arithmetic involving it."""
    event: str | None = None
    source: str | None = None
    """Conflicts in which this source makes one of the claims."""
    min_severity: float = 0.0


def find_conflicts(store: Store, query: ConflictQuery | None = None) -> list[Conflict]:
    """Every disagreement in the store, most severe first.

    Severity: for figures, ranks and arithmetic, the gap between the nearest values two
    claims allow as a share of the larger (capped at 1); for dates, ``g / (g + 1 year)``
    where ``g`` is the gap in days between the nearest days the two claims allow.
    """
    query = query or ConflictQuery()
    metric = _check_query(store, query)
    found = [
        *_figure_conflicts(store),
        *_date_conflicts(store),
        *_arithmetic_conflicts(store),
        *_part_conflicts(store),
    ]
    selected = [_with_causes(store, c) for c in found if _selected(store, c, query, metric)]
    selected.sort(key=lambda c: (-c.severity, c.id))
    return selected


def conflicting_records(conflicts: Iterable[Conflict]) -> set[str]:
    """The ids of every figure and event that takes part in one of ``conflicts``."""
    return {claim.fact for conflict in conflicts for claim in conflict.claims}


def conflict_object(conflict: Conflict) -> dict[str, Any]:
    """A conflict as a JSON-ready object: the scripting contract of ``kzkr conflicts``."""
    return {
        "id": conflict.id,
        "kind": conflict.kind.value,
        "subject": conflict.subject,
        "period": conflict.period,
        "severity": round(conflict.severity, 6),
        "explanation": conflict.explanation,
        "claims": [
            {
                "key": claim.key,
                "fact": claim.fact,
                "source": claim.source,
                "value": None if claim.value is None else number(claim.value),
                "as_written": claim.as_written,
                "period": claim.period,
                "low": None if claim.low is None else number(claim.low),
                "high": None if claim.high is None else number(claim.high),
                "date": claim.date,
                "end": claim.end,
                "quote": claim.quote,
            }
            for claim in conflict.claims
        ],
        "groups": [list(group) for group in conflict.groups],
    }


def agreeing_groups(intervals: Sequence[Interval]) -> list[tuple[int, ...]]:
    """The maximal sets of ``intervals`` that share a value, as sorted index tuples, in
    order along the line. Intervals that overlap pairwise share a value, so these are
    exactly the largest sets of claims that can all be true; one group means no conflict.
    """
    sweep = sorted(
        [(iv.low, 0, i) for i, iv in enumerate(intervals)]
        + [(iv.high, 1, i) for i, iv in enumerate(intervals)]
    )
    active: dict[int, None] = {}
    grew = False
    groups: list[tuple[int, ...]] = []
    for _, is_end, index in sweep:
        if not is_end:
            active[index] = None
            grew = True
            continue
        if grew:
            groups.append(tuple(sorted(active)))
            grew = False
        del active[index]
    return groups


# ---------------------------------------------------------------- figures and ranks


@dataclass(frozen=True, slots=True)
class _Stated:
    figure: Figure
    interval: Interval


def _figure_conflicts(store: Store) -> Iterator[Conflict]:
    """Figures of one metric about the same period, compared at the finest date involved.

    Spans are the same period only when they cover the same days. Moments (``as_of``) are
    when one date contains the other ("2024" and "2024-11-05"); dates at year, month and
    day nest, so a moment is compared with the figures at its own date and at the coarser
    dates containing it, and a conflict is reported at the finer date of the two claims.
    """
    spans: dict[tuple[str, dt.date, dt.date], list[_Stated]] = defaultdict(list)
    moments: dict[tuple[str, PartialDate], list[_Stated]] = defaultdict(list)
    for figure in store.figures.values():
        stated = _Stated(figure, store.interval(figure))
        period = figure.period
        if period.is_span:
            spans[(figure.metric, period.first.first_day(), period.last.last_day())].append(stated)
        else:
            moments[(figure.metric, period.first)].append(stated)
    for (metric_id, first, last), here in spans.items():
        label = _span_label(first, last)
        yield from _compare(store, metric_id, label, label, here, [])
    for (metric_id, when), here in moments.items():
        coarser = [
            stated for date in _containing(when) for stated in moments.get((metric_id, date), [])
        ]
        yield from _compare(store, metric_id, f"as of {when}", f"as-of-{when}", here, coarser)


def _containing(date: PartialDate) -> list[PartialDate]:
    """The coarser dates that contain ``date``: its month and its year."""
    if date.precision is Precision.DAY:
        return [PartialDate(date.year, date.month), PartialDate(date.year)]
    if date.precision is Precision.MONTH:
        return [PartialDate(date.year)]
    return []


def _compare(
    store: Store,
    metric_id: str,
    period: str,
    period_key: str,
    here: list[_Stated],
    coarser: list[_Stated],
) -> Iterator[Conflict]:
    """One conflict when a figure ``here`` admits no value in common with another figure
    here or at a coarser date; the claims are those taking part in such a disagreement."""
    pool = here + coarser
    if len(pool) < 2:
        return
    lowest_high = min(s.interval.high for s in pool)
    highest_low = max(s.interval.low for s in pool)
    if all(s.interval.low <= lowest_high and s.interval.high >= highest_low for s in here):
        return
    here_high = min(s.interval.high for s in here)
    here_low = max(s.interval.low for s in here)
    involved = [s for s in here if s.interval.low > lowest_high or s.interval.high < highest_low]
    involved += [s for s in coarser if s.interval.low > here_high or s.interval.high < here_low]
    involved.sort(key=lambda s: (s.interval.low, s.interval.high, s.figure.id))
    severity = max(_number_severity(s.interval, lowest_high, highest_low) for s in here)
    metric = store.metrics[metric_id]
    kind = ConflictKind.RANK if metric.unit is Unit.RANK else ConflictKind.FIGURE
    claims = tuple(_figure_claim(s) for s in involved)
    groups = tuple(
        tuple(claims[i].key for i in group)
        for group in agreeing_groups([s.interval for s in involved])
    )
    conflict = Conflict(
        id=f"{kind.value}:{metric_id}:{period_key}",
        kind=kind,
        subject=metric_id,
        severity=severity,
        explanation="",
        claims=claims,
        groups=groups,
        period=period,
    )
    yield replace(conflict, explanation=_figure_explanation(conflict, metric, involved))


def _number_severity(interval: Interval, lowest_high: float, highest_low: float) -> float:
    """How far ``interval`` lies from the furthest claim on either side of it."""
    worst = 0.0
    if interval.low > lowest_high:
        worst = max(worst, Interval.point(lowest_high).relative_gap(interval))
    if interval.high < highest_low:
        worst = max(worst, interval.relative_gap(Interval.point(highest_low)))
    return min(1.0, worst)


def _figure_claim(stated: _Stated) -> ConflictClaim:
    figure = stated.figure
    return ConflictClaim(
        fact=figure.id,
        source=figure.source,
        value=figure.value,
        date=None,
        end=None,
        quote=figure.quote,
        as_written=figure.as_written,
        period=figure.period.label(),
        low=stated.interval.low,
        high=stated.interval.high,
    )


def _figure_explanation(conflict: Conflict, metric: Metric, involved: list[_Stated]) -> str:
    by_id = {s.figure.id: s.interval for s in involved}
    periods = {claim.period for claim in conflict.claims}
    parts = []
    for side in conflict.sides():
        common = by_id[side[0].fact]
        for claim in side[1:]:
            other = by_id[claim.fact]
            common = Interval(max(common.low, other.low), min(common.high, other.high))
        names = _join(claim.label(with_period=len(periods) > 1) for claim in side)
        verb = "allows" if len(side) == 1 else "allow"
        parts.append(f"{names} {verb} {_range_text(common, metric.unit)}")
    both = "both" if len(parts) == 2 else "them all"
    return (
        f"{metric.name}, {conflict.period}: {'; '.join(parts)}. No single value fits {both};"
        f" the widest gap is {_share(conflict.severity)} of the larger value."
    )


# ---------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class _Dated:
    """A date claim as the days its start and its end may fall on."""

    index: int
    claim: DateClaim
    start: Interval
    end: Interval


def _date_conflicts(store: Store) -> Iterator[Conflict]:
    """An event's date claims, compared within the event.

    A claim with an ``end`` says the event started within ``date`` and ended within
    ``end``; a claim without one says it started and ended within ``date``. Two claims
    disagree when their starts or their ends cannot fall on the same day.
    """
    for event in store.events.values():
        if len(event.claims) < 2:
            continue
        dated = [
            _Dated(i, c, day_span(c.date), day_span(c.end or c.date))
            for i, c in enumerate(event.claims)
        ]
        worst: tuple[float, _Dated, _Dated] | None = None
        involved: set[int] = set()
        for i, a in enumerate(dated):
            for b in dated[i + 1 :]:
                gap = max(a.start.gap(b.start), a.end.gap(b.end))
                if gap == 0:
                    continue
                involved.update((a.index, b.index))
                if worst is None or gap > worst[0]:
                    worst = (gap, a, b)
        if worst is None:
            continue
        members = [d for d in dated if d.index in involved]
        members.sort(key=lambda d: (d.start.low, d.end.high, d.index))
        claims = tuple(_date_claim(event, d) for d in members)
        groups = tuple(
            tuple(claims[i].key for i in group)
            for group in _agreeing_boxes([(d.start, d.end) for d in members])
        )
        gap = worst[0]
        conflict = Conflict(
            id=f"{ConflictKind.DATE.value}:{event.id}",
            kind=ConflictKind.DATE,
            subject=event.id,
            severity=gap / (gap + DAYS_PER_YEAR),
            explanation="",
            claims=claims,
            groups=groups,
        )
        yield replace(conflict, explanation=_date_explanation(conflict, event, worst))


def _agreeing_boxes(boxes: Sequence[tuple[Interval, Interval]]) -> list[tuple[int, ...]]:
    """The maximal sets of (start, end) boxes with a common point. A common point's start
    can be taken at some box's earliest start, so each of those is tried in turn."""
    found: set[tuple[int, ...]] = set()
    for x in sorted({start.low for start, _ in boxes}):
        across = [i for i, (start, _) in enumerate(boxes) if start.low <= x <= start.high]
        for group in agreeing_groups([boxes[i][1] for i in across]):
            found.add(tuple(sorted(across[j] for j in group)))
    maximal = [g for g in found if not any(set(g) < set(h) for h in found)]
    return sorted(maximal, key=lambda g: (min(boxes[i][0].low for i in g), g))


def _date_claim(event: Event, dated: _Dated) -> ConflictClaim:
    claim = dated.claim
    return ConflictClaim(
        fact=event.id,
        source=claim.source,
        value=None,
        date=claim.date.iso(),
        end=claim.end.iso() if claim.end is not None else None,
        quote=claim.quote,
        claim=dated.index,
    )


def _date_explanation(conflict: Conflict, event: Event, worst: tuple[float, _Dated, _Dated]) -> str:
    gap, a, b = worst
    starts, ends = a.start.gap(b.start) > 0, a.end.gap(b.end) > 0
    part = "dates" if starts and ends else "start dates" if starts else "end dates"
    sides = conflict.sides()
    dated = " vs ".join(_join(claim.label() for claim in side) for side in sides)
    up_to = "" if len(sides) == 2 else "up to "
    return f"{event.title}: dated {dated}; the {part} differ by {up_to}{_duration(gap)}."


# ---------------------------------------------------------------- arithmetic


def _arithmetic_conflicts(store: Store) -> Iterator[Conflict]:
    """A stated change against the change its linked before and after figures give.

    A change in percent of figures in another unit is read as relative, (after - before)
    / before; a change in the figures' own unit as their difference. Intervals carry the
    rounding of all three, so a change is flagged only when no rounding reconciles it.
    """
    for figure in store.figures.values():
        if figure.change is None:
            continue
        before = store.figures[figure.change.before]
        after = store.figures[figure.change.after]
        unit = store.metrics[before.metric].unit
        if store.metrics[after.metric].unit is not unit:
            continue
        stated_unit = store.metrics[figure.metric].unit
        b, a, stated = store.interval(before), store.interval(after), store.interval(figure)
        if stated_unit is unit:
            implied = a - b
        elif stated_unit is Unit.PERCENT:
            implied = (a - b) / b * Interval.point(100)
        else:
            continue
        if implied.overlaps(stated):
            continue
        claims = (
            _figure_claim(_Stated(before, b)),
            _figure_claim(_Stated(after, a)),
            _figure_claim(_Stated(figure, stated)),
        )
        conflict = Conflict(
            id=f"{ConflictKind.ARITHMETIC.value}:{figure.id}",
            kind=ConflictKind.ARITHMETIC,
            subject=figure.id,
            severity=min(1.0, implied.relative_gap(stated)),
            explanation="",
            claims=claims,
            groups=((before.id, after.id), (figure.id,)),
            period=figure.period.label(),
        )
        explanation = (
            f"{claims[1].label()} against {claims[0].label()} is a change of"
            f" {_range_text(implied, stated_unit)}, allowing for their rounding, but"
            f" {claims[2].label()} allows {_range_text(stated, stated_unit)}; the gap is"
            f" {_share(conflict.severity)} of the larger value."
        )
        yield replace(conflict, explanation=explanation)


def _part_conflicts(store: Store) -> Iterator[Conflict]:
    """A part larger than its whole: a figure of a metric that is ``part_of`` another,
    against that metric's figures over spans containing the part's. Each part is compared
    only with the figures of its whole metric."""
    wholes: dict[str, list[Figure]] = defaultdict(list)
    parts_of = {m.id: m.part_of for m in store.metrics.values() if m.part_of is not None}
    if not parts_of:
        return
    wanted = set(parts_of.values())
    for figure in store.figures.values():
        if figure.metric in wanted and figure.period.is_span:
            wholes[figure.metric].append(figure)
    for part in store.figures.values():
        whole_metric = parts_of.get(part.metric)
        if whole_metric is None or not part.period.is_span:
            continue
        p = store.interval(part)
        first, last = part.period.first.first_day(), part.period.last.last_day()
        exceeded = [
            (whole, store.interval(whole))
            for whole in wholes[whole_metric]
            if whole.period.first.first_day() <= first
            and last <= whole.period.last.last_day()
            and p.low > store.interval(whole).high
        ]
        if not exceeded:
            continue
        largest = max(interval.high for _, interval in exceeded)
        severity = min(1.0, Interval.point(largest).relative_gap(p))
        claims = (
            _figure_claim(_Stated(part, p)),
            *(_figure_claim(_Stated(whole, interval)) for whole, interval in exceeded),
        )
        metric, whole_name = store.metrics[part.metric], store.metrics[whole_metric].name
        wholes_said = _join(c.label(with_period=True) for c in claims[1:])
        unit = metric.unit
        explanation = (
            f"{claims[0].label(with_period=True)} for {metric.name} is more than"
            f" {wholes_said} give for {whole_name} over a span containing it, and a part"
            f" cannot exceed its whole ({_range_text(p, unit)} against at most"
            f" {_amount(largest, unit)}); the gap is {_share(severity)} of the larger value."
        )
        yield Conflict(
            id=f"{ConflictKind.ARITHMETIC.value}:{part.id}:part-of-{whole_metric}",
            kind=ConflictKind.ARITHMETIC,
            subject=part.id,
            severity=severity,
            explanation=explanation,
            claims=claims,
            groups=((part.id,), tuple(c.fact for c in claims[1:])),
            period=part.period.label(),
        )


# ---------------------------------------------------------------- selection


def _check_query(store: Store, query: ConflictQuery) -> Metric | None:
    if query.source is not None and query.source not in store.sources:
        raise QueryError(
            f"unknown source {query.source!r}{_hint(query.source, store.sources)}",
            sorted(store.sources),
        )
    if query.event is not None and query.event not in store.events:
        raise QueryError(
            f"unknown event {query.event!r}{_hint(query.event, store.events)}",
            difflib.get_close_matches(query.event, list(store.events), n=5),
        )
    return resolve_metric(store, query.metric) if query.metric is not None else None


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=5)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _selected(
    store: Store, conflict: Conflict, query: ConflictQuery, metric: Metric | None
) -> bool:
    if query.kinds and conflict.kind not in query.kinds:
        return False
    if conflict.severity < query.min_severity:
        return False
    if query.source is not None and all(c.source != query.source for c in conflict.claims):
        return False
    if query.event is not None and (
        conflict.kind is not ConflictKind.DATE or conflict.subject != query.event
    ):
        return False
    if metric is not None:
        if conflict.kind is ConflictKind.DATE:
            return False
        figures = (store.figures[c.fact] for c in conflict.claims)
        return any(f.metric == metric.id for f in figures)
    return True


# ---------------------------------------------------------------- likely causes

_ANNOUNCED = re.compile(
    r"\b(" + "|".join(map(re.escape, lexicon.ANNOUNCED_WORDS)) + r")\b", re.IGNORECASE
)
_NOTE_LENGTH = 200


def _with_causes(store: Store, conflict: Conflict) -> Conflict:
    """Add what the records themselves show as likely causes: a note naming an ambiguity,
    a derived date, a date announced in advance, a source older than the others."""
    causes: list[str] = []
    for claim in conflict.claims:
        if claim.claim is not None:
            dated = store.events[claim.fact].claims[claim.claim]
            if dated.derivation:
                causes.append(f"{claim.source}'s date is derived ({dated.derivation})")
            announced = _ANNOUNCED.search(dated.quote)
            if announced:
                causes.append(
                    f'{claim.source} announced it in advance ("{_clip(dated.quote)}"),'
                    " and plans can change"
                )
            if dated.note:
                causes.append(f"{claim.source} notes: {_clip(dated.note)}")
        elif claim.fact in store.figures and store.figures[claim.fact].note:
            causes.append(f"{claim.source} notes: {_clip(store.figures[claim.fact].note or '')}")
    published = {claim.source: store.sources[claim.source].published for claim in conflict.claims}
    newest = max(published.values(), key=lambda d: d.first_day())
    older = sorted(s for s, d in published.items() if d.last_day() < newest.first_day())
    if older:
        dates = ", ".join(f"{s} ({published[s]})" for s in older)
        causes.append(f"older source{'s' if len(older) > 1 else ''}: {dates}")
    if not causes:
        return conflict
    unique = list(dict.fromkeys(causes))
    return replace(
        conflict, explanation=f"{conflict.explanation} Likely cause: {'; '.join(unique)}."
    )


def _clip(text: str) -> str:
    """A note or quote cut at a word to a readable length."""
    flat = " ".join(text.split()).rstrip(".;")
    if len(flat) <= _NOTE_LENGTH:
        return flat
    return flat[:_NOTE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# ---------------------------------------------------------------- wording


def _join(names: Iterable[str]) -> str:
    listed = list(names)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def _share(fraction: float) -> str:
    percent = fraction * 100
    return f"{percent:.0f}%" if percent >= 10 else f"{percent:.2g}%"


def _amount(value: float, unit: Unit) -> str:
    """A value for people; a derived fraction (a computed change) to four figures."""
    text = human_number(value if value.is_integer() else float(f"{value:.4g}"))
    if unit is Unit.USD:
        return f"-${text[1:]}" if text.startswith("-") else f"${text}"
    if unit is Unit.PERCENT:
        return f"{text}%"
    if unit in (Unit.COUNT, Unit.RANK):
        return text
    return f"{text} {unit.value}"


def _range_text(interval: Interval, unit: Unit) -> str:
    low, high = interval.low, interval.high
    noun = "rank " if unit is Unit.RANK else ""
    if math.isinf(low) and math.isinf(high):
        return "any value"
    if math.isinf(low):
        return f"{noun}at most {_amount(high, unit)}"
    if math.isinf(high):
        return f"{noun}at least {_amount(low, unit)}"
    if low == high:
        return f"{noun}{_amount(low, unit)} only"
    if unit is Unit.RANK:
        return f"ranks {_amount(low, unit)} to {_amount(high, unit)}"
    return f"{_amount(low, unit)} to {_amount(high, unit)}"


def _duration(days: float) -> str:
    if days < 60:
        return f"{days:.0f} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"{days / (DAYS_PER_YEAR / 12):.0f} months"
    return f"{days / DAYS_PER_YEAR:.1f} years"


def _span_label(first_day: dt.date, last_day: dt.date) -> str:
    """A span of days in the fewest words: "2023", "2006/2023", "2024-01/2024-04"."""
    start = next(
        d for d in _dates_of(first_day) if d.first_day() == first_day and d.last_day() <= last_day
    )
    end = next(
        d for d in _dates_of(last_day) if d.last_day() == last_day and d.first_day() >= first_day
    )
    return str(start) if start == end else f"{start}/{end}"


def _dates_of(day: dt.date) -> tuple[PartialDate, PartialDate, PartialDate]:
    """The year, the month and the day that contain ``day``, coarsest first."""
    return (
        PartialDate(day.year),
        PartialDate(day.year, day.month),
        PartialDate(day.year, day.month, day.day),
    )
