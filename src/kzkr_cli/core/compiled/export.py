"""The SQLite export: the compiled database itself, and its Datasette metadata."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from kzkr_cli import __version__
from kzkr_cli.core.compiled import CompiledStore
from kzkr_cli.core.compiled.schema import SEARCHED, TABLES
from kzkr_cli.core.files import write_atomically, write_path_atomically

FACETS: dict[str, list[str]] = {
    "sources": ["kind", "publisher"],
    "metrics": ["unit"],
    "figures": ["metric", "source", "qualifier", "year"],
    "events": ["kind", "year", "in_conflict"],
    "date_claims": ["source"],
    "conflicts": ["kind"],
    "conflict_claims": ["source"],
}
"""What Datasette offers to narrow each table by: metric, source, kind and year."""

SORTS: dict[str, tuple[str, str]] = {
    "figures": ("sort", "period_earliest"),
    "events": ("sort", "date_earliest"),
    "date_claims": ("sort", "date_earliest"),
    "conflicts": ("sort_desc", "severity"),
    "sources": ("sort", "published_earliest"),
}
LABELS = {"sources": "title", "metrics": "name", "figures": "as_written", "events": "title"}


def metadata_path(database: Path) -> Path:
    """``FILE.db`` → ``FILE.metadata.json`` beside it."""
    return database.with_name(database.stem + ".metadata.json")


def metadata(database_name: str) -> dict[str, Any]:
    """Datasette metadata: title, description, source, licence, every table's and column's
    description, facets on metric, source, kind and year, sort orders and full-text search."""
    tables: dict[str, Any] = {}
    for table, (description, columns) in TABLES.items():
        entry: dict[str, Any] = {"description": description, "columns": dict(columns)}
        if table in FACETS:
            entry["facets"] = FACETS[table]
        if table in SORTS:
            key, column = SORTS[table]
            entry[key] = column
        if table in LABELS:
            entry["label_column"] = LABELS[table]
        if table in SEARCHED:
            entry["fts_table"] = f"{table}_fts"
        if table in ("kzkr_meta", "files"):
            entry["hidden"] = True
        tables[table] = entry
    for table in SEARCHED:
        tables[f"{table}_fts"] = {"hidden": True}
    return {
        "title": "kzkr fact store: Kazakhstan–South Korea relations",
        "description": (
            "Every figure and dated event of the sources, each with its source and a verbatim"
            " quote, and the conflicts between the sources, compiled by kzkr"
            f" {__version__}. Search quotes, titles and notes; facet by metric, source, kind"
            " and year."
        ),
        "source": "The documents listed in the sources table, quoted verbatim",
        "license": "MIT (the compiled store); each quote remains its publisher's text",
        "databases": {database_name: {"tables": tables}},
    }


def export_database(store: CompiledStore, output: Path, *, overwrite: bool) -> Path:
    """Write the compiled database to ``output`` and its metadata beside it, each atomically;
    FileExistsError when either exists and ``overwrite`` is false. Returns the metadata path."""
    meta = metadata_path(output)
    if not overwrite:
        for path in (output, meta):
            if path.exists():
                raise FileExistsError(path)

    def copy(temporary: Path) -> None:
        target = sqlite3.connect(temporary)
        try:
            store.connection.backup(target)
        finally:
            target.close()

    write_path_atomically(output, copy, overwrite=overwrite)
    text = json.dumps(metadata(output.stem), indent=2, ensure_ascii=False) + "\n"
    write_atomically(meta, text, overwrite=overwrite)
    return meta
