"""Write a validated store and its conflicts into an empty SQLite database, table by table."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kzkr_cli.core.compiled.build import FileState
from kzkr_cli.core.compiled.schema import DDL, INDEXES, SCHEMA_VERSION, search_ddl
from kzkr_cli.core.conflicts import Conflict, conflicting_records
from kzkr_cli.core.dates import Dating
from kzkr_cli.core.store import Store


def write_database(
    connection: sqlite3.Connection,
    store: Store,
    conflicts: Sequence[Conflict],
    files: Sequence[FileState],
    meta: dict[str, str],
    *,
    origins: dict[str, tuple[str, int | None]],
) -> None:
    """Fill ``connection`` (an empty database); ``origins`` gives each record's file (as in
    ``files``) and line, ``meta`` the key-value rows besides the schema version."""
    connection.executescript(DDL)
    rows = connection.executemany
    rows(
        "INSERT INTO kzkr_meta VALUES (?, ?)",
        [("schema_version", str(SCHEMA_VERSION)), *sorted(meta.items())],
    )
    rows(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (f.path, f.sha256, f.size, f.mtime_ns, f.ctime_ns, f.inode, n)
            for n, f in enumerate(files)
        ],
    )
    conflicted = conflicting_records(conflicts)
    rows("INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", _sources(store, origins))
    rows("INSERT INTO metrics VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", _metrics(store, origins))
    rows(
        "INSERT INTO metric_look_alikes VALUES (?, ?, ?)",
        ((m.id, n, o) for m in store.metrics.values() for n, o in enumerate(m.look_alikes)),
    )
    rows(
        "INSERT INTO metric_aliases VALUES (?, ?, ?, ?)",
        ((m.id, n, a, a.lower()) for m in store.metrics.values() for n, a in enumerate(m.aliases)),
    )
    rows(
        f"INSERT INTO figures VALUES ({','.join('?' * 29)})",
        _figures(store, origins, conflicted),
    )
    rows(
        "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        _events(store, origins, conflicted),
    )
    rows(
        "INSERT INTO event_actors VALUES (?, ?, ?)",
        ((e.id, n, a) for e in store.events.values() for n, a in enumerate(e.actors)),
    )
    rows(
        "INSERT INTO event_aliases VALUES (?, ?, ?)",
        ((e.id, n, a) for e in store.events.values() for n, a in enumerate(e.aliases)),
    )
    rows("INSERT INTO date_claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", _date_claims(store))
    rows(
        "INSERT INTO undecided_figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        _undecided(store, origins),
    )
    rows(
        "INSERT INTO undecided_candidates VALUES (?, ?, ?)",
        ((f.id, n, m) for f in store.undecided.values() for n, m in enumerate(f.candidates)),
    )
    rows(
        "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                c.id,
                c.kind.value,
                c.subject,
                c.period,
                c.severity,
                c.explanation,
                json.dumps([list(g) for g in c.groups]),
                n,
            )
            for n, c in enumerate(conflicts)
        ),
    )
    rows(
        "INSERT INTO conflict_claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                c.id,
                n,
                claim.key,
                claim.fact,
                claim.claim,
                claim.source,
                claim.value,
                claim.as_written,
                claim.period,
                claim.low,
                claim.high,
                claim.date,
                claim.end,
                claim.quote,
                claim.derivation,
            )
            for c in conflicts
            for n, claim in enumerate(c.claims)
        ),
    )
    connection.executescript(INDEXES + search_ddl())


def _bound(value: float | None) -> float | None:
    """An interval's end; an unbounded end is NULL, as in the JSON export."""
    return value if value is not None and math.isfinite(value) else None


_WRITTEN: dict[Dating, tuple[str, str, str]] = {}
"""Each distinct date's text and first and last day, worked out once: a store repeats the
same few thousand dates across a million records."""


def _written(date: Dating) -> tuple[str, str, str]:
    known = _WRITTEN.get(date)
    if known is None:
        known = (date.iso(), date.first_day().isoformat(), date.last_day().isoformat())
        if len(_WRITTEN) < 1 << 16:
            _WRITTEN[date] = known
    return known


def _days(date: Dating | None) -> tuple[str | None, str | None]:
    if date is None:
        return None, None
    _, first, last = _written(date)
    return first, last


def _iso(date: Dating | None) -> str | None:
    return None if date is None else _written(date)[0]


Origins = dict[str, tuple[str, int | None]]


def _sources(store: Store, origins: Origins) -> Iterator[tuple[Any, ...]]:
    for n, s in enumerate(store.sources.values()):
        yield (
            s.id,
            s.title,
            s.publisher,
            s.author,
            s.kind.value,
            _iso(s.published),
            *_days(s.published),
            s.published_note,
            s.document,
            s.url,
            *origins[s.id],
            n,
        )


def _metrics(store: Store, origins: Origins) -> Iterator[tuple[Any, ...]]:
    for n, m in enumerate(store.metrics.values()):
        yield (
            m.id,
            m.name,
            m.unit.value,
            m.description,
            m.tolerance,
            m.tolerance_note,
            int(m.one_off),
            m.part_of,
            m.change_of,
            m.value_of,
            m.plan_of,
            m.age_of,
            m.ranked_by,
            *origins[m.id],
            n,
        )


def _figures(store: Store, origins: Origins, conflicted: set[str]) -> Iterator[tuple[Any, ...]]:
    for n, f in enumerate(store.figures.values()):
        interval = store.interval(f)
        period = f.period
        yield (
            f.id,
            f.metric,
            f.value,
            store.metrics[f.metric].unit.value,
            f.as_written,
            f.qualifier.value,
            store.steps[f.id],
            _bound(interval.low),
            _bound(interval.high),
            _iso(period.start),
            _iso(period.end),
            _iso(period.as_of),
            period.text,
            int(period.inferred),
            period.label(),
            _days(period.first)[0],
            _days(period.last)[1],
            period.first.sort_key()[0].year,
            f.source,
            _iso(store.sources[f.source].published),
            f.quote,
            f.note,
            f.change.before if f.change else None,
            f.change.after if f.change else None,
            f.status.value,
            int(f.id in conflicted),
            *origins[f.id],
            n,
        )


def _events(store: Store, origins: Origins, conflicted: set[str]) -> Iterator[tuple[Any, ...]]:
    for n, e in enumerate(store.events.values()):
        headline = e.headline
        spans = {(c.date, c.end) for c in e.claims}
        yield (
            e.id,
            e.kind.value,
            e.title,
            e.place,
            e.note,
            _iso(headline.date),
            _iso(headline.end),
            min(c.date.first_day() for c in e.claims).isoformat(),
            max(c.date.last_day() for c in e.claims).isoformat(),
            headline.date.sort_key()[0].year,
            int(e.id in conflicted),
            int(len(spans) > 1),
            *origins[e.id],
            n,
        )


def _date_claims(store: Store) -> Iterable[tuple[Any, ...]]:
    for e in store.events.values():
        for n, c in enumerate(e.claims):
            yield (
                e.id,
                n,
                c.source,
                _iso(c.date),
                *_days(c.date),
                _iso(c.end),
                *_days(c.end),
                c.quote,
                c.derivation,
                int(c.planned),
                c.note,
                c.status.value,
            )


def _undecided(store: Store, origins: Origins) -> Iterator[tuple[Any, ...]]:
    for n, f in enumerate(store.undecided.values()):
        period = f.period
        yield (
            f.id,
            f.value,
            f.as_written,
            f.qualifier.value,
            _iso(period.start),
            _iso(period.end),
            _iso(period.as_of),
            period.text,
            int(period.inferred),
            f.source,
            f.quote,
            f.note,
            f.status.value,
            *origins[f.id],
            n,
        )
