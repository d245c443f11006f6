"""Numbers written back out: exact for scripts, readable for people."""

from __future__ import annotations

import math


def format_number(value: float | int) -> str:
    """Numbers as plain decimals, without exponent or trailing ``.0``."""
    if isinstance(value, int) or (math.isfinite(value) and value == int(value)):
        return str(int(value))
    if not math.isfinite(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:.12g}" if "e" not in f"{value:.12g}" else f"{value:f}".rstrip("0")


_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def human_number(value: float | int) -> str:
    """Numbers for people: "6 billion", "735.8 million", "120,000", "44"."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    for size, word in _SCALE_WORDS:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"
