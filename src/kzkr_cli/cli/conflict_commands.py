"""The conflicts command: where sources disagree beyond the precision they state."""

from __future__ import annotations

from typing import Annotated

import typer

from kzkr_cli.cli.common import (
    ExitCode,
    FactsOption,
    FormatOption,
    NoColorOption,
    WideOption,
    emit,
    fail,
    nothing,
    open_store,
)
from kzkr_cli.cli.completion import complete_events, complete_metrics, complete_sources
from kzkr_cli.core.conflicts import ConflictKind, ConflictQuery
from kzkr_cli.core.errors import QueryError


def conflicts_command(
    kinds: Annotated[
        list[ConflictKind] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only conflicts of this kind (repeat for several).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric",
            "-m",
            help="Only conflicts among this metric's figures (an id or alias).",
            show_default=False,
            autocompletion=complete_metrics,
        ),
    ] = None,
    event: Annotated[
        str | None,
        typer.Option(
            "--event",
            help="Only the date conflict of this event (an id).",
            show_default=False,
            autocompletion=complete_events,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Only conflicts in which this source makes a claim.",
            show_default=False,
            autocompletion=complete_sources,
        ),
    ] = None,
    min_severity: Annotated[
        float,
        typer.Option(
            "--min-severity",
            min=0.0,
            max=1.0,
            help="Only conflicts at least this severe (0 to 1; comparable within a kind).",
        ),
    ] = 0.0,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each conflict's explanation in the table.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Gate scripts and CI: exit 1 when any conflict is reported, 0 when none.",
        ),
    ] = False,
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """Where sources disagree beyond the precision they state: figures, ranks, dates and
    stated changes, most severe first (severity is comparable within a kind, not across
    kinds). Exits 1 when there are none (with --check: 1 when there are some)."""
    from kzkr_cli.core.compiled import queries
    from kzkr_cli.render.views import conflicts_listing

    store = open_store(facts)
    query = ConflictQuery(
        kinds=frozenset(kinds or ()),
        metric=metric,
        event=event,
        source=source,
        min_severity=min_severity,
    )
    try:
        found = queries.conflicts(store, query)
    except QueryError as exc:
        fail(str(exc))
    if not found:
        if check:
            raise typer.Exit(int(ExitCode.OK))
        nothing(why_no_conflicts(query))
    emit(conflicts_listing(found, queries.draft_keys(store), explain=explain), fmt, no_color, wide)
    if check:
        raise typer.Exit(int(ExitCode.NO_MATCH))


def why_no_conflicts(query: ConflictQuery) -> str:
    asked = [
        *(f"--kind {k.value}" for k in sorted(query.kinds)),
        f"--metric {query.metric}" if query.metric else "",
        f"--event {query.event}" if query.event else "",
        f"--source {query.source}" if query.source else "",
        f"--min-severity {query.min_severity:g}" if query.min_severity else "",
    ]
    filters = " ".join(a for a in asked if a)
    return f"no conflict matches {filters}" if filters else "the sources disagree nowhere"
