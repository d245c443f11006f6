"""The compiled store: the TOML store compiled into SQLite, which the query commands read.

TOML stays the source of truth; the database is derived from it, kept in the user's cache
folder (one per store folder) and rebuilt whenever it is not exactly what the TOML and this
kzkr would compile: stale, damaged, foreign, tampered with or unreadable, it is rebuilt,
never trusted and never an error. Where it cannot be written (a read-only or full folder,
or ``KZKR_CACHE=off``) it is built in memory for the one command.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from kzkr_cli.core.compiled.location import (
    CACHE_DIR_VARIABLE,
    CACHE_VARIABLE,
    cache_folder,
    database_path,
    in_memory,
    open_sealed,
    seal_for,
    write_sealed,
)
from kzkr_cli.core.store import Progress

__all__ = [
    "CACHE_DIR_VARIABLE",
    "CACHE_VARIABLE",
    "CompiledStore",
    "cache_folder",
    "open_compiled",
]


@dataclass
class CompiledStore:
    """A compiled store, open for queries."""

    root: Path
    connection: sqlite3.Connection
    path: Path | None = None
    """The database file, or None when it was built in memory."""


def open_compiled(
    root: Path, progress: Progress | None = None, folder: Path | None = None
) -> CompiledStore:
    """The store at ``root`` compiled, from ``folder`` when its database there is current;
    raises StoreError (every problem) when the TOML is invalid, never because of the folder."""
    from kzkr_cli.core.compiled import build

    if folder is None:
        connection = build.compile_store(root, progress, None, lambda _, fill: in_memory(fill))
        return CompiledStore(root, connection)
    path = database_path(folder, root)
    previous = _previous(path, root)
    if isinstance(previous, CompiledStore):
        return previous

    kept: list[Path] = []

    def write(seal: str, fill: build.Filler) -> sqlite3.Connection:
        if write_sealed(path, seal, fill):
            reopened = _sealed(path)
            if reopened is not None:
                kept.append(path)
                return reopened
        return in_memory(fill)

    try:
        connection = build.compile_store(root, progress, previous, write)
    finally:
        if previous is not None:
            previous.close()
    return CompiledStore(root, connection, kept[0] if kept else None)


def _sealed(path: Path) -> sqlite3.Connection | None:
    """The database at ``path`` when it opens and carries its own seal; else None."""
    from kzkr_cli.core.compiled.build import meta_of

    opened = open_sealed(path)
    if opened is None:
        return None
    connection, seal = opened
    try:
        if seal_for(meta_of(connection).get("seal", "")) == seal:
            return connection
    except (sqlite3.Error, ValueError):
        pass
    connection.close()
    return None


def _previous(path: Path, root: Path) -> CompiledStore | sqlite3.Connection | None:
    """The database at ``path``: open for queries when current; open for reusing its
    records when only the store changed; None when it is missing or not to be trusted."""
    from kzkr_cli.core.compiled import build

    connection = _sealed(path)
    if connection is None:
        return None
    try:
        restat: build.Restat = []
        verified_ns = time.time_ns()
        if build.is_current(connection, root, restat):
            if restat:
                seal = build.meta_of(connection)["seal"]
                build.record_times(path, seal, restat, verified_ns)
            return CompiledStore(root, connection, path)
        if build.same_code(connection):
            return connection
    except (sqlite3.Error, OSError, ValueError):
        pass
    with contextlib.suppress(sqlite3.Error):
        connection.close()
    return None
