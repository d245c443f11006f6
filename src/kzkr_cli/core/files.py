"""Writes the tool makes: atomic, never over an existing file unless asked, never over
anything but a regular file, and never leaving a temporary file behind."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

from kzkr_cli.core.errors import KzkrError

_CAUGHT = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)
"""Signals that end a process by default and can be caught; SIGINT already arrives as
KeyboardInterrupt. SIGKILL cannot be caught, so nothing can clean up after it."""

_KINDS = {
    stat.S_ISDIR: "a folder",
    stat.S_ISFIFO: "a FIFO",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
    stat.S_ISSOCK: "a socket",
}


class WriteError(KzkrError):
    """A write refused before anything was written."""


def _refuse_special(path: Path) -> None:
    """Only a regular file is ever replaced: renaming over a FIFO or a device node would
    swap it for a plain file under the feet of whatever uses it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    for test, kind in _KINDS.items():
        if test(mode):
            raise WriteError(f"{path} is {kind}, not a regular file; kzkr replaces only files")


@contextlib.contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """Turn a terminating signal into an exception while a write is under way, so the
    cleanup below runs; the process then exits as the signal asked (128 + its number)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = {number: signal.signal(number, stop) for number in _CAUGHT}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold the caught signals back for a moment; one that arrived meanwhile is delivered
    when they are let through again."""
    if not hasattr(signal, "pthread_sigmask") or not _CAUGHT:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _CAUGHT)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def write_atomically(
    path: Path, content: str | Callable[[TextIO], None], *, overwrite: bool = False
) -> None:
    """Write ``content`` (a text, or a function that writes to a stream) to a temporary file
    beside ``path`` and rename it into place, so a reader never sees half a file; raise
    FileExistsError when ``path`` exists and ``overwrite`` is false, and WriteError when it
    is not a regular file."""
    _refuse_special(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    folder = path.parent if str(path.parent) else Path()
    with _signals_end_the_write():
        temporary: Path | None = None
        try:
            with _signals_held():  # none lands between creating the file and knowing its name
                descriptor, name = tempfile.mkstemp(
                    prefix=f".{path.name}.", suffix=".tmp", dir=folder
                )
                temporary = Path(name)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                if isinstance(content, str):
                    handle.write(content)
                else:
                    content(handle)
                handle.flush()
                os.fsync(handle.fileno())
            if overwrite:
                temporary.replace(path)
            else:
                path.hardlink_to(temporary)
                temporary.unlink()
        except BaseException:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            raise
