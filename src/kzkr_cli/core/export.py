"""The whole store as one JSON document, written record by record; and its JSON Schema."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any, TextIO

from kzkr_cli.core.contract import (
    event_object,
    figure_object,
    metric_object,
    source_object,
    undecided_object,
)
from kzkr_cli.core.models import Event, Figure, Metric, Source
from kzkr_cli.core.store import Store


def _sections(store: Store) -> dict[str, Iterator[dict[str, Any]]]:
    return {
        "sources": (source_object(s) for s in store.sources.values()),
        "metrics": (metric_object(m) for m in store.metrics.values()),
        "figures": itertools.chain(
            (figure_object(store, f) for f in store.figures.values()),
            (undecided_object(f) for f in store.undecided.values()),
        ),
        "events": (event_object(e) for e in store.events.values()),
    }


def write_export(store: Store, out: TextIO) -> None:
    """The export as indented JSON, written record by record so a large store is never held
    as one text; the same text as ``json.dumps(export_store(store), indent=2)``."""
    out.write("{")
    for index, (key, records) in enumerate(_sections(store).items()):
        out.write(("\n" if index == 0 else ",\n") + f"  {json.dumps(key)}: ")
        first = True
        for record in records:
            text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n    ")
            out.write(("[\n    " if first else ",\n    ") + text)
            first = False
        out.write("[]" if first else "\n  ]")
    out.write("\n}\n")


def export_store(store: Store) -> dict[str, Any]:
    return {key: list(records) for key, records in _sections(store).items()}


def store_schema() -> dict[str, Any]:
    """The JSON Schema of the record types, as the TOML files are written."""
    from pydantic.json_schema import models_json_schema

    _, schema = models_json_schema(
        [
            (Source, "validation"),
            (Metric, "validation"),
            (Figure, "validation"),
            (Event, "validation"),
        ],
        title="kzkr fact store records",
    )
    return schema
