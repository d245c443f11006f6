"""Per-source summaries: what each document contributes to the store."""

from __future__ import annotations

from collections import Counter
from typing import Any

from kzkr_cli.core.store import Store

SourceSummary = dict[str, Any]
"""A source with how many figures and events it backs."""


def source_summaries(store: Store) -> list[SourceSummary]:
    figures = Counter(f.source for f in store.figures.values())
    figures.update(f.source for f in store.undecided.values())
    events = Counter(s for e in store.events.values() for s in e.sources)
    return [
        {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "author": source.author,
            "kind": source.kind.value,
            "published": source.published.iso(),
            "document": source.document,
            "figures": figures[source.id],
            "events": events[source.id],
        }
        for source in store.sources.values()
    ]
