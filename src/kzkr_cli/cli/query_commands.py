"""The everyday queries: timeline, figure, show."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from kzkr_cli.cli.common import (
    ExitCode,
    FactsOption,
    FormatOption,
    NoColorOption,
    emit,
    fail,
    open_store,
)
from kzkr_cli.cli.completion import complete_event_kinds, complete_metrics, complete_sources
from kzkr_cli.core.conflicts import conflicting_records, find_conflicts
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.export import event_object, figure_object
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.models import EventKind
from kzkr_cli.core.provenance import describe
from kzkr_cli.core.query import TimelineQuery, compare_figures, parse_when, timeline
from kzkr_cli.core.vocabulary import resolve_metric
from kzkr_cli.render import Column, Listing, Style

SourceOption = Annotated[
    str | None,
    typer.Option("--source", help="Only this source (an id).", autocompletion=complete_sources),
]


def timeline_command(
    since: Annotated[
        str | None, typer.Option("--from", help="From this year, month or day (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--to", help="Up to this year, month or day (inclusive).")
    ] = None,
    kind: Annotated[
        EventKind | None,
        typer.Option(
            "--kind",
            help="Only events of this kind.",
            case_sensitive=False,
            autocompletion=complete_event_kinds,
        ),
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor name contains TEXT.")] = None,
    source: SourceOption = None,
    grep: Annotated[
        str | None,
        typer.Option("--grep", help="Title, place, note, actors or quotes contain TEXT."),
    ] = None,
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Events in chronological order, each date at the precision its sources give."""
    store = open_store(facts)
    try:
        query = TimelineQuery(
            since=parse_when(since, "--from") if since else None,
            until=parse_when(until, "--to") if until else None,
            kind=kind,
            actor=actor,
            source=source,
            grep=grep,
        )
        entries = timeline(store, query, conflicting_records(find_conflicts(store)))
    except QueryError as exc:
        fail(str(exc))
    if not entries:
        raise typer.Exit(int(ExitCode.NO_MATCH))
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
        mark = "conflict" if entry.in_conflict else "dates differ" if entry.dates_differ else ""
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
    listing = Listing(
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
    emit(listing, fmt, no_color)


def figure_command(
    metric: Annotated[
        str | None,
        typer.Argument(
            help="A metric id or alias; leave out to list the metrics.",
            autocompletion=complete_metrics,
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Only figures whose period covers this year.")
    ] = None,
    source: SourceOption = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Show each figure's quote.")] = False,
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Every source's figure for one metric side by side, and whether they agree."""
    store = open_store(facts)
    if metric is None:
        emit(_metric_listing(store), fmt, no_color)
        return
    try:
        chosen = resolve_metric(store, metric)
        comparison = compare_figures(store, chosen, find_conflicts(store), year, source)
    except QueryError as exc:
        fail(str(exc))
    if not comparison.rows:
        raise typer.Exit(int(ExitCode.NO_MATCH))
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
                "mark": "conflict" if row.in_conflict else "",
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
    listing = Listing(
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
    emit(listing, fmt, no_color)


def _span(start: PartialDate, end: PartialDate | None) -> str:
    return f"{start}/{end}" if end is not None and end != start else str(start)


def _summary_line(comparison: Any, unit: str) -> str:
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


def _metric_listing(store: Any) -> Listing:
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


def show_command(
    record_id: Annotated[
        str, typer.Argument(help="A figure, event, source or metric id.", metavar="ID")
    ],
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
) -> None:
    """One record with its full provenance: source, quote, interval, conflicts."""
    store = open_store(facts)
    try:
        described = describe(store, record_id, find_conflicts(store))
    except QueryError as exc:
        fail(str(exc))
    rows = [{"field": key, "value": value} for key, value in described.fields]
    listing = Listing(
        columns=[Column("field", "Field"), Column("value", "Value")],
        rows=rows,
        objects=described.obj,
        title=described.title,
    )
    emit(listing, fmt, no_color)
