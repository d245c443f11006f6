"""Writes the tool makes: atomic, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_atomically(
    path: Path, content: str | Callable[[TextIO], None], *, overwrite: bool = False
) -> None:
    """Write ``content`` (a text, or a function that writes to a stream) to a temporary file
    beside ``path`` and rename it into place, so a reader never sees half a file; raise
    FileExistsError when ``path`` exists and ``overwrite`` is false."""
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    folder = path.parent if str(path.parent) else Path()
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temporary = Path(name)
    try:
        # mkstemp makes the file private (0600); a written file gets the usual mode instead.
        os.fchmod(descriptor, 0o666 & ~_umask())
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
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask (reading it means setting it; it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
