"""The conflicts command: where sources disagree beyond the precision they state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Annotated

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
from kzkr_cli.core.conflicts import (
    Conflict,
    ConflictKind,
    ConflictQuery,
    find_conflicts,
)
from kzkr_cli.core.contract import conflict_object
from kzkr_cli.core.drafts import draft_keys
from kzkr_cli.core.errors import QueryError
from kzkr_cli.render import Column, Listing
from kzkr_cli.render.listing import Cell


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
        ),
    ] = None,
    event: Annotated[
        str | None,
        typer.Option(
            "--event", help="Only the date conflict of this event (an id).", show_default=False
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Only conflicts in which this source makes a claim.",
            show_default=False,
        ),
    ] = None,
    min_severity: Annotated[
        float,
        typer.Option(
            "--min-severity",
            min=0.0,
            max=1.0,
            help="Only conflicts at least this severe (0 to 1).",
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
) -> None:
    """Where sources disagree beyond the precision they state: figures, ranks, dates and
    stated changes, most severe first. Exits 1 when there are none (with --check: 1 when
    there are some)."""
    store = open_store(facts)
    query = ConflictQuery(
        kinds=frozenset(kinds or ()),
        metric=metric,
        event=event,
        source=source,
        min_severity=min_severity,
    )
    try:
        found = find_conflicts(store, query)
    except QueryError as exc:
        fail(str(exc))
    if not found:
        raise typer.Exit(int(ExitCode.OK if check else ExitCode.NO_MATCH))
    emit(_listing(found, draft_keys(store), explain=explain), fmt, no_color)
    if check:
        raise typer.Exit(int(ExitCode.NO_MATCH))


def _claims(conflict: Conflict, drafts: frozenset[str]) -> list[str]:
    """One line per agreeing group; each claim's period too when the periods differ, and
    a draft marked as one."""
    dated = len({claim.period for claim in conflict.claims}) > 1
    return [
        ", ".join(
            claim.label(with_period=dated) + (" draft" if claim.key in drafts else "")
            for claim in side
        )
        for side in conflict.sides()
    ]


def _listing(found: Sequence[Conflict], drafts: frozenset[str], *, explain: bool) -> Listing:
    rows: list[dict[str, Cell]] = [
        {
            "id": conflict.id,
            "kind": conflict.kind.value,
            "severity": round(conflict.severity, 3),
            "subject": conflict.subject,
            "period": conflict.period,
            "claims": _claims(conflict, drafts),
            "explanation": conflict.explanation,
        }
        for conflict in found
    ]
    counts = Counter(conflict.kind for conflict in found)
    by_kind = ", ".join(f"{counts[kind]} {kind.value}" for kind in ConflictKind if counts[kind])
    total = len(found)
    return Listing(
        columns=[
            Column("id", "Conflict", in_table=False),
            Column("severity", "Severity", numeric=True, no_wrap=True),
            Column("kind", "Kind", no_wrap=True),
            Column("subject", "Subject"),
            Column("period", "Period"),
            Column("claims", "Claims that cannot all be right", in_table=not explain),
            Column("explanation", "Explanation", in_table=explain),
        ],
        rows=rows,
        objects=[
            conflict_object(conflict)
            | {"drafts": [c.key for c in conflict.claims if c.key in drafts]}
            for conflict in found
        ],
        title="Conflicts",
        summary=[f"{total} conflict{'s' if total != 1 else ''} ({by_kind})"],
    )
