"""One record with everything behind it: its source, quote, interval and conflicts."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kzkr_cli.core.conflicts import Conflict
from kzkr_cli.core.contract import (
    event_object,
    figure_object,
    metric_object,
    source_object,
    undecided_object,
)
from kzkr_cli.core.dates import span_text
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.models import Event, Figure, Metric, Source, UndecidedFigure
from kzkr_cli.core.sources import SourceSummary, source_summaries
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import metric_names, resolve_metric


@dataclass(frozen=True, slots=True)
class Described:
    title: str
    fields: list[tuple[str, str]]
    obj: dict[str, Any]


def _involving(record_id: str, conflicts: Sequence[Conflict]) -> list[Conflict]:
    return [c for c in conflicts if any(claim.fact == record_id for claim in c.claims)]


def _source_fields(source: Source, prefix: str = "source") -> list[tuple[str, str]]:
    fields = [
        (prefix, source.id),
        (f"{prefix} title", source.title),
        (f"{prefix} publisher", source.publisher),
        (f"{prefix} published", source.published.iso()),
        (f"{prefix} document", source.document),
    ]
    if source.author:
        fields.insert(3, (f"{prefix} author", source.author))
    if source.published_note:
        fields.append((f"{prefix} published note", source.published_note))
    return fields


def unknown_record(record_id: str, known: Iterable[str]) -> QueryError:
    """The error for an id no record has, suggesting the ``known`` ids closest to it."""
    close = difflib.get_close_matches(record_id, list(known), n=5, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return QueryError(f"no record with id {record_id!r}{hint}", close)


def describe(
    store: Store,
    record_id: str,
    conflicts: Sequence[Conflict],
    *,
    summary: SourceSummary | None = None,
) -> Described:
    """``record_id``'s fields (or, for what ``kzkr figure`` accepts, its metric's);
    ``summary`` gives a source's counts when ``store`` holds only the rows the record needs
    rather than every figure and event."""
    record: Source | Metric | Figure | Event | UndecidedFigure | None = store.record(record_id)
    if record is None:
        try:  # what `kzkr figure` accepts: a metric's alias or the start of its id
            record = resolve_metric(store, record_id)
        except QueryError:
            known = [*store.sources, *metric_names(store), *store.figures, *store.events]
            raise unknown_record(record_id, known) from None
    involved = _involving(record.id, conflicts)
    conflict_fields = [
        field for c in involved for field in (("conflict", c.id), ("explanation", c.explanation))
    ]
    conflict_ids = [c.id for c in involved]
    if isinstance(record, Figure):
        obj = figure_object(store, record)
        of = store.metrics[record.metric]
        fields = [
            ("figure", record.id),
            ("metric", f"{of.id} — {of.name} ({of.unit.value})"),
            ("as written", record.as_written),
            ("value", f"{human_number(record.value)} {of.unit.value}"),
            ("qualifier", record.qualifier.value),
            ("interval", store.interval(record).label()),
            ("period", record.period.label()),
        ]
        if record.period.text:
            fields.append(("period as written", record.period.text))
        fields += [("quote", record.quote), *_source_fields(store.sources[record.source])]
        if record.note:
            fields.append(("note", record.note))
        if record.change:
            fields.append(("change", f"from {record.change.before} to {record.change.after}"))
        obj["conflicts"] = conflict_ids
        return Described(f"Figure {record.id}", fields + conflict_fields, obj)
    if isinstance(record, Event):
        obj = event_object(record)
        fields = [("event", record.id), ("kind", record.kind.value), ("title", record.title)]
        if record.actors:
            fields.append(("actors", ", ".join(record.actors)))
        if record.place:
            fields.append(("place", record.place))
        if record.note:
            fields.append(("note", record.note))
        for number, claim in enumerate(record.claims, start=1):
            source = store.sources[claim.source]
            span = span_text(claim.date, claim.end)
            fields.append(
                (
                    f"claim {number}",
                    f"{span} — {source.id} ({source.publisher}, {source.published})",
                )
            )
            fields.append((f"claim {number} quote", claim.quote))
            if claim.derivation:
                fields.append((f"claim {number} derivation", claim.derivation))
            if claim.note:
                fields.append((f"claim {number} note", claim.note))
        obj["conflicts"] = conflict_ids
        return Described(f"Event {record.id}", fields + conflict_fields, obj)
    if isinstance(record, Source):
        if summary is None:
            summary = next(s for s in source_summaries(store) if s["id"] == record.id)
        fields = [*_source_fields(record), ("kind", record.kind.value)]
        fields += [("figures", str(summary["figures"])), ("events", str(summary["events"]))]
        return Described(f"Source {record.id}", fields, source_object(record) | summary)
    if isinstance(record, UndecidedFigure):
        fields = [
            ("figure", record.id),
            ("status", "draft, metric undecided"),
            ("candidates", ", ".join(record.candidates) or "none in the vocabulary"),
            ("as written", record.as_written),
            ("period", record.period.label()),
            ("quote", record.quote),
            ("source", record.source),
        ]
        return Described(f"Figure {record.id}", fields, undecided_object(record))
    metric: Metric = record
    figures = [f.id for f in store.figures_of(metric.id)]
    fields = [
        ("metric", metric.id),
        ("name", metric.name),
        ("unit", metric.unit.value),
        ("aliases", ", ".join(metric.aliases)),
        ("description", metric.description),
        ("figures", ", ".join(figures)),
    ]
    if metric.tolerance:
        fields.append(("tolerance", f"{metric.tolerance:g} — {metric.tolerance_note}"))
    return Described(f"Metric {metric.id}", fields, metric_object(metric) | {"figures": figures})
