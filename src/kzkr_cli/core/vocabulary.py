"""Finding a metric by the name a user types: its id or one of its aliases."""

from __future__ import annotations

import difflib

from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.models import Metric
from kzkr_cli.core.store import Store


def metric_names(store: Store) -> dict[str, str]:
    """Every name that selects a metric (ids and aliases, lower-cased) → metric id."""
    names: dict[str, str] = {}
    for metric in store.metrics.values():
        names.setdefault(metric.id.lower(), metric.id)
        for alias in metric.aliases:
            names.setdefault(alias.lower(), metric.id)
    return names


def resolve_metric(store: Store, name: str) -> Metric:
    """The metric ``name`` selects; a QueryError with suggestions when none or several do."""
    names = metric_names(store)
    key = name.strip().lower()
    if key in names:
        return store.metrics[names[key]]
    starting = sorted({mid for n, mid in names.items() if n.startswith(key)}) if key else []
    if len(starting) == 1:
        return store.metrics[starting[0]]
    if len(starting) > 1:
        raise QueryError(f"{name!r} is ambiguous: it could be {', '.join(starting)}", starting)
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    suggestions = sorted(dict.fromkeys(close))
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise QueryError(f"unknown metric {name!r}{hint}", suggestions)
