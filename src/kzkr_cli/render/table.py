"""The terminal table: Rich, imported only here, with every cell passed as plain Text."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kzkr_cli.core.formatting import human_number
from kzkr_cli.render.listing import Cell, Listing, Style
from kzkr_cli.render.writers import cell_text, neutralise

_ROW_STYLE = {
    Style.PLAIN: "",
    Style.CONFLICT: "bold yellow",
    Style.GOOD: "green",
    Style.BAD: "red",
    Style.MUTED: "dim",
}
_BAR_WIDTH = 30


def _cell(value: Cell) -> Text:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return Text(neutralise(cell_text(value)))
    if isinstance(value, int | float):
        return Text(human_number(value))
    return Text("\n".join(neutralise(line) for line in value))


def write_table(listing: Listing, out: TextIO, *, color: bool) -> None:
    console = Console(
        file=out,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=color or None,
    )
    columns = listing.table_columns
    table = Table(
        title=Text(neutralise(listing.title)) if listing.title else None,
        header_style="bold" if color else "",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for column in columns:
        table.add_column(
            Text(column.header),
            justify="right" if column.numeric else "left",
            no_wrap=column.no_wrap,
            overflow="fold",
        )
    styles = list(listing.styles)
    for index, row in enumerate(listing.rows):
        style = styles[index] if index < len(styles) else Style.PLAIN
        table.add_row(
            *(_cell(row.get(c.key)) for c in columns),
            style=_ROW_STYLE[style] if color else "",
        )
    console.print(table)
    for line in listing.summary:
        console.print(Text(neutralise(line)), soft_wrap=True)
    if listing.chart:
        _print_chart(console, listing)


def _print_chart(console: Console, listing: Listing) -> None:
    top = max((abs(v) for _, v in listing.chart), default=0.0)
    width = max(len(neutralise(label)) for label, _ in listing.chart)
    for label, value in listing.chart:
        length = round(_BAR_WIDTH * abs(value) / top) if top else 0
        line = Text(neutralise(label).ljust(width) + " ")
        line.append("█" * max(length, 1 if value else 0), style="cyan")
        line.append(f" {human_number(value)} {listing.chart_unit}".rstrip())
        console.print(line, soft_wrap=True)
