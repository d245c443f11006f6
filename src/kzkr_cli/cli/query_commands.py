"""The everyday queries: timeline, figure, show."""

from __future__ import annotations

from typing import Annotated

import typer

from kzkr_cli.cli.common import (
    FactsOption,
    FormatOption,
    NoColorOption,
    WideOption,
    emit,
    fail,
    nothing,
    open_store,
    warn,
)
from kzkr_cli.cli.completion import (
    complete_event_kinds,
    complete_metrics,
    complete_records,
    complete_sources,
)
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.models import EventKind

# Each command imports its query and view where it runs: a command pays for its own only.

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
    wide: WideOption = False,
) -> None:
    """Events in chronological order, each date at the precision its sources give."""
    from kzkr_cli.core.compiled import queries
    from kzkr_cli.core.query import TimelineQuery, parse_when
    from kzkr_cli.render.views import timeline_listing

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
        entries = queries.timeline_entries(store, query)
    except QueryError as exc:
        fail(str(exc))
    if not entries:
        from kzkr_cli.core.query import why_no_events

        nothing(why_no_events(queries.event_store(store), query))
    emit(timeline_listing(entries), fmt, no_color, wide)


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
        int | None,
        typer.Option("--year", min=1, max=9999, help="Only figures whose period covers this year."),
    ] = None,
    source: SourceOption = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Show each figure's quote.")] = False,
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """Every source's figure for one metric side by side, and whether they agree; with
    --year or --source and no metric, every metric's."""
    from kzkr_cli.core.compiled import queries
    from kzkr_cli.core.query import answer_figures, why_no_figures
    from kzkr_cli.render.views import figure_listing, metrics_listing

    compiled = open_store(facts)
    if metric is None and year is None and source is None:
        listing = metrics_listing(queries.all_metrics(compiled), queries.figure_counts(compiled))
        emit(listing, fmt, no_color, wide)
        return
    try:
        # The figures and conflicts the answer can use: one metric's family by index, or,
        # across metrics, every figure (what it prints).
        store, conflicts = queries.figure_answer_store(compiled, metric, source)
        answer = answer_figures(store, metric, conflicts, year, source)
    except QueryError as exc:
        fail(str(exc))
    if answer.also:
        others = ", ".join(m.id for m in answer.also)
        warn(f"{metric!r} also fits {others}; give an id to see its figures")
    if not answer.comparisons:
        nothing(why_no_figures(store, answer.asked, year, source))
    listing = figure_listing(
        store, answer.comparisons, quotes=quotes, across=metric is None, year=year, source=source
    )
    emit(listing, fmt, no_color, wide)


def show_command(
    record_id: Annotated[
        str,
        typer.Argument(
            help="A figure, event, source or metric id, or a metric's alias.",
            metavar="ID",
            autocompletion=complete_records,
        ),
    ],
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """One record with its full provenance: source, quote, interval, conflicts."""
    from kzkr_cli.core.compiled import queries
    from kzkr_cli.render.views import record_listing

    store = open_store(facts)
    try:
        described = queries.record(store, record_id)
    except QueryError as exc:
        fail(str(exc))
    emit(record_listing(described), fmt, no_color, wide)
