"""Dates: an event's date claims, compared within the event."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kzkr_cli.core.conflicts.agreement import agreeing_boxes
from kzkr_cli.core.conflicts.causes import likely_causes
from kzkr_cli.core.conflicts.model import (
    DAYS_PER_YEAR,
    Conflict,
    ConflictClaim,
    ConflictKind,
    DateDetail,
)
from kzkr_cli.core.intervals import Interval, day_span
from kzkr_cli.core.models import DateClaim, Event
from kzkr_cli.core.store import Store


@dataclass(frozen=True, slots=True)
class _Dated:
    """A date claim as the days its start and its end may fall on."""

    index: int
    claim: DateClaim
    start: Interval
    end: Interval


def date_conflicts(store: Store) -> Iterator[Conflict]:
    """An event's date claims, compared within the event.

    A claim with an ``end`` says the event started within ``date`` and ended within
    ``end``; a claim without one says it started and ended within ``date``. Two claims
    disagree when their starts or their ends cannot fall on the same day.
    """
    for event in store.events.values():
        if len(event.claims) < 2:
            continue
        dated = [
            _Dated(i, c, day_span(c.date), day_span(c.end or c.date))
            for i, c in enumerate(event.claims)
        ]
        worst: tuple[float, _Dated, _Dated] | None = None
        involved: set[int] = set()
        for i, a in enumerate(dated):
            for b in dated[i + 1 :]:
                gap = max(a.start.gap(b.start), a.end.gap(b.end))
                if gap == 0:
                    continue
                involved.update((a.index, b.index))
                if worst is None or gap > worst[0]:
                    worst = (gap, a, b)
        if worst is None:
            continue
        members = [d for d in dated if d.index in involved]
        members.sort(key=lambda d: (d.start.low, d.end.high, d.index))
        claims = tuple(_date_claim(event, d) for d in members)
        groups = tuple(
            tuple(claims[i].key for i in group)
            for group in agreeing_boxes([(d.start, d.end) for d in members])
        )
        gap, a, b = worst
        yield Conflict(
            id=f"{ConflictKind.DATE.value}:{event.id}",
            kind=ConflictKind.DATE,
            subject=event.id,
            severity=gap / (gap + DAYS_PER_YEAR),
            claims=claims,
            groups=groups,
            detail=DateDetail(event.title, gap, a.start.gap(b.start) > 0, a.end.gap(b.end) > 0),
            causes=likely_causes(store, claims),
        )


def _date_claim(event: Event, dated: _Dated) -> ConflictClaim:
    claim = dated.claim
    return ConflictClaim(
        fact=event.id,
        source=claim.source,
        value=None,
        date=claim.date.iso(),
        end=claim.end.iso() if claim.end is not None else None,
        quote=claim.quote,
        claim=dated.index,
        derivation=claim.derivation,
    )
