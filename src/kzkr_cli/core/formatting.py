"""Numbers written back out: exact for scripts, readable for people."""

from __future__ import annotations

import math
from decimal import Decimal


def format_number(value: float | int) -> str:
    """Numbers as plain decimals, without exponent or trailing ``.0``."""
    if math.isnan(value):
        return "nan"
    if isinstance(value, int) or (math.isfinite(value) and value == int(value)):
        return str(int(value))
    if not math.isfinite(value):
        return "inf" if value > 0 else "-inf"
    text = f"{value:.12g}"
    return text if "e" not in text else f"{Decimal(text):f}"


def _plain(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits, grouped by thousands, never as 1e+06."""
    text = f"{value:,.{digits}g}"
    return text if "e" not in text else f"{Decimal(f'{value:.{digits}g}'):,f}"


_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_BEYOND_WORDS = 1e18
"""From a million trillion on, a number is written with an exponent (1.7e+308): no reader
of a table counts that many digit groups."""


def human_number(value: float | int) -> str:
    """Numbers for people: "6 billion", "735.8 million", "120,000", "44"."""
    if math.isnan(value):
        return "NaN"
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= _BEYOND_WORDS:
        return f"{value:.4g}"
    for size, word in _SCALE_WORDS:
        if abs(value) >= size:
            return f"{_plain(value / size, 4)} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return _plain(value, 6)
