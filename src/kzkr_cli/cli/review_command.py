"""kzkr review: a source's drafts one by one at a terminal, or all accepted for scripts."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated

import typer

from kzkr_cli.cli.common import ExitCode, FactsOption, fail, read_store, writable_store
from kzkr_cli.core.store import Store
from kzkr_cli.render.text import neutralise

if TYPE_CHECKING:
    from kzkr_cli.core.drafting.review import Draft

_ACTIONS = "[a]ccept, [m]etric, [v]alue, [p]eriod or date, [d]rop, [s]kip, [q]uit"


def review(
    source: Annotated[
        str, typer.Argument(metavar="SOURCE", help="The source whose drafts to review.")
    ],
    accept_all: Annotated[
        bool,
        typer.Option(
            "--accept-all", help="Accept every draft whose metric is decided, without asking."
        ),
    ] = False,
    facts: FactsOption = None,
) -> None:
    """Go through a source's drafts: accept, pick the metric, edit the value or period,
    drop, skip or quit; every decision is written at once. Exit 1 when it has no drafts."""
    from kzkr_cli.core.drafting import review as reviewing

    location = writable_store(facts)
    store = read_store(location.path)
    if source not in store.sources:
        fail(f"unknown source {source!r}")
    drafts = reviewing.drafts_of(store, source)
    if not drafts:
        typer.echo(f"{source} has no drafts to review", err=True)
        raise typer.Exit(int(ExitCode.NO_MATCH))
    root = location.path
    counts = {"accepted": 0, "dropped": 0, "skipped": 0}
    if accept_all:
        for draft in drafts:
            if draft.decided:
                reviewing.accept(root, draft)
                counts["accepted"] += 1
            else:
                counts["skipped"] += 1
        _summary(counts, len(drafts))
        return
    for number, draft in enumerate(drafts, start=1):
        typer.echo(f"\n[{number}/{len(drafts)}] {_describe(draft)}")
        outcome = _decide(root, store, draft, reviewing)
        if outcome == "quit":
            break
        counts[outcome] += 1
    _summary(counts, len(drafts))


def _decide(root: Path, store: Store, draft: Draft, reviewing: ModuleType) -> str:
    while True:
        choice = typer.prompt(_ACTIONS, default="s", show_default=False).strip().lower()[:1]
        try:
            if choice == "a":
                reviewing.accept(root, draft)
                return "accepted"
            if choice == "m":
                listed = draft.candidates or sorted(store.metrics)
                for index, metric in enumerate(draft.candidates, start=1):
                    typer.echo(f"  {index}. {metric} — {neutralise(store.metrics[metric].name)}")
                answer = typer.prompt("metric (a number above or a metric id)").strip()
                metric = (
                    listed[int(answer) - 1]
                    if answer.isdigit() and 0 < int(answer) <= len(draft.candidates)
                    else answer
                )
                reviewing.choose_metric(root, draft, metric, store)
                typer.echo(f"  metric: {metric}")
            elif choice == "v":
                written = typer.prompt("as written (the source's words, e.g. about $9.2 billion)")
                reviewing.edit_value(root, draft, written)
                typer.echo(f"  as written: {written}")
            elif choice == "p":
                period = typer.prompt("period (2024, 2024-01/2024-09, as of 2024-06) or date")
                reviewing.edit_period(root, draft, period)
                typer.echo(f"  now: {period}")
            elif choice == "d":
                reviewing.drop(root, draft)
                return "dropped"
            elif choice == "s":
                return "skipped"
            elif choice == "q":
                return "quit"
            else:
                typer.echo(f"  answer with one of: {_ACTIONS}")
        except reviewing.ReviewError as exc:
            typer.echo(f"  {neutralise(str(exc))}")


def _describe(draft: Draft) -> str:
    from kzkr_cli.core.models import DateClaim, Figure

    record = draft.record
    quote = neutralise(record.quote)
    if isinstance(record, DateClaim):
        when = record.date.iso() + (f"/{record.end.iso()}" if record.end else "")
        return f"date claim on {draft.event_id}: {when}\n  quote: {quote}"
    subject = (
        f"metric {record.metric}"
        if isinstance(record, Figure)
        else "metric undecided: " + (", ".join(record.candidates) or "no metric fits")
    )
    return (
        f"figure {record.id}: {neutralise(record.as_written)} = {record.value:g},"
        f" {record.qualifier.value}, {record.period.label()}, {subject}\n  quote: {quote}"
    )


def _summary(counts: dict[str, int], total: int) -> None:
    left = total - counts["accepted"] - counts["dropped"]
    typer.echo(
        f"{counts['accepted']} accepted, {counts['dropped']} dropped,"
        f" {left} draft{'s' if left != 1 else ''} left",
        err=True,
    )
