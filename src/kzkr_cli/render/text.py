"""Store text made safe to show: control characters, escapes and bidi overrides made visible."""

from __future__ import annotations

import re
from typing import TextIO

from kzkr_cli.core.formatting import format_number
from kzkr_cli.render.listing import Cell

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_BREAK = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def neutralise(text: str) -> str:
    """Show control characters, escapes and bidi overrides as visible ``\\uXXXX`` text; tabs
    and line breaks stay, since a table cell may hold several lines."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """Like ``neutralise``, and line breaks and tabs too: a message on stderr is one line, so
    text inside it (an id, a value) cannot fake a line of its own."""
    return _CONTROL_OR_BREAK.sub(_escape, text)


def cell_text(value: Cell) -> str:
    """A cell as plain text: numbers exact, a list joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, str):
        return value
    return "; ".join(value)


class NeutralisingWriter:
    """A text stream that neutralises everything written through it, for output that is
    built elsewhere (the export) but shown on a terminal. In JSON, a ``\\u202e`` escape is
    the same string, so the text stays valid JSON."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(neutralise(text))

    def flush(self) -> None:
        self._stream.flush()
