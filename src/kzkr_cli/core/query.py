"""The everyday questions: what happened when, and what each source says a figure is."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from kzkr_cli.core.conflicts import Conflict
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Event, EventKind, Figure, Metric
from kzkr_cli.core.periods import covers
from kzkr_cli.core.store import Store


def parse_when(text: str, option: str) -> PartialDate:
    """A --from/--to/--year value: a year, a year-month or a date."""
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise QueryError(f"{option}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    since: PartialDate | None = None
    until: PartialDate | None = None
    kind: EventKind | None = None
    actor: str | None = None
    source: str | None = None
    grep: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    event: Event
    dates_differ: bool
    in_conflict: bool


def _mentions(haystacks: list[str | None], needle: str) -> bool:
    folded = needle.casefold()
    return any(h is not None and folded in h.casefold() for h in haystacks)


def timeline(store: Store, query: TimelineQuery, conflicted: set[str]) -> list[TimelineEntry]:
    """Events in chronological order by their most precise date, filtered by ``query``."""
    if query.source is not None and query.source not in store.sources:
        raise QueryError(f"unknown source {query.source!r}", sorted(store.sources))
    entries = []
    for event in store.events.values():
        # The days the event may have started on: it is listed when any of them falls in the
        # window, so an event dated only to 2024, or to "..2024-11-05", is listed for June.
        date = event.headline.date
        if query.since is not None and date.last_day() < query.since.first_day():
            continue
        if query.until is not None and date.first_day() > query.until.last_day():
            continue
        if query.kind is not None and event.kind is not query.kind:
            continue
        if query.actor is not None and not _mentions(list(event.actors), query.actor):
            continue
        if query.source is not None and query.source not in event.sources:
            continue
        if query.grep is not None and not _mentions(
            [event.title, event.place, event.note, *event.actors, *(c.quote for c in event.claims)],
            query.grep,
        ):
            continue
        spans = {(c.date, c.end) for c in event.claims}
        entries.append(TimelineEntry(event, len(spans) > 1, event.id in conflicted))
    entries.sort(key=lambda e: (e.event.headline.date.sort_key(), e.event.id))
    return entries


@dataclass(frozen=True, slots=True)
class FigureRow:
    figure: Figure
    interval: Interval
    in_conflict: bool


@dataclass(frozen=True, slots=True)
class FigureComparison:
    """Every source's claim for one metric, and whether they agree."""

    metric: Metric
    rows: list[FigureRow]
    agree: bool
    """False when a reported conflict sets two of the listed figures against each other."""
    low: float | None = None
    high: float | None = None
    spread: float | None = None
    periods: list[str] = field(default_factory=list)


def compare_figures(
    store: Store,
    metric: Metric,
    conflicts: Sequence[Conflict],
    year: int | None = None,
    source: str | None = None,
) -> FigureComparison:
    """The metric's figures, oldest period first; ``year`` keeps those whose period covers it."""
    if source is not None and source not in store.sources:
        raise QueryError(f"unknown source {source!r}", sorted(store.sources))
    when = PartialDate(year) if year is not None else None
    conflicted = {claim.fact for conflict in conflicts for claim in conflict.claims}
    rows = [
        FigureRow(figure, store.interval(figure), figure.id in conflicted)
        for figure in store.figures_of(metric.id)
        if (when is None or covers(figure.period, when))
        and (source is None or figure.source == source)
    ]
    rows.sort(
        key=lambda r: (
            r.figure.period.first.sort_key(),
            r.figure.period.last.sort_key(),
            store.sources[r.figure.source].published.sort_key(),
            r.figure.id,
        )
    )
    if not rows:
        return FigureComparison(metric, rows, agree=True)
    values = [r.figure.value for r in rows]
    low, high = min(values), max(values)
    scale = max(abs(low), abs(high))
    spread = (high - low) / scale if scale else 0.0
    periods = list(dict.fromkeys(r.figure.period.label() for r in rows))
    listed = {r.figure.id for r in rows}
    agree = not any(
        len({claim.fact for claim in conflict.claims} & listed) > 1 for conflict in conflicts
    )
    return FigureComparison(
        metric, rows, agree, low, high, spread if math.isfinite(spread) else None, periods
    )
