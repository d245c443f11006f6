"""The kzkr command line: thin commands over the core, output through the render layer."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer

from kzkr_cli.cli import (
    check_command,
    conflict_commands,
    grow_commands,
    query_commands,
    report_command,
    review_command,
    store_commands,
)

app = typer.Typer(
    name="kzkr",
    help="Query and fact-check what five sources say about Kazakhstan–South Korea relations.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from kzkr_cli import __version__

        typer.echo(f"kzkr {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Query and fact-check what five sources say about Kazakhstan–South Korea relations."""


app.command("timeline")(query_commands.timeline_command)
app.command("figure")(query_commands.figure_command)
app.command("show")(query_commands.show_command)
app.command("conflicts")(conflict_commands.conflicts_command)
app.command()(store_commands.validate)
app.command()(store_commands.export)
app.command()(store_commands.schema)
app.command()(store_commands.sources)
app.command()(check_command.check)
app.command()(report_command.report)
app.command()(grow_commands.init)
app.command()(grow_commands.add)
app.command()(review_command.review)


def main() -> None:
    try:
        app(prog_name="kzkr")
    except SystemExit as done:
        code = done.code
    else:  # pragma: no cover  (Typer always ends with SystemExit)
        code = 0
    _exit_now(code)


def _exit_now(code: object) -> None:
    """End the process without freeing every record one by one: with a large store that
    teardown takes seconds, and the operating system reclaims the memory at once anyway."""
    if code is not None and not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code or 0)
