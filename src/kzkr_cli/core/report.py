"""What a shareable report holds: conflicts, figures by metric and period, timeline, sources.

Chosen by metric and source; the HTML writer in the render layer only lays it out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kzkr_cli.core.conflicts import Conflict, ConflictQuery, conflicting_records, find_conflicts
from kzkr_cli.core.models import Figure, Metric, Source
from kzkr_cli.core.query import FigureRow, TimelineEntry, TimelineQuery, timeline, unknown_name
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import resolve_metric


@dataclass(frozen=True, slots=True)
class ReportQuery:
    """Which part of the store to report; empty means all of it."""

    metrics: tuple[str, ...] = ()
    """Metric ids or aliases: only their figures and conflicts, and no timeline."""
    sources: tuple[str, ...] = ()
    """Only figures, events and conflicts in which one of these sources speaks."""


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """One metric's figures for exactly one period: the ones the conflict engine sets side
    by side, so a chart of them compares like with like."""

    period: str
    rows: tuple[FigureRow, ...]


@dataclass(frozen=True, slots=True)
class MetricSection:
    metric: Metric
    groups: tuple[FigureGroup, ...]


@dataclass(frozen=True, slots=True)
class Report:
    conflicts: tuple[Conflict, ...]
    metrics: tuple[MetricSection, ...]
    timeline: tuple[TimelineEntry, ...]
    sources: tuple[Source, ...]
    """Every source a figure, event or conflict claim in the report cites."""
    query: ReportQuery


def build_report(store: Store, query: ReportQuery | None = None) -> Report:
    """The report's content; a QueryError names an unknown metric or source."""
    query = query or ReportQuery()
    for source in query.sources:
        if source not in store.sources:
            raise unknown_name("source", source, store.sources)
    metrics = list({m.id: m for m in (resolve_metric(store, n) for n in query.metrics)}.values())
    every_conflict = find_conflicts(store)
    conflicts = _conflicts(store, query, metrics)
    chosen = metrics or sorted(store.metrics.values(), key=lambda m: m.id)
    conflicted = conflicting_records(every_conflict)
    by_metric: dict[str, list[Figure]] = defaultdict(list)
    for figure in store.figures.values():
        if not query.sources or figure.source in query.sources:
            by_metric[figure.metric].append(figure)
    sections = [_section(store, m, by_metric.get(m.id, []), conflicted) for m in chosen]
    events: list[TimelineEntry] = []
    if not metrics:
        events = [
            entry
            for entry in timeline(store, TimelineQuery(), conflicted)
            if not query.sources or set(entry.event.sources) & set(query.sources)
        ]
    cited = {claim.source for conflict in conflicts for claim in conflict.claims}
    cited |= {row.figure.source for s in sections for g in s.groups for row in g.rows}
    cited |= {source for entry in events for source in entry.event.sources}
    return Report(
        conflicts=tuple(conflicts),
        metrics=tuple(s for s in sections if s.groups),
        timeline=tuple(events),
        sources=tuple(store.sources[s] for s in sorted(cited) if s in store.sources),
        query=query,
    )


def _conflicts(store: Store, query: ReportQuery, metrics: Sequence[Metric]) -> list[Conflict]:
    found: dict[str, Conflict] = {}
    metric_ids: list[str | None] = [m.id for m in metrics] or [None]
    source_ids: list[str | None] = list(query.sources) or [None]
    for metric in metric_ids:
        for source in source_ids:
            selector = ConflictQuery(metric=metric, source=source)
            for conflict in find_conflicts(store, selector):
                found.setdefault(conflict.id, conflict)
    return sorted(found.values(), key=lambda c: (-c.severity, c.id))


def _section(
    store: Store, metric: Metric, figures: Sequence[Figure], conflicted: set[str]
) -> MetricSection:
    by_period: dict[str, list[FigureRow]] = defaultdict(list)
    for figure in figures:
        row = FigureRow(figure, store.interval(figure), figure.id in conflicted)
        by_period[figure.period.label()].append(row)
    groups = [
        FigureGroup(
            period,
            tuple(sorted(rows, key=lambda r: (r.figure.source, r.figure.id))),
        )
        for period, rows in by_period.items()
    ]
    groups.sort(
        key=lambda g: (
            g.rows[0].figure.period.first.sort_key(),
            g.rows[0].figure.period.last.sort_key(),
            g.period,
        )
    )
    return MetricSection(metric, tuple(groups))
