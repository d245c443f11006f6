"""Finding a metric by the name a user types: its id or one of its aliases."""

from __future__ import annotations

import difflib
import re

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


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s_-]+", name.casefold()) if w)


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def metrics_also_named(store: Store, name: str, chosen: Metric) -> list[Metric]:
    """Other metrics the user's word could mean: those whose id or an alias holds its words
    as whole words ("fdi" in fdi-inflow-annual), so an alias never hides them silently."""
    part = _words(name)
    if not part:
        return []
    return [
        m
        for m in store.metrics.values()
        if m.id != chosen.id and any(_contains(_words(n), part) for n in (m.id, *m.aliases))
    ]
