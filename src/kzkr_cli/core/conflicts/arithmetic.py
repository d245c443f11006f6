"""Stated changes: a change against the one its before and after figures give."""

from __future__ import annotations

from collections.abc import Iterator

from kzkr_cli.core.conflicts.causes import likely_causes
from kzkr_cli.core.conflicts.figures import figure_claim
from kzkr_cli.core.conflicts.model import ChangeDetail, Conflict, ConflictKind
from kzkr_cli.core.intervals import percent_change
from kzkr_cli.core.models import Unit
from kzkr_cli.core.store import Store


def arithmetic_conflicts(store: Store) -> Iterator[Conflict]:
    """A stated change against the change its linked before and after figures give.

    A change in percent of figures in another unit is read as relative, (after - before)
    / before; a change in the figures' own unit as their difference. Intervals carry the
    rounding of all three, so a change is flagged only when no rounding reconciles it.
    """
    for figure in store.figures.values():
        if figure.change is None:
            continue
        before = store.figures[figure.change.before]
        after = store.figures[figure.change.after]
        unit = store.metrics[before.metric].unit
        if store.metrics[after.metric].unit is not unit:
            continue
        stated_unit = store.metrics[figure.metric].unit
        b, a, stated = store.interval(before), store.interval(after), store.interval(figure)
        if stated_unit is unit:
            implied = a - b
        elif stated_unit is Unit.PERCENT:
            implied = percent_change(b, a)
        else:
            continue
        if implied.overlaps(stated):
            continue
        claims = (figure_claim(before, b), figure_claim(after, a), figure_claim(figure, stated))
        yield Conflict(
            id=f"{ConflictKind.ARITHMETIC.value}:{figure.id}",
            kind=ConflictKind.ARITHMETIC,
            subject=figure.id,
            severity=min(1.0, implied.relative_gap(stated)),
            claims=claims,
            groups=((before.id, after.id), (figure.id,)),
            detail=ChangeDetail(stated_unit, implied, stated),
            causes=likely_causes(store, claims),
            period=figure.period.label(),
        )
