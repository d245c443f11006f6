"""Commands that read the store whole: validate, export, schema, sources."""

from __future__ import annotations

import json
import sqlite3
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO, cast

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
    quiet_closed_pipe,
    read_store,
    stdout_is_terminal,
    warn,
    write_text,
)
from kzkr_cli.core.drafts import DraftCount, count_drafts
from kzkr_cli.core.errors import KzkrError

# Each command imports what it uses where it runs: a command pays for its own only.


def validate(
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            help="Read the source documents from this folder instead of the store's documents/.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail while any draft awaits review.")
    ] = False,
    facts: FactsOption = None,
) -> None:
    """Check the store: syntax, types, unique ids, references, values, and every quote."""
    from kzkr_cli.core.quotes import check_quotes

    store = read_store(facts, announce=True)
    problems = list(check_quotes(store, texts))
    if problems:
        for problem in problems:
            warn(str(problem))
        fail(f"{len(problems)} quote problem{'s' if len(problems) != 1 else ''}")
    drafts = count_drafts(store)
    if strict and drafts.total:
        fail(f"{_drafts_line(drafts)} (--strict)")
    claims = sum(len(e.claims) for e in store.events.values())
    write_text(
        f"ok: {len(store.sources)} sources, {len(store.metrics)} metrics, "
        f"{len(store.figures)} figures, {len(store.events)} events ({claims} date claims)"
        + ", every quote found in its document"
        + (f"; {_drafts_line(drafts)}" if drafts.total else "")
        + "\n"
    )


def _drafts_line(drafts: DraftCount) -> str:
    undecided = f", {drafts.undecided} with the metric undecided" if drafts.undecided else ""
    return (
        f"{drafts.total} draft{' awaits' if drafts.total == 1 else 's await'} review"
        f" ({drafts.figures} figures{undecided}, {drafts.claims} date claims)"
    )


class ExportFormat(StrEnum):
    JSON = "json"
    SQLITE = "sqlite"


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.", case_sensitive=False)
    ] = ExportFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --output file.")
    ] = False,
    facts: FactsOption = None,
) -> None:
    """The whole store: one JSON object, or with --format sqlite the compiled database.

    JSON holds sources, metrics, figures and events. --format sqlite --output FILE.db writes
    the compiled database and FILE.metadata.json beside it, for Datasette."""
    if fmt is ExportFormat.SQLITE:
        _export_database(output, force, facts)
        return
    from kzkr_cli.core.compiled.build import whole_store
    from kzkr_cli.core.export import write_export
    from kzkr_cli.core.files import write_atomically
    from kzkr_cli.render.text import NeutralisingWriter

    compiled = open_store(facts)
    store = whole_store(compiled.connection, compiled.root)
    if output is None:
        stream: TextIO = sys.stdout
        if stdout_is_terminal():
            stream = cast(TextIO, NeutralisingWriter(sys.stdout))
        try:
            write_export(store, stream)
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_closed_pipe()
        return
    try:
        write_atomically(output, lambda stream: write_export(store, stream), overwrite=force)
    except FileExistsError:
        fail(f"{output} exists; add --force to overwrite it")
    except KzkrError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def _export_database(output: Path | None, force: bool, facts: Path | None) -> None:
    from kzkr_cli.core.compiled.export import export_database

    if output is None:
        fail("--format sqlite needs --output FILE.db")
    compiled = open_store(facts)
    try:
        export_database(compiled, output, overwrite=force)
    except FileExistsError as exc:
        fail(f"{exc.args[0]} exists; add --force to overwrite it")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    except sqlite3.Error as exc:
        fail(f"cannot write {output}: {exc}")


def schema() -> None:
    """The JSON Schema of the store's record types."""
    from kzkr_cli.core.export import store_schema

    write_text(json.dumps(store_schema(), indent=2) + "\n")


def sources(
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """The sources, with how many figures and events each backs."""
    from kzkr_cli.core.compiled.queries import source_summaries
    from kzkr_cli.render.views import sources_listing

    summaries = source_summaries(open_store(facts, announce=True))
    if not summaries:
        nothing("the store holds no sources")
    emit(sources_listing(summaries), fmt, no_color, wide)
