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
from typing import TextIO, cast

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


class _Signals:
    """The terminating signal that arrived during a write, if any. The handler only notes
    it: raising from a handler could land inside a library calling back into Python (a
    pydantic serializer) and turn into a traceback. The write stops at its next step."""

    def __init__(self) -> None:
        self.number: int | None = None

    def note(self, number: int, _frame: FrameType | None) -> None:
        self.number = number

    def check(self) -> None:
        """End the process as the signal asked (128 + its number), through the cleanup."""
        if self.number is not None:
            raise SystemExit(128 + self.number)


class _Checked:
    """A stream that stops the write at the next chunk once a signal has arrived."""

    def __init__(self, stream: TextIO, signals: _Signals) -> None:
        self._stream = stream
        self._signals = signals

    def write(self, text: str) -> int:
        self._signals.check()
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)  # anything else a writer asks of a text stream


@contextlib.contextmanager
def _signals_noted() -> Iterator[_Signals]:
    """While a write is under way, note terminating signals instead of dying at once, so
    the temporary file is removed before the process ends."""
    signals = _Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return
    previous = {number: signal.signal(number, signals.note) for number in _CAUGHT}
    try:
        yield signals
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def write_atomically(
    path: Path, content: str | Callable[[TextIO], None], *, overwrite: bool = False
) -> None:
    """Write ``content`` (a text, or a function that writes to a stream) to a temporary file
    beside ``path`` and rename it into place, so a reader never sees half a file; raise
    FileExistsError when ``path`` exists and ``overwrite`` is false, and WriteError when it
    is not a regular file. SIGTERM, SIGHUP or SIGQUIT meanwhile removes the temporary file
    and then ends the process as the signal asked."""
    _refuse_special(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    folder = path.parent if str(path.parent) else Path()
    with _signals_noted() as signals:
        temporary: Path | None = None
        try:
            descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            temporary = Path(name)
            # mkstemp makes the file private (0600); a written file gets the usual mode instead.
            os.fchmod(descriptor, 0o666 & ~_umask())
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                if isinstance(content, str):
                    handle.write(content)
                else:
                    content(cast(TextIO, _Checked(handle, signals)))
                signals.check()
                handle.flush()
                os.fsync(handle.fileno())
            signals.check()
            if overwrite:
                temporary.replace(path)
            else:
                path.hardlink_to(temporary)
                temporary.unlink()
        except BaseException:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            raise
    signals.check()  # one that came after the rename still ends the process


def write_path_atomically(
    path: Path,
    fill: Callable[[Path], None],
    *,
    overwrite: bool = False,
    mode: int | None = None,
    prefix: str | None = None,
    before_rename: Callable[[Path], None] | None = None,
    replace_anything: bool = False,
) -> None:
    """Have ``fill`` write a file at a temporary path beside ``path`` (for writers that need
    a path, such as SQLite), then rename it into place as ``write_atomically`` does: the one
    other way kzkr writes a file. ``mode`` replaces the usual mode (a private cache);
    ``prefix`` names the temporary file; ``before_rename`` finishes it (a seal);
    ``replace_anything`` lets it replace what is not a regular file (a FIFO or a link put
    where kzkr keeps its own cache), which a user's --output never does."""
    if not replace_anything:
        _refuse_special(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    folder = path.parent if str(path.parent) else Path()
    with _signals_noted() as signals:
        descriptor, name = tempfile.mkstemp(
            prefix=prefix or f".{path.name}.", suffix=".tmp", dir=folder
        )
        os.fchmod(descriptor, 0o666 & ~_umask() if mode is None else mode)
        os.close(descriptor)
        temporary = Path(name)
        try:
            fill(temporary)
            signals.check()
            with temporary.open("rb") as handle:
                os.fsync(handle.fileno())
            if before_rename is not None:
                before_rename(temporary)
            signals.check()
            if overwrite:
                temporary.replace(path)
            else:
                path.hardlink_to(temporary)
                temporary.unlink()
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    signals.check()


def _umask() -> int:
    """The process's umask (reading it means setting it; it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
