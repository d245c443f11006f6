"""Writers for each output format. Machine formats never pass through Rich."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from kzkr_cli.core.formatting import format_number
from kzkr_cli.render.listing import Cell, Column, Listing, OutputFormat, Style
from kzkr_cli.render.text import cell_text, neutralise

_FORMULA_LINE = re.compile(r"^(?=[=+\-@\t\r])|(?<=[\r\n])(?=[=+\-@\t])")
"""Where a spreadsheet could start running a formula: a line beginning with = + - @, a tab
or a carriage return, at the start of the cell or after any line break inside it (some
importers start a new row at a bare CR)."""
_ORDERED = re.compile(r"\d+[.)]\s")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~!#&])")


def render(
    listing: Listing,
    fmt: OutputFormat | None,
    out: TextIO,
    *,
    tty: bool,
    color: bool,
    wide: bool = False,
) -> None:
    """Write ``listing`` in ``fmt``; with no format, a table on a terminal, else plain rows.
    ``wide`` keeps every column of a table, however narrow the terminal."""
    if fmt is not None and not fmt.lists:
        raise ValueError(f"{fmt.value} is written from its own result, not from a listing")
    if fmt is None:
        fmt = OutputFormat.TABLE if tty else None
    if fmt is None:
        _write_delimited(listing, out, header=False, tty=tty)
    elif fmt is OutputFormat.TSV:
        _write_delimited(listing, out, header=True, tty=tty)
    elif fmt is OutputFormat.CSV:
        _write_csv(listing, out, tty=tty)
    elif fmt is OutputFormat.JSON:
        _write_json(listing.objects, out, tty=tty)
    elif fmt is OutputFormat.JSONL:
        objects = listing.objects
        for obj in [objects] if isinstance(objects, Mapping) else objects:
            out.write(_json(obj, indent=None, tty=tty) + "\n")
    elif fmt is OutputFormat.MARKDOWN:
        _write_markdown(listing, out, tty=tty)
    else:
        from kzkr_cli.render.table import write_table

        write_table(listing, out, color=color, wide=wide)


def _write_json(objects: Any, out: TextIO, *, tty: bool) -> None:
    """A JSON list written one element at a time, so a large result is never one string;
    the text is the same as ``json.dumps(objects, indent=2)``."""
    if isinstance(objects, Mapping) or not objects:
        out.write(_json(objects, indent=2, tty=tty) + "\n")
        return
    out.write("[\n")
    for index, obj in enumerate(objects):
        text = _json(obj, indent=2, tty=tty).replace("\n", "\n  ")
        out.write(("  " if index == 0 else ",\n  ") + text)
    out.write("\n]\n")


def _json(obj: Any, *, indent: int | None, tty: bool) -> str:
    text = json.dumps(obj, indent=indent, ensure_ascii=False, allow_nan=False)
    return neutralise(text) if tty else text


def _tsv_cell(value: Cell, tty: bool) -> str:
    text = cell_text(value)
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return neutralise(text) if tty else text


def _write_delimited(listing: Listing, out: TextIO, *, header: bool, tty: bool) -> None:
    columns = listing.row_columns
    if header:
        out.write("\t".join(c.key for c in columns) + "\n")
    for row in listing.rows:
        out.write("\t".join(_tsv_cell(row.get(c.key), tty) for c in columns) + "\n")


def _csv_cell(value: Cell, tty: bool) -> Cell:
    """Numbers stay numbers; text that a spreadsheet would run as a formula gets a leading '."""
    if value is None or isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, int | float):
        return format_number(value)
    text = _FORMULA_LINE.sub("'", cell_text(value))
    return neutralise(text) if tty else text


def _csv_field(text: str) -> str:
    """RFC 4180 quoting; a cell holding a CR is quoted too, which the csv module skips when
    the line terminator is "\n", so a bare CR can never end a row early."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write_csv(listing: Listing, out: TextIO, *, tty: bool) -> None:
    columns = listing.row_columns
    out.write(",".join(_csv_field(c.key) for c in columns) + "\n")
    for row in listing.rows:
        cells = [_csv_cell(row.get(c.key), tty) for c in columns]
        out.write(",".join(_csv_field(cell_text(cell)) for cell in cells) + "\n")


def _markdown_cell(value: Cell) -> str:
    """Text that renders as itself: every character Markdown or HTML would act on (links,
    tags, comments, emphasis, table pipes) backslash-escaped, line breaks as spaces."""
    text = " ".join(neutralise(cell_text(value)).splitlines())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    if text[:1] in ("-", "+", "="):  # a list item or a heading underline
        return "\\" + text
    ordered = _ORDERED.match(text)  # "1. " would start a numbered list
    if ordered:
        end = ordered.end() - 2
        return text[:end] + "\\" + text[end:]
    return text


def _write_markdown(listing: Listing, out: TextIO, *, tty: bool) -> None:
    columns: Sequence[Column] = listing.table_columns
    if listing.title:
        out.write(f"### {_markdown_cell(listing.title)}\n\n")
    out.write("| " + " | ".join(_markdown_cell(c.header) for c in columns) + " |\n")
    out.write("|" + "|".join("---:" if c.numeric else "---" for c in columns) + "|\n")
    styles = list(listing.styles) + [Style.PLAIN] * (len(listing.rows) - len(listing.styles))
    for row, style in zip(listing.rows, styles, strict=True):
        cells = [_markdown_cell(row.get(c.key)) for c in columns]
        if style is Style.CONFLICT and cells:
            cells[0] = f"**{cells[0]}** ⚠"
        out.write("| " + " | ".join(cells) + " |\n")
    if listing.summary:
        out.write("\n")
        for line in listing.summary:
            out.write(_markdown_cell(line) + "\n")
