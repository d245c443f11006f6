"""Likely causes of a conflict, as the records themselves show them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzkr_cli.core import lexicon
from kzkr_cli.core.conflicts.model import ConflictClaim
from kzkr_cli.core.store import Store

_NOTE_LENGTH = 360


def likely_causes(
    store: Store, claims: Sequence[ConflictClaim], *, moments: bool = False
) -> tuple[str, ...]:
    """What the records show as likely causes: a note naming an ambiguity, a date announced
    in advance (marked ``planned``, or said in the future tense), moments that may be
    different days ("as of 2024" and "as of 2024-05..2024-06-10"), a source older than the
    others. A derived date is not a cause by itself; the wording shows the derivation beside
    the date."""
    causes: list[str] = []
    for claim in claims:
        if claim.claim is not None:
            dated = store.events[claim.fact].claims[claim.claim]
            if dated.planned or lexicon.announces(dated.quote):
                causes.append(
                    f'{claim.source} announced it in advance ("{_clip(dated.quote)}"),'
                    " and plans can change"
                )
            if dated.note:
                causes.append(f"{claim.source} notes: {_clip(dated.note)}")
        elif claim.fact in store.figures and store.figures[claim.fact].note:
            causes.append(f"{claim.source} notes: {_clip(store.figures[claim.fact].note or '')}")
    # Figures compared as of one moment (``moments``) may be of different days within it;
    # the figures a stated change links are of different days by design.
    days = _moments(store, claims) if moments else []
    if len(days) > 1:
        causes.append(f"they may speak of different days ({'; '.join(days)})")
    published = {claim.source: store.sources[claim.source].published for claim in claims}
    newest = max(published.values(), key=lambda d: d.first_day())
    older = sorted(s for s, d in published.items() if d.last_day() < newest.first_day())
    if older:
        dates = ", ".join(f"{s} ({published[s]})" for s in older)
        causes.append(f"older source{'s' if len(older) > 1 else ''}: {dates}")
    return tuple(dict.fromkeys(causes))


def _moments(store: Store, claims: Sequence[ConflictClaim]) -> list[str]:
    """The as-of moments of the figures taking part, when their metric moves with time."""
    found: dict[str, None] = {}
    for claim in claims:
        figure = store.figures.get(claim.fact) if claim.claim is None else None
        if figure is None or figure.period.as_of is None or store.metrics[figure.metric].one_off:
            continue
        found.setdefault(figure.period.label(), None)
    return list(found)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"(])")


def _clip(text: str) -> str:
    """A note or quote in whole sentences: as many as fit a readable length, and always
    the first, so a journalist never pastes a sentence cut off in the middle."""
    flat = " ".join(text.split())
    kept = ""
    for sentence in _SENTENCE_END.split(flat):
        if kept and len(kept) + 1 + len(sentence) > _NOTE_LENGTH:
            break
        kept = f"{kept} {sentence}" if kept else sentence
    return kept.rstrip(".;")
