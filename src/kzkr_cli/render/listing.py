"""What a command hands to the renderer: columns and rows for people, objects for scripts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"
    CLAIMREVIEW = "claimreview"
    """schema.org ClaimReview JSON-LD: a review of checked claims, so ``kzkr check`` only."""

    @property
    def lists(self) -> bool:
        """Whether any listing can be written in this format (not only check results)."""
        return self is not OutputFormat.CLAIMREVIEW


class Style(StrEnum):
    """How a row stands out on a terminal; the machine formats carry it as data instead."""

    PLAIN = ""
    CONFLICT = "conflict"
    GOOD = "good"
    BAD = "bad"
    MUTED = "muted"


@dataclass(frozen=True, slots=True)
class Column:
    """A column: ``key`` names it in tsv/csv headers, ``header`` in a table. A column can be
    for people only (``in_rows=False``: table and markdown) or for scripts only
    (``in_table=False``: plain, tsv, csv). A numeric or ``no_wrap`` column is never wrapped;
    others wrap at spaces only."""

    key: str
    header: str
    numeric: bool = False
    no_wrap: bool = False
    in_table: bool = True
    in_rows: bool = True
    priority: int = 0
    """When a table is too narrow, columns of the highest priority number go first; 0 is
    never hidden."""
    fold_into: str | None = None
    """A hidden column's text is shown as an extra line of this column instead, if it shows."""


Cell = str | int | float | Sequence[str] | None
"""A list of strings is one cell: lines in a table, joined by "; " in rows."""


@dataclass
class Listing:
    """A result ready to render.

    ``rows`` feed the tabular formats (table, tsv, csv, markdown, plain), ``objects`` the
    JSON formats, so each format gets the shape that serves it; ``summary`` lines and the
    ``chart`` are for people and appear only in a table or markdown.
    """

    columns: Sequence[Column]
    rows: Sequence[Mapping[str, Cell]]
    objects: Sequence[Mapping[str, Any]] | Mapping[str, Any]
    title: str | None = None
    summary: Sequence[str] = ()
    chart: Sequence[Sequence[tuple[str, float]]] = ()
    """Bar charts, each of values that may be compared (one metric, one period)."""
    chart_unit: str = ""
    styles: Sequence[Style] = field(default_factory=tuple)
    section_ends: frozenset[int] = frozenset()
    """Rows after which a table draws a line: the end of a group."""

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def table_columns(self) -> list[Column]:
        return [c for c in self.columns if c.in_table]

    @property
    def row_columns(self) -> list[Column]:
        return [c for c in self.columns if c.in_rows]
