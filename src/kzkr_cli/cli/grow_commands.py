"""Commands that grow a store: init (make one to write to), add, review."""

from __future__ import annotations

from pathlib import Path
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
    read_store,
    warn,
    writable_store,
    write_text,
)
from kzkr_cli.core.errors import KzkrError
from kzkr_cli.core.models import SourceKind
from kzkr_cli.core.new_store import init_store


def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="The folder to create (or an empty one).")
    ],
    empty: Annotated[
        bool, typer.Option("--empty", help="Only the metric vocabulary: no sources or records.")
    ] = False,
) -> None:
    """Make a store to grow: a copy of the shipped one (with its documents), or --empty."""
    try:
        made = init_store(folder, empty=empty)
    except KzkrError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot create {folder}: {exc.strerror or exc}")
    write_text(
        f"created {made.path}: {made.files} TOML files, {made.documents} documents;"
        f" use it with --facts {made.path} or KZKR_FACTS={made.path}\n"
    )


def add(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The document's text (UTF-8).")],
    source: Annotated[
        str, typer.Option("--source", help="An id for the new source.", show_default=False)
    ],
    title: Annotated[str, typer.Option("--title", help="Its title.", show_default=False)],
    publisher: Annotated[
        str, typer.Option("--publisher", help="Who published it.", show_default=False)
    ],
    published: Annotated[
        str,
        typer.Option(
            "--published",
            help="When, as precisely as known: YYYY, YYYY-MM, YYYY-MM-DD, or a range"
            " (A..B some day between, ..B no later than, A.. no earlier than).",
            show_default=False,
        ),
    ],
    kind: Annotated[
        SourceKind, typer.Option("--kind", help="What kind of source.", case_sensitive=False)
    ] = SourceKind.NEWS,
    url: Annotated[
        str | None, typer.Option("--url", help="Where it was published.", show_default=False)
    ] = None,
    author: Annotated[
        str | None, typer.Option("--author", help="Who wrote it.", show_default=False)
    ] = None,
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """Add a source: copy its document into the store and draft a record for every figure
    and dated event in it. Exit 0 drafted something, 1 found nothing, 2 bad input (nothing
    written)."""
    from kzkr_cli.core.drafting import AddRequest, InputError, add_source
    from kzkr_cli.render.drafts_view import drafts_listing

    location = writable_store(facts)
    store = read_store(location.path)
    fields = {
        "id": source,
        "title": title,
        "publisher": publisher,
        "published": published,
        "kind": kind.value,
        "url": url,
        "author": author,
    }
    try:
        added = add_source(store, AddRequest(path, fields))
    except InputError as exc:
        for problem in exc.problems[:-1]:
            warn(f"Error: {problem}")
        fail(f"{exc.problems[-1]} (nothing written)")
    except OSError as exc:
        fail(f"cannot write to {location.path}: {exc.strerror or exc}")
    drafting = added.drafting
    for skipped in drafting.skipped:
        warn(f"skipped line {skipped.line}: {skipped.text!r}: {skipped.reason}")
    if not drafting.drafted:
        warn(f"added source {drafting.source.id}; found nothing to draft")
        raise typer.Exit(int(ExitCode.NO_MATCH))
    emit(drafts_listing(drafting), fmt, no_color, wide)
