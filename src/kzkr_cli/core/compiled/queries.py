"""The commands' questions as indexed SQL over the compiled store.

Each query reads only the rows it answers with, builds them as records (without
validation) into a small ``Store`` of just those rows, and hands that to the same core
functions a whole store would go to, so every command prints what it printed before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kzkr_cli.core.compiled import CompiledStore
from kzkr_cli.core.compiled.reader import (
    CONFLICT_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    METRIC_COLUMNS,
    SOURCE_COLUMNS,
    UNDECIDED_COLUMNS,
    conflicts_of,
    events_of,
    figure_of,
    metrics_of,
    source_of,
    undecided_of,
)
from kzkr_cli.core.conflicts import Conflict, ConflictKind, ConflictQuery
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.models import Metric
from kzkr_cli.core.provenance import Described, describe, unknown_record
from kzkr_cli.core.query import (
    FigureComparison,
    TimelineEntry,
    TimelineQuery,
    compare_figures,
    timeline,
    unknown_name,
)
from kzkr_cli.core.sources import SourceSummary
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import metrics_also_named, resolve_metric


def _store(compiled: CompiledStore) -> Store:
    return Store(root=compiled.root)


def _rows(compiled: CompiledStore, sql: str, args: Sequence[Any] = ()) -> list[Any]:
    return compiled.connection.execute(sql, args).fetchall()


def _add_sources(compiled: CompiledStore, store: Store, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids) - store.sources.keys())
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in _rows(
            compiled,
            f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id IN ({marks}) ORDER BY ordinal",
            chunk,
        ):
            store.sources[row[0]] = source_of(row)


def _known_source(compiled: CompiledStore, source: str | None) -> None:
    """Raise the core's error for an unknown ``source``."""
    if source is None or _rows(compiled, "SELECT 1 FROM sources WHERE id = ?", (source,)):
        return
    known = [row[0] for row in _rows(compiled, "SELECT id FROM sources ORDER BY ordinal")]
    raise unknown_name("source", source, known)


def all_metrics(compiled: CompiledStore) -> list[Metric]:
    """The vocabulary in store order: `figure` without a metric lists it whole."""
    rows = _rows(compiled, f"SELECT {METRIC_COLUMNS} FROM metrics ORDER BY ordinal")
    return metrics_of(compiled.connection, rows)


def metric_store(compiled: CompiledStore) -> Store:
    """The vocabulary alone: every metric, which is what resolving a metric's name needs."""
    store = _store(compiled)
    store.metrics = {m.id: m for m in all_metrics(compiled)}
    return store


def resolved_metric(compiled: CompiledStore, name: str) -> Metric:
    """The metric ``name`` selects, as ``resolve_metric`` finds it: an id or alias is looked
    up by index; only a prefix, a typo or an ambiguity reads the whole vocabulary."""
    key = name.strip().lower()
    rows = _rows(
        compiled,
        f"SELECT {METRIC_COLUMNS} FROM metrics WHERE id = ? OR id IN"
        " (SELECT metric FROM metric_aliases WHERE lookup = ?) ORDER BY ordinal",
        (key, key),
    )
    store = _store(compiled)
    if len(rows) == 1:
        store.metrics = {m.id: m for m in metrics_of(compiled.connection, rows)}
    else:
        store = metric_store(compiled)
    return resolve_metric(store, name)


def figure_counts(compiled: CompiledStore) -> dict[str, int]:
    """How many figures each metric has, counted by SQL rather than by loading them."""
    return dict(_rows(compiled, "SELECT metric, count(*) FROM figures GROUP BY metric"))


def conflicts_involving(compiled: CompiledStore, ids: Sequence[str]) -> list[Conflict]:
    """Every conflict in which one of the records ``ids`` takes part, most severe first."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in _rows(
                compiled, f"SELECT conflict FROM conflict_claims WHERE fact IN ({marks})", chunk
            )
        )
    return _conflicts_by_id(compiled, sorted(found))


def _conflicts_by_id(compiled: CompiledStore, ids: Sequence[str]) -> list[Conflict]:
    rows: list[Any] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows += _rows(
            compiled,
            f"SELECT {CONFLICT_COLUMNS}, ordinal FROM conflicts WHERE id IN ({marks})",
            chunk,
        )
    rows.sort(key=lambda row: row[-1])
    return conflicts_of(compiled.connection, rows)


def figures(
    compiled: CompiledStore, name: str, year: int | None, source: str | None
) -> tuple[Store, FigureComparison]:
    """``kzkr figure``: one metric's figures (those covering ``year``, from ``source``)."""
    metric = resolved_metric(compiled, name)
    store = _store(compiled)
    store.metrics[metric.id] = metric
    _known_source(compiled, source)
    sql = f"SELECT {FIGURE_COLUMNS} FROM figures WHERE metric = ?"
    args: list[Any] = [metric.id]
    if source is not None:
        sql += " AND source = ?"
        args.append(source)
    if year is not None:
        when = PartialDate(year)  # a prefilter on the index; covers() decides exactly
        sql += " AND period_earliest <= ? AND period_latest >= ?"
        args += [when.last_day().isoformat(), when.first_day().isoformat()]
    for row in _rows(compiled, sql + " ORDER BY ordinal", args):
        figure = figure_of(row)
        store.figures[figure.id] = figure
        store.steps[figure.id] = row[-1]
    _add_sources(compiled, store, [f.source for f in store.figures.values()])
    if source is not None:
        _add_sources(compiled, store, [source])
    conflicts = conflicts_involving(compiled, list(store.figures))
    return store, compare_figures(store, metric, conflicts, year, source)


def timeline_entries(compiled: CompiledStore, query: TimelineQuery) -> list[TimelineEntry]:
    """``kzkr timeline``: the events the query selects, prefiltered by date, kind and source."""
    _known_source(compiled, query.source)
    sql = f"SELECT {EVENT_COLUMNS}, in_conflict FROM events WHERE 1"
    args: list[Any] = []
    if query.since is not None:
        sql += " AND date_latest >= ?"
        args.append(query.since.first_day().isoformat())
    if query.until is not None:
        sql += " AND date_earliest <= ?"
        args.append(query.until.last_day().isoformat())
    if query.kind is not None:
        sql += " AND kind = ?"
        args.append(query.kind.value)
    if query.source is not None:
        sql += " AND id IN (SELECT event FROM date_claims WHERE source = ?)"
        args.append(query.source)
    rows = _rows(compiled, sql + " ORDER BY ordinal", args)
    store = _store(compiled)
    store.events = {e.id: e for e in events_of(compiled.connection, rows)}
    if query.source is not None:
        _add_sources(compiled, store, [query.source])
    conflicted = {row[0] for row in rows if row[-1]}
    return timeline(store, query, conflicted)


def record(compiled: CompiledStore, record_id: str) -> Described:
    """``kzkr show``: one record with what it rests on and the conflicts it takes part in;
    a name that is no record's id but names a metric (an alias, the start of an id), as
    ``kzkr figure`` accepts it, shows that metric."""
    try:
        return _record(compiled, record_id)
    except QueryError as unknown:
        try:
            metric = resolved_metric(compiled, record_id)
        except QueryError:
            raise unknown from None
        return _record(compiled, metric.id)


def _record(compiled: CompiledStore, record_id: str) -> Described:
    store = _store(compiled)
    connection = compiled.connection
    summary: SourceSummary | None = None
    rows = _rows(compiled, f"SELECT {FIGURE_COLUMNS} FROM figures WHERE id = ?", (record_id,))
    if rows:
        figure = figure_of(rows[0])
        store.figures[figure.id] = figure
        store.steps[figure.id] = rows[0][-1]
        store.metrics = {
            m.id: m
            for m in metrics_of(
                connection,
                _rows(
                    compiled, f"SELECT {METRIC_COLUMNS} FROM metrics WHERE id = ?", (figure.metric,)
                ),
            )
        }
        _add_sources(compiled, store, [figure.source])
    elif rows := _rows(compiled, f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (record_id,)):
        (event,) = events_of(connection, rows)
        store.events[event.id] = event
        _add_sources(compiled, store, event.sources)
    elif rows := _rows(
        compiled, f"SELECT {METRIC_COLUMNS} FROM metrics WHERE id = ?", (record_id,)
    ):
        store.metrics = {m.id: m for m in metrics_of(connection, rows)}
        for row in _rows(
            compiled,
            f"SELECT {FIGURE_COLUMNS} FROM figures WHERE metric = ? ORDER BY ordinal",
            (record_id,),
        ):
            store.figures[row[0]] = figure_of(row)
    elif rows := _rows(
        compiled, f"SELECT {UNDECIDED_COLUMNS} FROM undecided_figures WHERE id = ?", [record_id]
    ):
        (draft,) = undecided_of(connection, rows)
        store.undecided[draft.id] = draft
    elif _rows(compiled, "SELECT 1 FROM sources WHERE id = ?", (record_id,)):
        _add_sources(compiled, store, [record_id])
        (summary,) = source_summaries(compiled, record_id)
    else:
        known = [
            row[0]
            for table in ("sources", "metrics", "figures", "events")
            for row in _rows(compiled, f"SELECT id FROM {table} ORDER BY ordinal")
        ]
        raise unknown_record(record_id, known)
    return describe(store, record_id, conflicts_involving(compiled, [record_id]), summary=summary)


def source_summaries(compiled: CompiledStore, only: str | None = None) -> list[SourceSummary]:
    """``kzkr sources``: each source with how many figures and events it backs."""
    where = "WHERE s.id = ?" if only is not None else ""
    rows = _rows(
        compiled,
        "SELECT s.id, s.title, s.publisher, s.author, s.kind, s.published, s.document,"
        " (SELECT count(*) FROM figures f WHERE f.source = s.id)"
        " + (SELECT count(*) FROM undecided_figures u WHERE u.source = s.id),"
        " (SELECT count(DISTINCT d.event) FROM date_claims d WHERE d.source = s.id)"
        f" FROM sources s {where} ORDER BY s.ordinal",
        () if only is None else (only,),
    )
    keys = ("id", "title", "publisher", "author", "kind", "published", "document")
    return [
        dict(zip(keys, row[:7], strict=True)) | {"figures": row[7], "events": row[8]}
        for row in rows
    ]


def conflicts(compiled: CompiledStore, query: ConflictQuery) -> list[Conflict]:
    """``kzkr conflicts``: the stored conflicts the query selects, most severe first."""
    for table, name, value in (
        ("sources", "source", query.source),
        ("events", "event", query.event),
    ):
        if value is None or _rows(compiled, f"SELECT 1 FROM {table} WHERE id = ?", (value,)):
            continue
        known = [row[0] for row in _rows(compiled, f"SELECT id FROM {table} ORDER BY ordinal")]
        raise unknown_name(name, value, known)
    metric = resolved_metric(compiled, query.metric) if query.metric else None
    sql = f"SELECT {CONFLICT_COLUMNS} FROM conflicts c WHERE severity >= ?"
    args: list[Any] = [query.min_severity]
    if query.kinds:
        kinds = sorted(k.value for k in query.kinds)
        sql += f" AND kind IN ({','.join('?' * len(kinds))})"
        args += kinds
    if query.source is not None:
        sql += (
            " AND EXISTS (SELECT 1 FROM conflict_claims k WHERE k.conflict = c.id AND k.source = ?)"
        )
        args.append(query.source)
    if query.event is not None:
        sql += " AND kind = ? AND subject = ?"
        args += [ConflictKind.DATE.value, query.event]
    if metric is not None:
        sql += (
            " AND kind != ? AND EXISTS (SELECT 1 FROM conflict_claims k JOIN figures f"
            " ON f.id = k.fact WHERE k.conflict = c.id AND f.metric = ?)"
        )
        args += [ConflictKind.DATE.value, metric.id]
    return conflicts_of(compiled.connection, _rows(compiled, sql + " ORDER BY ordinal", args))


def all_conflicts(compiled: CompiledStore) -> list[Conflict]:
    """Every stored conflict, most severe first: what the checker judges against."""
    return conflicts_of(
        compiled.connection,
        _rows(compiled, f"SELECT {CONFLICT_COLUMNS} FROM conflicts ORDER BY ordinal"),
    )


def draft_keys(compiled: CompiledStore) -> frozenset[str]:
    """The ids of draft figures and the keys of draft date claims, as ``drafts.draft_keys``
    gives them, from the rows' status."""
    return frozenset(
        row[0]
        for row in _rows(
            compiled,
            "SELECT id FROM figures WHERE status = 'draft' UNION ALL SELECT id FROM"
            " undecided_figures UNION ALL SELECT event || '.claim.' || position FROM date_claims"
            " WHERE status = 'draft'",
        )
    )


def figure_answer_store(
    compiled: CompiledStore, name: str | None, source: str | None
) -> tuple[Store, list[Conflict]]:
    """What ``kzkr figure`` answers from: for a name, the whole vocabulary (to resolve it and
    name the other metrics it fits) with the figures of the metrics it may mean, read by
    index; with no name (--year or --source across metrics), every figure it may print."""
    _known_source(compiled, source)
    store = metric_store(compiled)
    if name is None:
        wanted = list(store.metrics)
    else:
        chosen = resolve_metric(store, name)
        wanted = [chosen.id, *(m.id for m in metrics_also_named(store, name, chosen))]
    sql = f"SELECT {FIGURE_COLUMNS} FROM figures WHERE metric = ?"
    args: list[Any] = []
    if source is not None:
        sql += " AND source = ?"
        args.append(source)
    for metric_id in wanted:
        for row in _rows(compiled, sql + " ORDER BY ordinal", [metric_id, *args]):
            figure = figure_of(row)
            store.figures[figure.id] = figure
            store.steps[figure.id] = row[-1]
    _add_sources(compiled, store, [f.source for f in store.figures.values()])
    if source is not None:
        _add_sources(compiled, store, [source])
    return store, conflicts_involving(compiled, list(store.figures))


def event_store(compiled: CompiledStore) -> Store:
    """Every event, for saying what the timeline holds when a query matched none of it."""
    store = _store(compiled)
    rows = _rows(compiled, f"SELECT {EVENT_COLUMNS} FROM events ORDER BY ordinal")
    store.events = {e.id: e for e in events_of(compiled.connection, rows)}
    return store
