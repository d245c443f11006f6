"""Where the compiled store lives, and the checks before a file there is opened or replaced.

A database is opened only when it is a regular file (not a symlink, FIFO or device) that
the user owns and nobody else can write, and only when it still carries the seal kzkr put
on it: kzkr sets the file's modification time to a value it also writes inside, so any
later write to the file (by SQLite, an editor, a truncation) breaks the seal, and the file
is rebuilt, never trusted. A database is written to a temporary file beside its place and
renamed into it, so a reader sees a whole database or the previous one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Mapping
from pathlib import Path

CACHE_VARIABLE = "KZKR_CACHE"
"""Set to ``off`` to neither read nor write the compiled store (it is then built in memory)."""
CACHE_DIR_VARIABLE = "KZKR_CACHE_DIR"
"""The folder of compiled stores; else ``$XDG_CACHE_HOME/kzkr``, else ``~/.cache/kzkr``."""

LEFTOVER_SECONDS = 24 * 3600
"""A temporary file this old was left by a compile that was killed: it is removed."""

SEAL_EPOCH = 946_684_800
"""2000-01-01: seals are whole seconds after it, never a time a write would set."""


def cache_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where compiled stores are kept, or None when the cache is off or no folder can be named."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_VARIABLE, "").strip().lower() == "off":
        return None
    if env.get(CACHE_DIR_VARIABLE):
        return Path(env[CACHE_DIR_VARIABLE])
    xdg = env.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():  # the XDG rule: a relative value is ignored
        return Path(xdg) / "kzkr"
    try:
        return Path.home() / ".cache" / "kzkr"
    except RuntimeError:  # no home folder to be found
        return None


def database_path(folder: Path, root: Path) -> Path:
    """One database per store folder, so a changed store replaces its database, not adds one."""
    import hashlib

    name = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]
    return folder / f"store-{name}.sqlite"


def seal_for(key: str) -> int:
    """The modification time (ns) a database compiled under ``key`` carries."""
    return (SEAL_EPOCH + int(key[:6], 16)) * 1_000_000_000


def _trusted(info: os.stat_result) -> bool:
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def open_sealed(path: Path) -> tuple[sqlite3.Connection, int] | None:
    """A read-only connection to ``path`` and the seal it carries (its mtime), or None when
    there is no such file or it is not one to trust. Never blocks: a FIFO is refused before
    anything reads it."""
    try:
        before = os.lstat(path)
        if not _trusted(before):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        descriptor = os.open(path, flags)
        try:
            opened = os.fstat(descriptor)
        finally:
            os.close(descriptor)
        if not _trusted(opened) or (opened.st_ino, opened.st_dev) != (before.st_ino, before.st_dev):
            return None
        uri = path.resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        after = os.lstat(path)
    except OSError:
        connection.close()
        return None
    if (after.st_ino, after.st_dev) != (before.st_ino, before.st_dev):
        connection.close()
        return None
    return connection, after.st_mtime_ns


def write_sealed(path: Path, key: str, fill: Callable[[sqlite3.Connection], None]) -> bool:
    """Build a database with ``fill`` in a temporary file beside ``path``, seal it and rename
    it into place (``files.write_path_atomically``, private to the user); False (and nothing
    left behind) when the folder cannot take it."""
    from kzkr_cli.core.files import write_path_atomically

    def build(temporary: Path) -> None:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                fill(connection)
        finally:
            connection.close()

    def seal(temporary: Path) -> None:
        value = seal_for(key)
        os.utime(temporary, ns=(value, value))

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_leftovers(path.parent)
        write_path_atomically(
            path,
            build,
            overwrite=True,
            mode=0o600,
            prefix=".store-",
            before_rename=seal,
            replace_anything=True,
        )
        return True
    except (OSError, sqlite3.Error):  # a full disk or a read-only folder: built in memory instead
        return False


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files of compiles killed before they finished (a day old and
    the user's own), so they cannot pile up; one still being written is younger."""
    import time

    now = time.time()
    for leftover in folder.glob(".store-*.tmp"):
        with contextlib.suppress(OSError):
            info = os.lstat(leftover)
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISREG(info.st_mode) and mine and now - info.st_mtime > LEFTOVER_SECONDS:
                leftover.unlink()


def in_memory(fill: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    """The database built in memory, for when it cannot (or must not) be kept on disk."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    with connection:
        fill(connection)
    return connection
