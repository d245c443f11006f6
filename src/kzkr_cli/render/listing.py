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


class Style(StrEnum):
    """How a row stands out on a terminal; the machine formats carry it as data instead."""

    PLAIN = ""
    CONFLICT = "conflict"
    GOOD = "good"
    BAD = "bad"
    MUTED = "muted"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    numeric: bool = False


Cell = str | int | float | None


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
    chart: Sequence[tuple[str, float]] = ()
    chart_unit: str = ""
    styles: Sequence[Style] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.rows)
