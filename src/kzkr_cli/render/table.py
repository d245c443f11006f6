"""The terminal table: Rich, imported only here, with every cell passed as plain Text."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kzkr_cli.core.formatting import human_number
from kzkr_cli.render.fit import Fitted, fit, folded_cells
from kzkr_cli.render.listing import Cell, Column, Listing, Style
from kzkr_cli.render.text import cell_text, neutralise

_ROW_STYLE = {
    Style.PLAIN: "",
    Style.CONFLICT: "bold yellow",
    Style.GOOD: "green",
    Style.BAD: "red",
    Style.MUTED: "dim",
}
_BAR_WIDTH = 30
_MIN_BAR_WIDTH = 5


def _lines(value: Cell) -> list[str]:
    """A cell as the lines a table shows: numbers for people, text neutralised."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return neutralise(cell_text(value)).splitlines() or [""]
    if isinstance(value, int | float):
        return [human_number(value)]
    return [neutralise(line) for line in value] or [""]


def write_table(listing: Listing, out: TextIO, *, color: bool, wide: bool = False) -> None:
    console = Console(
        file=out,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=color or None,
    )
    width = console.width
    columns = listing.table_columns
    cells = {c.key: [_lines(row.get(c.key)) for row in listing.rows] for c in columns}
    fitted = fit(columns, cells, width, wide=wide)
    shown = folded_cells(fitted.columns, cells, fitted.folded)
    table = Table(
        title=Text(neutralise(listing.title)) if listing.title else None,
        header_style="bold" if color else "",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
    )
    for column, column_width in zip(fitted.columns, fitted.widths, strict=True):
        table.add_column(
            Text(column.header),
            justify="right" if column.numeric else "left",
            no_wrap=column.numeric or column.no_wrap,
            overflow="fold",
            width=column_width,
        )
    styles = list(listing.styles)
    for index in range(len(listing.rows)):
        style = styles[index] if index < len(styles) else Style.PLAIN
        table.add_row(
            *(Text("\n".join(shown[c.key][index])) for c in fitted.columns),
            style=_ROW_STYLE[style] if color else "",
            end_section=index in listing.section_ends,
        )
    console.width = max(width, fitted.width)  # a token never split, even past the edge
    console.print(table)
    notes = _hidden_note(fitted, columns)
    for line in [*notes, *listing.summary]:
        console.print(Text(neutralise(line)), width=width)
    if listing.chart:
        _print_chart(console, listing, width)


def _hidden_note(fitted: Fitted, order: list[Column]) -> list[str]:
    """What the terminal's width left out, and how to see it."""
    if not fitted.hidden:
        return []
    under = {c.key: target for target, cs in fitted.folded.items() for c in cs}
    headers = {c.key: c.header for c in order}
    rank = {c.key: index for index, c in enumerate(order)}
    hidden = sorted(fitted.hidden, key=lambda c: rank[c.key])
    gone = [c.header for c in hidden if c.key not in under]
    parts = []
    if gone:
        parts.append(f"{len(gone)} column{'s' if len(gone) != 1 else ''} hidden: {', '.join(gone)}")
    parts += [f"{c.header} shown under {headers[under[c.key]]}" for c in hidden if c.key in under]
    return ["; ".join(parts) + "; --wide shows all"]


def _print_chart(console: Console, listing: Listing, width: int) -> None:
    bars = [bar for chart in listing.chart for bar in chart]
    label_width = max(len(neutralise(label)) for label, _ in bars)
    value_width = max(len(f" {human_number(v)} {listing.chart_unit}") for _, v in bars)
    bar_width = max(_MIN_BAR_WIDTH, min(_BAR_WIDTH, width - label_width - value_width - 1))
    for index, chart in enumerate(listing.chart):
        if index:
            console.print()
        top = max((abs(v) for _, v in chart), default=0.0)
        for label, value in chart:
            length = round(bar_width * abs(value) / top) if top else 0
            line = Text(neutralise(label).ljust(label_width) + " ")
            line.append("█" * max(length, 1 if value else 0), style="cyan")
            line.append(f" {human_number(value)} {listing.chart_unit}".rstrip())
            console.print(line, width=width)
