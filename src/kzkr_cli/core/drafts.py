"""Which records still await review: drafts take part in every query, marked as drafts."""

from __future__ import annotations

from dataclasses import dataclass

from kzkr_cli.core.models import Event, Status
from kzkr_cli.core.store import Store


def claim_key(event_id: str, index: int) -> str:
    """How the conflict engine names an event's date claim: ``event.claim.N``."""
    return f"{event_id}.claim.{index}"


def draft_keys(store: Store) -> frozenset[str]:
    """The ids of draft figures and the keys of draft date claims."""
    keys = {f.id for f in store.figures.values() if f.status is Status.DRAFT} | set(store.undecided)
    for event in store.events.values():
        keys.update(
            claim_key(event.id, i) for i, c in enumerate(event.claims) if c.status is Status.DRAFT
        )
    return frozenset(keys)


def event_is_draft(event: Event) -> bool:
    """An event any of whose date claims is a draft."""
    return any(c.status is Status.DRAFT for c in event.claims)


@dataclass(frozen=True, slots=True)
class DraftCount:
    figures: int
    claims: int
    undecided: int
    """Draft figures whose metric is still to be chosen from candidates."""

    @property
    def total(self) -> int:
        return self.figures + self.claims


def count_drafts(store: Store, source: str | None = None) -> DraftCount:
    figures = [
        f
        for f in store.figures.values()
        if f.status is Status.DRAFT and (source is None or f.source == source)
    ]
    claims = sum(
        1
        for e in store.events.values()
        for c in e.claims
        if c.status is Status.DRAFT and (source is None or c.source == source)
    )
    undecided = sum(1 for f in store.undecided.values() if source is None or f.source == source)
    return DraftCount(len(figures) + undecided, claims, undecided)
