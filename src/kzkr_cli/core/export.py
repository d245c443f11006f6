"""The scripting contract: records as plain JSON-ready objects with stable field names."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator
from typing import Any, TextIO

from kzkr_cli.core.models import Event, Figure, Metric, Source, UndecidedFigure
from kzkr_cli.core.store import Store


def number(value: float) -> float | int | None:
    """A JSON number: whole values as integers, infinite ends as null."""
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def source_object(source: Source) -> dict[str, Any]:
    return source.model_dump(mode="json")


def metric_object(metric: Metric) -> dict[str, Any]:
    return metric.model_dump(mode="json")


def figure_object(store: Store, figure: Figure) -> dict[str, Any]:
    """A figure with its unit and the interval its precision and qualifier admit."""
    interval = store.interval(figure)
    period = figure.period
    return {
        "id": figure.id,
        "metric": figure.metric,
        "value": number(figure.value),
        "unit": store.metrics[figure.metric].unit.value,
        "as_written": figure.as_written,
        "qualifier": figure.qualifier.value,
        "low": number(interval.low),
        "high": number(interval.high),
        "period": {
            "start": period.start.iso() if period.start else None,
            "end": period.last.iso() if period.is_span else None,
            "as_of": period.as_of.iso() if period.as_of else None,
            "text": period.text,
        },
        "source": figure.source,
        "published": store.sources[figure.source].published.iso(),
        "quote": figure.quote,
        "note": figure.note,
        "change": figure.change.model_dump(mode="json") if figure.change else None,
        "status": figure.status.value,
        "candidates": [],
    }


def undecided_object(figure: UndecidedFigure) -> dict[str, Any]:
    """A draft figure whose metric is undecided: no metric, unit or interval yet."""
    period = figure.period
    return {
        "id": figure.id,
        "metric": None,
        "value": number(figure.value),
        "unit": None,
        "as_written": figure.as_written,
        "qualifier": figure.qualifier.value,
        "low": None,
        "high": None,
        "period": {
            "start": period.start.iso() if period.start else None,
            "end": period.last.iso() if period.is_span else None,
            "as_of": period.as_of.iso() if period.as_of else None,
            "text": period.text,
        },
        "source": figure.source,
        "published": None,
        "quote": figure.quote,
        "note": figure.note,
        "change": None,
        "status": figure.status.value,
        "candidates": list(figure.candidates),
    }


def event_object(event: Event) -> dict[str, Any]:
    """An event with its headline date and every source's own date claim."""
    headline = event.headline
    return {
        "id": event.id,
        "kind": event.kind.value,
        "title": event.title,
        "date": headline.date.iso(),
        "end": headline.end.iso() if headline.end else None,
        "actors": list(event.actors),
        "place": event.place,
        "note": event.note,
        "sources": event.sources,
        "claims": [
            {
                "source": claim.source,
                "date": claim.date.iso(),
                "end": claim.end.iso() if claim.end else None,
                "quote": claim.quote,
                "derivation": claim.derivation,
                "note": claim.note,
                "status": claim.status.value,
            }
            for claim in event.claims
        ],
    }


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
