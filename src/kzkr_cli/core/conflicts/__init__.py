"""The conflict engine: where sources disagree beyond the precision they state.

Every claim stands for the set of values it allows: a figure its interval (precision,
qualifier, the metric's tolerance), a date claim the days its start and its end may fall
on. Two claims disagree only when those sets are disjoint. Claims are grouped first (by
metric and period, by event, by stated change) and compared only within their group, so
the work grows with the store, not with its square.

One module per detector (``figures``, ``dates``, ``arithmetic``, ``parts``); ``agreement``
holds the rule of when claims agree, ``causes`` what the records show as likely causes,
``wording`` the sentences, ``model`` the results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kzkr_cli.core.conflicts.agreement import agreeing_groups
from kzkr_cli.core.conflicts.model import (
    DAYS_PER_YEAR,
    ClaimRef,
    Conflict,
    ConflictClaim,
    ConflictKind,
    ConflictQuery,
    OddOneOut,
)

if TYPE_CHECKING:
    from kzkr_cli.core.store import Store

__all__ = [
    "DAYS_PER_YEAR",
    "ClaimRef",
    "Conflict",
    "ConflictClaim",
    "ConflictKind",
    "ConflictQuery",
    "Disagreements",
    "OddOneOut",
    "agreeing_groups",
    "conflicting_records",
    "find_conflicts",
    "odd_ones_out",
]


def find_conflicts(store: Store, query: ConflictQuery | None = None) -> list[Conflict]:
    """Every disagreement in the store, most severe first.

    Severity: for figures, ranks and arithmetic, the gap between the nearest values two
    claims allow as a share of the larger (capped at 1); for dates, ``g / (g + 1 year)``
    where ``g`` is the gap in days between the nearest days the two claims allow.
    """
    # The detectors load here, not with the result types: a command that reads stored
    # conflicts (the compiled store) never imports them.
    from kzkr_cli.core.conflicts.arithmetic import arithmetic_conflicts
    from kzkr_cli.core.conflicts.dates import date_conflicts
    from kzkr_cli.core.conflicts.figures import figure_conflicts
    from kzkr_cli.core.conflicts.parts import part_conflicts
    from kzkr_cli.core.conflicts.selection import checked_query, selected

    query = query or ConflictQuery()
    metric = checked_query(store, query)
    found = [
        *figure_conflicts(store),
        *date_conflicts(store),
        *arithmetic_conflicts(store),
        *part_conflicts(store),
    ]
    chosen = [c for c in found if selected(store, c, query, metric)]
    chosen.sort(key=lambda c: (-c.severity, c.id))
    return chosen


def conflicting_records(conflicts: Iterable[Conflict]) -> set[str]:
    """The ids of every figure and event that takes part in one of ``conflicts``."""
    return {claim.fact for conflict in conflicts for claim in conflict.claims}


def odd_ones_out(conflicts: Sequence[Conflict]) -> list[OddOneOut]:
    """Claims alone on their side in two or more of ``conflicts``, in the order of the first
    conflict each stands out in."""
    alone: dict[ClaimRef, list[Conflict]] = defaultdict(list)
    claims: dict[ClaimRef, ConflictClaim] = {}
    for conflict in conflicts:
        for side in conflict.sides():
            if len(side) == 1:
                alone[side[0].ref].append(conflict)
                claims.setdefault(side[0].ref, side[0])
    return [OddOneOut(claims[ref], tuple(found)) for ref, found in alone.items() if len(found) > 1]


class Disagreements:
    """Which records the engine reports in conflict, and on which side: what the claim
    checker asks, through typed references rather than keys both sides must spell alike."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = list(conflicts)
        sides: dict[ClaimRef, list[tuple[int, int]]] = defaultdict(list)
        for number, conflict in enumerate(self.conflicts):
            for side, group in enumerate(conflict.side_refs()):
                for ref in group:
                    sides[ref].append((number, side))
        self._sides = dict(sides)

    def involving(self, refs: Iterable[ClaimRef]) -> list[Conflict]:
        """The conflicts any of ``refs`` takes part in, in the engine's order."""
        numbers = {number for ref in refs for number, _ in self._sides.get(ref, [])}
        return [self.conflicts[number] for number in sorted(numbers)]

    def among(self, refs: Iterable[ClaimRef]) -> Conflict | None:
        """A conflict with records among ``refs`` on two of its sides, if any."""
        touched: dict[int, set[int]] = defaultdict(set)
        for ref in refs:
            for number, side in self._sides.get(ref, []):
                touched[number].add(side)
        for number, sides in sorted(touched.items()):
            if len(sides) >= 2:
                return self.conflicts[number]
        return None
