"""kzkr report: one self-contained HTML page of conflicts, figures, timeline and sources."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kzkr_cli.cli.common import FactsOption, fail, open_whole_store
from kzkr_cli.cli.completion import complete_metrics, complete_sources
from kzkr_cli.core.errors import KzkrError, QueryError
from kzkr_cli.core.files import write_atomically

TITLE = "Kazakhstan–South Korea relations: what the sources say"


def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The HTML file to write (atomically).",
            show_default=False,
        ),
    ],
    metric: Annotated[
        list[str] | None,
        typer.Option(
            "--metric",
            "-m",
            help="Only this metric's figures and conflicts, and no timeline (an id or alias;"
            " repeat for several).",
            show_default=False,
            autocompletion=complete_metrics,
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            help="Only figures, events and conflicts this source speaks in (repeat for several).",
            show_default=False,
            autocompletion=complete_sources,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --output file.")
    ] = False,
    facts: FactsOption = None,
) -> None:
    """One HTML file to share: conflicts with each side, figures charted, the timeline."""
    from kzkr_cli.core.report import ReportQuery, build_report
    from kzkr_cli.render.html_report import write_html_report

    if output.exists() and not force:
        fail(f"{output} exists; add --force to overwrite it")
    store = open_whole_store(facts)
    try:
        content = build_report(store, ReportQuery(tuple(metric or ()), tuple(source or ())))
    except QueryError as exc:
        fail(str(exc))
    try:
        write_atomically(
            output, lambda out: write_html_report(content, out, title=TITLE), overwrite=force
        )
    except FileExistsError:
        fail(f"{output} exists; add --force to overwrite it")
    except KzkrError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
