"""Commands that grow a store: init (make one to write to), add, review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kzkr_cli.cli.common import fail, write_text
from kzkr_cli.core.errors import KzkrError
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
