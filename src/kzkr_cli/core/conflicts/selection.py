"""Which conflicts a query asks for."""

from __future__ import annotations

from kzkr_cli.core.conflicts.model import Conflict, ConflictKind, ConflictQuery
from kzkr_cli.core.models import Metric
from kzkr_cli.core.query import unknown_name
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import resolve_metric


def checked_query(store: Store, query: ConflictQuery) -> Metric | None:
    """The metric the query names, after checking every name it gives is known."""
    if query.source is not None and query.source not in store.sources:
        raise unknown_name("source", query.source, store.sources)
    if query.event is not None and query.event not in store.events:
        raise unknown_name("event", query.event, store.events)
    return resolve_metric(store, query.metric) if query.metric is not None else None


def selected(store: Store, conflict: Conflict, query: ConflictQuery, metric: Metric | None) -> bool:
    if query.kinds and conflict.kind not in query.kinds:
        return False
    if conflict.severity < query.min_severity:
        return False
    if query.source is not None and all(c.source != query.source for c in conflict.claims):
        return False
    if query.event is not None and (
        conflict.kind is not ConflictKind.DATE or conflict.subject != query.event
    ):
        return False
    if metric is not None:
        if conflict.kind is ConflictKind.DATE:
            return False
        figures = (store.figures[c.fact] for c in conflict.claims)
        return any(f.metric == metric.id for f in figures)
    return True
