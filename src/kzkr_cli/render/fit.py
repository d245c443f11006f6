"""Fitting a table to the terminal without splitting a word, an id or a number.

Each column needs at least its longest unbreakable token (a whole line for a column that
does not wrap, and a readable width for one that does); when the columns cannot all have
that, the ones of the highest priority number are hidden, or folded into another column,
until they can. What is left over is shared out in proportion to how much more each column
could use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from kzkr_cli.render.listing import Column

READABLE = 20
"""Text that wraps is given at least this many cells (or its longest line, if shorter), so
that a column is hidden before prose is wrapped a word or two a line."""


def extra_width(columns: int) -> int:
    """What the table itself takes besides the cells: an edge on either side, a divider
    and a space of padding either side between two columns (none at the outer edges)."""
    return 3 * columns - 1 if columns else 0


@dataclass(frozen=True, slots=True)
class Fitted:
    """The columns a table shows, the width each gets, and those hidden or folded."""

    columns: list[Column]
    widths: list[int]
    hidden: list[Column]
    folded: dict[str, list[Column]]
    """Target column key → the hidden columns shown as extra lines of it."""

    @property
    def width(self) -> int:
        return sum(self.widths) + extra_width(len(self.widths))


def needed(column: Column, cells: Sequence[Sequence[str]]) -> tuple[int, int]:
    """The least and the most width a column can use: its longest token (or line, when
    it does not wrap), and for wrapping text at least ``READABLE``; and its longest line,
    header included."""
    lines = [column.header, *(line for cell in cells for line in cell)]
    longest = max((cell_len(line) for line in lines), default=0)
    if column.numeric or column.no_wrap:
        return max(longest, 1), max(longest, 1)
    token = max((cell_len(word) for line in lines for word in line.split()), default=0)
    return max(token, min(longest, READABLE), 1), max(longest, 1)


def fit(
    columns: Sequence[Column],
    cells: dict[str, list[list[str]]],
    width: int,
    *,
    wide: bool = False,
) -> Fitted:
    """Choose the columns and widths for a table at most ``width`` cells wide; with
    ``wide`` every column shows, every token gets its width and the table may be wider."""
    shown = list(columns)
    hidden: list[Column] = []
    while True:
        folded = _folds(shown, hidden)
        ranges = [needed(c, _with_folds(c, cells, folded)) for c in shown]
        room = width - extra_width(len(shown))
        if wide or sum(low for low, _ in ranges) <= room:
            break
        droppable = [c for c in shown if c.priority > 0]
        if not droppable:
            break
        top = max(c.priority for c in droppable)
        victim = [c for c in droppable if c.priority == top][-1]
        shown.remove(victim)
        hidden.append(victim)
    if not wide:
        ranges = _squeeze(ranges, room)
    return Fitted(shown, _share(ranges, room), hidden, folded)


def _squeeze(ranges: list[tuple[int, int]], room: int) -> list[tuple[int, int]]:
    """When even the columns that are never hidden cannot fit, only the widest tokens are
    folded, down to what the terminal has room for: a token wider than the terminal could
    never be shown whole there anyway."""
    lows = [low for low, _ in ranges]
    excess = sum(lows) - max(room, len(lows))
    while excess > 0:
        widest = max(range(len(lows)), key=lambda i: lows[i])
        others = [lows[i] for i in range(len(lows)) if i != widest]
        target = max(max(others, default=1), lows[widest] - excess, 1)
        if target >= lows[widest]:
            target = lows[widest] - 1
        excess -= lows[widest] - target
        lows[widest] = target
    return [(low, max(low, high)) for low, (_, high) in zip(lows, ranges, strict=True)]


def folded_cells(
    shown: Sequence[Column], cells: dict[str, list[list[str]]], folded: dict[str, list[Column]]
) -> dict[str, list[list[str]]]:
    """Every shown column's cells with the lines of the columns folded into it."""
    return {c.key: _with_folds(c, cells, folded) for c in shown}


def _folds(shown: list[Column], hidden: list[Column]) -> dict[str, list[Column]]:
    keys = {c.key for c in shown}
    folded: dict[str, list[Column]] = {}
    for column in hidden:
        if column.fold_into in keys:
            folded.setdefault(column.fold_into, []).append(column)
    return folded


def _with_folds(
    column: Column, cells: dict[str, list[list[str]]], folded: dict[str, list[Column]]
) -> list[list[str]]:
    own = cells[column.key]
    extra = folded.get(column.key, [])
    if not extra:
        return own
    return [
        [*lines, *(line for other in extra for line in cells[other.key][row] if line.strip())]
        for row, lines in enumerate(own)
    ]


def _share(ranges: Sequence[tuple[int, int]], room: int) -> list[int]:
    widths = [low for low, _ in ranges]
    if sum(high for _, high in ranges) <= room:
        return [high for _, high in ranges]
    spare = room - sum(widths)
    wants = [high - low for low, high in ranges]
    total = sum(wants)
    if spare <= 0 or total == 0:
        return widths
    given = [min(want, spare * want // total) for want in wants]
    left = spare - sum(given)
    for index in sorted(range(len(wants)), key=lambda i: wants[i] - given[i], reverse=True):
        if left <= 0:
            break
        if given[index] < wants[index]:
            given[index] += 1
            left -= 1
    return [w + g for w, g in zip(widths, given, strict=True)]
