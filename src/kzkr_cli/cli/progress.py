"""Progress on stderr for work that can take more than a second: only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY_SECONDS = 1.0
"""Nothing is shown for work that ends sooner than this, so quick commands stay quiet."""


class StderrProgress:
    """A one-line ``label: done/total unit`` counter, rewritten in place and cleared at the end."""

    def __init__(self, label: str, unit: str, stream: TextIO, delay: float = DELAY_SECONDS) -> None:
        self._label = label
        self._unit = unit
        self._stream = stream
        self._start = time.monotonic()
        self._delay = delay
        self._width = 0

    def __call__(self, done: int, total: int) -> None:
        if done >= total:
            self._clear()
            return
        if time.monotonic() - self._start < self._delay:
            return
        line = f"{self._label}: {done}/{total} {self._unit}"
        self._width = max(self._width, len(line))
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()

    def _clear(self) -> None:
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def stderr_progress(label: str, unit: str) -> StderrProgress | None:
    """A progress writer when stderr is a terminal; None (show nothing) otherwise."""
    stream = sys.stderr
    return StderrProgress(label, unit, stream) if stream.isatty() else None
