"""Results of the core turned into listings: what each command shows, in every format."""

from __future__ import annotations

from typing import Any

from kzkr_cli.core.dates import Dating
from kzkr_cli.core.drafts import event_is_draft
from kzkr_cli.core.export import event_object, figure_object
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.models import Status
from kzkr_cli.core.provenance import Described
from kzkr_cli.core.query import FigureComparison, TimelineEntry
from kzkr_cli.core.sources import SourceSummary
from kzkr_cli.core.store import Store
from kzkr_cli.render.listing import Column, Listing, Style


def timeline_listing(entries: list[TimelineEntry]) -> Listing:
    rows: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    styles: list[Style] = []
    for entry in entries:
        event = entry.event
        headline = event.headline
        if entry.dates_differ:
            dated: list[str] = [f"{c.source} {_span(c.date, c.end)}" for c in event.claims]
        else:
            dated = list(event.sources)
        # Sources that date an event differently at different precisions still agree; the
        # mark says only when their dates cannot all be true.
        mark = _marks(
            "conflict" if entry.in_conflict else "",
            "draft" if event_is_draft(event) else "",
        )
        rows.append(
            {
                "date": headline.date.iso(),
                "end": headline.end.iso() if headline.end else None,
                "when": _span(headline.date, headline.end),
                "kind": event.kind.value,
                "id": event.id,
                "title": event.title,
                "sources": dated,
                "mark": mark,
            }
        )
        obj = event_object(event)
        obj["conflict"] = entry.in_conflict
        obj["dates_differ"] = entry.dates_differ
        objects.append(obj)
        styles.append(Style.CONFLICT if entry.in_conflict else Style.PLAIN)
    return Listing(
        columns=[
            Column("when", "Date", no_wrap=True, in_rows=False),
            Column("date", "Date", in_table=False),
            Column("end", "End", in_table=False),
            Column("kind", "Kind"),
            Column("id", "Event", in_table=False),
            Column("title", "Title"),
            Column("sources", "Sources"),
            Column("mark", "Mark"),
        ],
        rows=rows,
        objects=objects,
        title="Timeline",
        styles=styles,
    )


def figure_listing(store: Store, comparison: FigureComparison, *, quotes: bool) -> Listing:
    chosen = comparison.metric
    unit = chosen.unit.value
    rows: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    for row in comparison.rows:
        figure = row.figure
        rows.append(
            {
                "id": figure.id,
                "as_written": figure.as_written,
                "value": figure.value,
                "unit": unit,
                "qualifier": figure.qualifier.value,
                "period": figure.period.label(),
                "source": figure.source,
                "published": store.sources[figure.source].published.iso(),
                "mark": _marks(
                    "conflict" if row.in_conflict else "",
                    "draft" if figure.status is Status.DRAFT else "",
                ),
                "quote": figure.quote,
            }
        )
        obj = figure_object(store, figure)
        obj["conflict"] = row.in_conflict
        objects.append(obj)
    columns = [
        Column("period", "Period", no_wrap=True),
        Column("as_written", "As written"),
        Column("value", f"Value ({unit})", numeric=True, no_wrap=True),
        Column("source", "Source"),
        Column("published", "Published", no_wrap=True),
        Column("id", "Figure", in_table=False),
        Column("mark", "Mark"),
    ]
    if quotes:
        columns.append(Column("quote", "Quote"))
    return Listing(
        columns=columns,
        rows=rows,
        objects=objects,
        title=f"{chosen.name} ({chosen.id})",
        summary=[_summary_line(comparison, unit)],
        chart=[
            (f"{r.figure.source} {r.figure.period.label()}", r.figure.value)
            for r in comparison.rows
        ],
        chart_unit=unit,
        styles=[Style.CONFLICT if r.in_conflict else Style.PLAIN for r in comparison.rows],
    )


def _marks(*marks: str) -> str:
    return ", ".join(m for m in marks if m)


def _span(start: Dating, end: Dating | None) -> str:
    return f"{start}/{end}" if end is not None and end != start else str(start)


def _summary_line(comparison: FigureComparison, unit: str) -> str:
    count = len(comparison.rows)
    sources = len({r.figure.source for r in comparison.rows})
    verdict = (
        "agree within their stated precision"
        if comparison.agree
        else "DISAGREE (see kzkr conflicts --metric " + comparison.metric.id + ")"
    )
    spread = ""
    if comparison.low is not None and comparison.high is not None:
        if comparison.low == comparison.high:
            spread = f"; all give {human_number(comparison.low)} {unit}"
        else:
            relative = f" ({comparison.spread:.1%})" if comparison.spread is not None else ""
            spread = (
                f"; spread {human_number(comparison.low)}–{human_number(comparison.high)} {unit}"
                f"{relative}"
            )
    periods = f" over {len(comparison.periods)} periods" if len(comparison.periods) > 1 else ""
    figures = f"{count} figure{'s' if count != 1 else ''}"
    from_sources = f"{sources} source{'s' if sources != 1 else ''}"
    return f"{figures} from {from_sources}{periods}: {verdict}{spread}"


def metrics_listing(store: Store) -> Listing:
    counts: dict[str, int] = {}
    for figure in store.figures.values():
        counts[figure.metric] = counts.get(figure.metric, 0) + 1
    rows = [
        {
            "id": m.id,
            "name": m.name,
            "unit": m.unit.value,
            "aliases": ", ".join(m.aliases),
            "figures": counts.get(m.id, 0),
        }
        for m in store.metrics.values()
    ]
    return Listing(
        columns=[
            Column("id", "Metric"),
            Column("aliases", "Aliases"),
            Column("unit", "Unit"),
            Column("figures", "Figures", numeric=True),
            Column("name", "Name"),
        ],
        rows=rows,
        objects=[
            m.model_dump(mode="json") | {"figures": counts.get(m.id, 0)}
            for m in store.metrics.values()
        ],
        title="Metrics",
    )


def record_listing(described: Described) -> Listing:
    rows = [{"field": key, "value": value} for key, value in described.fields]
    return Listing(
        columns=[Column("field", "Field"), Column("value", "Value")],
        rows=rows,
        objects=described.obj,
        title=described.title,
    )


def sources_listing(summaries: list[SourceSummary]) -> Listing:
    return Listing(
        columns=[
            Column("id", "Source"),
            Column("kind", "Kind"),
            Column("published", "Published", no_wrap=True),
            Column("publisher", "Publisher"),
            Column("figures", "Figures", numeric=True),
            Column("events", "Events", numeric=True),
            Column("title", "Title"),
            Column("document", "Document"),
        ],
        rows=summaries,
        objects=summaries,
        title="Sources",
    )
