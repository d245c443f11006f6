"""Compile the TOML store into SQLite: in full, or re-reading only the files that changed.

A database is current when it was compiled by this kzkr (the same loading code) from files
with the same bytes. A file whose size, times and inode are those recorded is taken as
unchanged without reading it, unless it changed so close to the compile that its times
cannot tell (then its bytes are hashed); any other file is hashed and compared. When some
files changed, only those are parsed and validated again; the records of the others are
read from the database, every reference across files is checked again, and the conflicts
are found again over the whole store (see docs/benchmarks.md for what that costs).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kzkr_cli import __version__
from kzkr_cli.core.compiled.reader import (
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    METRIC_COLUMNS,
    SOURCE_COLUMNS,
    UNDECIDED_COLUMNS,
    events_of,
    figure_of,
    metrics_of,
    source_of,
    undecided_of,
)
from kzkr_cli.core.compiled.schema import SCHEMA_VERSION
from kzkr_cli.core.store import (
    Progress,
    Store,
    collector_paused,
    display_path,
    load_store,
)

RACY_NS = 2_000_000_000
"""A file changed this close to (or after) the compile is hashed, never judged by its times."""


@cache
def code_fingerprint() -> str:
    """What decides how a store compiles: kzkr's version, the source of its core modules (so
    an edited checkout recompiles too), and the Python and SQLite versions."""
    code = hashlib.sha256(f"{__version__}\0{sys.version}\0{sqlite3.sqlite_version}".encode())
    core = Path(__file__).resolve().parent.parent
    for module in sorted(core.rglob("*.py")):
        code.update(module.relative_to(core).as_posix().encode() + b"\0" + module.read_bytes())
    return code.hexdigest()


def relative(root: Path, path: Path) -> str:
    """A file's path inside the store, as the database names it whatever the working folder."""
    return path.relative_to(root).as_posix()


def meta_of(connection: sqlite3.Connection) -> dict[str, str]:
    """What the database says it was compiled from (kzkr_meta)."""
    return dict(connection.execute("SELECT key, value FROM kzkr_meta"))


def same_code(connection: sqlite3.Connection) -> bool:
    """True when the database was compiled by this kzkr, into these tables."""
    meta = meta_of(connection)
    return meta.get("schema_version") == str(SCHEMA_VERSION) and meta.get("code") == (
        code_fingerprint()
    )


Restat = list[tuple[int, int, int, int, str, str]]
"""Files found unchanged by their bytes though their times changed (a checkout, a touch):
(size, mtime_ns, ctime_ns, inode, path, sha256), so the database can record the new times."""


def is_current(connection: sqlite3.Connection, root: Path, restat: Restat | None = None) -> bool:
    """True when the database was compiled by this code from the store's files as they are;
    ``restat`` is told the files that had to be hashed to know it, and are settled now."""
    if not same_code(connection):
        return False
    meta = meta_of(connection)
    compiled = int(meta.get("compiled_ns", "0"))
    recorded = {
        row[0]: row[1:]
        for row in connection.execute(
            "SELECT path, sha256, size, mtime_ns, ctime_ns, inode FROM files"
        )
    }
    files = list(_toml_entries(root, ""))
    if len(files) != len(recorded):
        return False
    for name, path, info in files:
        was = recorded.get(name)
        if was is None:
            return False
        same = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino) == was[1:]
        settled = info.st_ctime_ns < compiled - RACY_NS and info.st_mtime_ns < compiled
        if same and settled:
            continue
        if info.st_size != was[1] or hashlib.sha256(path.read_bytes()).hexdigest() != was[0]:
            return False
        if restat is not None and not same and time.time_ns() - info.st_ctime_ns > RACY_NS:
            stats = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            restat.append((*stats, name, was[0]))
    return True


def record_times(path: Path, seal: str, restat: Restat, verified_ns: int) -> None:
    """Record in the database at ``path`` the new times of files whose bytes are unchanged,
    and that every file was found as compiled at ``verified_ns`` (times older than that are
    settled), so later runs need not hash them; then seal it again. Only the database that
    was verified (its ``seal``) is changed, never one another run has put in its place; any
    failure leaves the files to be hashed again next time."""
    from kzkr_cli.core.compiled.location import seal_for

    with contextlib.suppress(OSError, sqlite3.Error, ValueError, KeyError):
        # No waiting: while another run reads the database, this one leaves it as it is.
        connection = sqlite3.connect(path, timeout=0)
        try:
            with connection:
                if meta_of(connection)["seal"] != seal:
                    return
                connection.executemany(
                    "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?"
                    " WHERE path = ? AND sha256 = ?",
                    restat,
                )
                connection.execute(
                    "UPDATE kzkr_meta SET value = ? WHERE key = 'compiled_ns'", (str(verified_ns),)
                )
        finally:
            connection.close()
        mtime = seal_for(seal)
        os.utime(path, ns=(mtime, mtime))


def _toml_entries(folder: Path, prefix: str) -> Iterator[tuple[str, Path, os.stat_result]]:
    """Each ``*.toml`` file below ``folder`` (as ``toml_files`` finds them): its path inside
    the store, its path and its stat; one directory read and one stat per file."""
    with os.scandir(folder) as entries:
        for entry in entries:
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):  # as rglob: links to folders are not walked
                yield from _toml_entries(Path(entry.path), name + "/")
            elif entry.name.endswith(".toml") and entry.is_file():
                yield name, Path(entry.path), entry.stat()


@dataclass(frozen=True, slots=True)
class FileState:
    """A store file as compiled: its bytes' hash and the stat that lets a later run skip it."""

    path: str
    """Relative to the store folder, with ``/`` between parts."""
    sha256: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


class _Files:
    """The state of each file as the store was read from it: stat first, then the bytes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.states: list[FileState] = []

    def read(self, path: Path, raw: bytes) -> None:
        info = path.stat()
        self.states.append(
            FileState(
                relative(self.root, path),
                hashlib.sha256(raw).hexdigest(),
                len(raw),
                info.st_mtime_ns,
                info.st_ctime_ns,
                info.st_ino,
            )
        )


def add_file_records(
    connection: sqlite3.Connection, root: Path, path: str, store: Store
) -> set[str] | None:
    """Put the records the database holds for store file ``path`` into ``store``; their ids,
    or None (nothing added) when one of them is already in the store."""
    name = display_path(root / path)
    sources = [
        (source_of(row), row[-1])
        for row in connection.execute(
            f"SELECT {SOURCE_COLUMNS}, line FROM sources WHERE file = ? ORDER BY ordinal", (path,)
        )
    ]
    metric_rows = list(
        connection.execute(
            f"SELECT {METRIC_COLUMNS}, line FROM metrics WHERE file = ? ORDER BY ordinal", (path,)
        )
    )
    metrics = list(
        zip(metrics_of(connection, metric_rows), [r[-1] for r in metric_rows], strict=True)
    )
    figures = [
        (figure_of(row), row[-2], row[-1])
        for row in connection.execute(
            f"SELECT {FIGURE_COLUMNS}, line FROM figures WHERE file = ? ORDER BY ordinal", (path,)
        )
    ]
    event_rows = list(
        connection.execute(
            f"SELECT {EVENT_COLUMNS}, line FROM events WHERE file = ? ORDER BY ordinal", (path,)
        )
    )
    events = list(zip(events_of(connection, event_rows), [r[-1] for r in event_rows], strict=True))
    undecided_rows = list(
        connection.execute(
            f"SELECT {UNDECIDED_COLUMNS}, line FROM undecided_figures WHERE file = ?"
            " ORDER BY ordinal",
            (path,),
        )
    )
    undecided = list(
        zip(undecided_of(connection, undecided_rows), [r[-1] for r in undecided_rows], strict=True)
    )
    ids = [r.id for r, _ in sources] + [r.id for r, _ in metrics]
    ids += [r.id for r, _, _ in figures] + [r.id for r, _ in events]
    ids += [r.id for r, _ in undecided]
    if any(rid in store.files for rid in ids) or len(set(ids)) != len(ids):
        return None

    def origin(line: int | None) -> str:
        return f"{name}:{line}" if line else name

    for source, line in sources:
        store.sources[source.id] = source
        store.files[source.id] = origin(line)
    for metric, line in metrics:
        store.metrics[metric.id] = metric
        store.files[metric.id] = origin(line)
    for figure, step, line in figures:
        store.figures[figure.id] = figure
        store.steps[figure.id] = step
        store.files[figure.id] = origin(line)
    for event, line in events:
        store.events[event.id] = event
        store.files[event.id] = origin(line)
    for draft, line in undecided:
        store.undecided[draft.id] = draft
        store.files[draft.id] = origin(line)
    return set(ids)


def whole_store(connection: sqlite3.Connection, root: Path) -> Store:
    """Every record, in the order a load of the TOML gives them: for commands that print the
    whole store (export) or judge against all of it (check)."""
    store = Store(root=root)
    with collector_paused():
        for (path,) in connection.execute("SELECT path FROM files ORDER BY position").fetchall():
            add_file_records(connection, root, path, store)
    return store


Filler = Callable[[sqlite3.Connection], None]
"""Fills an empty database with the compiled store."""


def compile_store(
    root: Path,
    progress: Progress | None,
    previous: sqlite3.Connection | None,
    write: Callable[[str, Filler], sqlite3.Connection],
) -> sqlite3.Connection:
    """Load the store (reusing ``previous``'s records of unchanged files), find its conflicts
    and hand a filler of the new database to ``write``; raise StoreError for an invalid store."""
    import secrets

    from kzkr_cli.core.compiled.writer import write_database
    from kzkr_cli.core.conflicts import find_conflicts
    from kzkr_cli.core.errors import StoreError

    compiled_ns = time.time_ns()
    files = _Files(root)
    known: dict[str, str] = {}
    if previous is not None:
        known = dict(previous.execute("SELECT path, sha256 FROM files"))

    def reuse(path: Path, raw: bytes, store: Store) -> set[str] | None:
        rel = relative(root, path)
        if previous is None or known.get(rel) != hashlib.sha256(raw).hexdigest():
            return None
        return add_file_records(previous, root, rel, store)

    try:
        store = load_store(root, progress, on_read=files.read, reuse=reuse)
    except StoreError:
        if previous is None:
            raise
        # The problems are told exactly as a load from scratch tells them.
        files = _Files(root)
        store = load_store(root, progress, on_read=files.read)
    conflicts = find_conflicts(store)
    origins = _origins(store, root, [f.path for f in files.states])
    seal = secrets.token_hex(8)
    meta = {
        "code": code_fingerprint(),
        "kzkr_version": __version__,
        "compiled_ns": str(compiled_ns),
        "seal": seal,
    }

    def fill(connection: sqlite3.Connection) -> None:
        write_database(connection, store, conflicts, files.states, meta, origins=origins)

    return write(seal, fill)


def _origins(store: Store, root: Path, paths: Sequence[str]) -> dict[str, tuple[str, int | None]]:
    """Each record's file (relative to the store) and line, from the names problems give."""
    names = {display_path(root / p): p for p in paths}
    origins: dict[str, tuple[str, int | None]] = {}
    for rid, origin in store.files.items():
        if origin in names:
            origins[rid] = (names[origin], None)
            continue
        file, _, line = origin.rpartition(":")
        origins[rid] = (names[file], int(line))
    return origins
