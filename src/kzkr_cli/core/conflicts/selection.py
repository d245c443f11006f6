"""Which conflicts a query asks for."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from kzkr_cli.core.conflicts.model import Conflict, ConflictKind, ConflictQuery
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.models import Metric
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import resolve_metric


def checked_query(store: Store, query: ConflictQuery) -> Metric | None:
    """The metric the query names, after checking every name it gives is known."""
    if query.source is not None and query.source not in store.sources:
        raise QueryError(
            f"unknown source {query.source!r}{_hint(query.source, store.sources)}",
            sorted(store.sources),
        )
    if query.event is not None and query.event not in store.events:
        raise QueryError(
            f"unknown event {query.event!r}{_hint(query.event, store.events)}",
            difflib.get_close_matches(query.event, list(store.events), n=5),
        )
    return resolve_metric(store, query.metric) if query.metric is not None else None


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=5)
    return f"; did you mean {', '.join(close)}?" if close else ""


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
