"""Commands that read the store whole: validate, export, schema, sources."""

from __future__ import annotations

import json
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
    stdout_is_terminal,
    warn,
    write_text,
)
from kzkr_cli.core.drafts import DraftCount, count_drafts
from kzkr_cli.core.errors import KzkrError
from kzkr_cli.core.export import store_schema, write_export
from kzkr_cli.core.files import write_atomically
from kzkr_cli.core.quotes import check_quotes
from kzkr_cli.core.sources import source_summaries
from kzkr_cli.render.text import NeutralisingWriter
from kzkr_cli.render.views import sources_listing


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
    store = open_store(facts, announce=True)
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
    """The whole store as one JSON object: sources, metrics, figures, events."""
    store = open_store(facts)
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


def schema() -> None:
    """The JSON Schema of the store's record types."""
    write_text(json.dumps(store_schema(), indent=2) + "\n")


def sources(
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """The sources, with how many figures and events each backs."""
    store = open_store(facts, announce=True)
    summaries = source_summaries(store)
    if not summaries:
        nothing("the store holds no sources")
    emit(sources_listing(summaries), fmt, no_color, wide)
