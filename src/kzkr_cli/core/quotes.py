"""Check that every quote in the store occurs in its source's document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kzkr_cli.core.errors import Problem
from kzkr_cli.core.locate import documents_folder
from kzkr_cli.core.store import Store

_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)


def normalise(text: str) -> str:
    """Fold whitespace runs to one space and curly quote marks to straight ones; nothing else."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip()


def check_quotes(store: Store, texts: Path | None = None) -> Iterator[Problem]:
    """Yield a problem for each source whose document is missing and each quote not found;
    documents are read from ``texts``, by default the store's own ``documents/`` folder."""
    if texts is None:
        texts = documents_folder(store.root)
    documents: dict[str, str | None] = {}
    for source in store.sources.values():
        path = texts / source.document
        try:
            documents[source.id] = normalise(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            documents[source.id] = None
            yield store.problem(
                source.id,
                "source",
                "document",
                f"document {str(path)!r} cannot be read ({exc.__class__.__name__})",
            )

    def missing(record_id: str, kind: str, field: str, source: str, quote: str) -> Problem | None:
        document = documents.get(source)
        if document is None or normalise(quote) in document:
            return None
        return store.problem(
            record_id,
            kind,
            field,
            f"quote not found in {store.sources[source].document}: {quote!r}",
        )

    for figure in store.figures.values():
        found = missing(figure.id, "figure", "quote", figure.source, figure.quote)
        if found:
            yield found
    for event in store.events.values():
        for index, claim in enumerate(event.claims):
            found = missing(event.id, "event", f"claim.{index}.quote", claim.source, claim.quote)
            if found:
                yield found
