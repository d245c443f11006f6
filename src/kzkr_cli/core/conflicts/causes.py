"""Likely causes of a conflict, as the records themselves show them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzkr_cli.core.conflicts.model import ConflictClaim
from kzkr_cli.core.store import Store

_ANNOUNCED = re.compile(
    r"\b(will|shall|is to|are to|plans? to|is scheduled|are scheduled|is expected|are expected)\b",
    re.IGNORECASE,
)
_NOTE_LENGTH = 200


def likely_causes(store: Store, claims: Sequence[ConflictClaim]) -> tuple[str, ...]:
    """What the records show as likely causes: a note naming an ambiguity, a derived date,
    a date announced in advance, a source older than the others."""
    causes: list[str] = []
    for claim in claims:
        if claim.claim is not None:
            dated = store.events[claim.fact].claims[claim.claim]
            if dated.derivation:
                causes.append(f"{claim.source}'s date is derived ({dated.derivation})")
            if _ANNOUNCED.search(dated.quote):
                causes.append(
                    f'{claim.source} announced it in advance ("{_clip(dated.quote)}"),'
                    " and plans can change"
                )
            if dated.note:
                causes.append(f"{claim.source} notes: {_clip(dated.note)}")
        elif claim.fact in store.figures and store.figures[claim.fact].note:
            causes.append(f"{claim.source} notes: {_clip(store.figures[claim.fact].note or '')}")
    published = {claim.source: store.sources[claim.source].published for claim in claims}
    newest = max(published.values(), key=lambda d: d.first_day())
    older = sorted(s for s, d in published.items() if d.last_day() < newest.first_day())
    if older:
        dates = ", ".join(f"{s} ({published[s]})" for s in older)
        causes.append(f"older source{'s' if len(older) > 1 else ''}: {dates}")
    return tuple(dict.fromkeys(causes))


def _clip(text: str) -> str:
    """A note or quote cut at a word to a readable length."""
    flat = " ".join(text.split()).rstrip(".;")
    if len(flat) <= _NOTE_LENGTH:
        return flat
    return flat[:_NOTE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
