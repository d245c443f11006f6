"""When claims agree: the sets of values or days they allow share a point."""

from __future__ import annotations

from collections.abc import Sequence

from kzkr_cli.core.intervals import Interval


def agreeing_groups(intervals: Sequence[Interval]) -> list[tuple[int, ...]]:
    """The maximal sets of ``intervals`` that share a value, as sorted index tuples, in
    order along the line. Intervals that overlap pairwise share a value, so these are
    exactly the largest sets of claims that can all be true; one group means no conflict.
    """
    sweep = sorted(
        [(iv.low, 0, i) for i, iv in enumerate(intervals)]
        + [(iv.high, 1, i) for i, iv in enumerate(intervals)]
    )
    active: dict[int, None] = {}
    grew = False
    groups: list[tuple[int, ...]] = []
    for _, is_end, index in sweep:
        if not is_end:
            active[index] = None
            grew = True
            continue
        if grew:
            groups.append(tuple(sorted(active)))
            grew = False
        del active[index]
    return groups


def agreeing_boxes(boxes: Sequence[tuple[Interval, Interval]]) -> list[tuple[int, ...]]:
    """The maximal sets of (start, end) boxes with a common point. A common point's start
    can be taken at some box's earliest start, so each of those is tried in turn."""
    found: set[tuple[int, ...]] = set()
    for x in sorted({start.low for start, _ in boxes}):
        across = [i for i, (start, _) in enumerate(boxes) if start.low <= x <= start.high]
        for group in agreeing_groups([boxes[i][1] for i in across]):
            found.add(tuple(sorted(across[j] for j in group)))
    maximal = [g for g in found if not any(set(g) < set(h) for h in found)]
    return sorted(maximal, key=lambda g: (min(boxes[i][0].low for i in g), g))


def common(intervals: Sequence[Interval]) -> Interval | None:
    """What every interval allows, or None when they share no value."""
    low = max(iv.low for iv in intervals)
    high = min(iv.high for iv in intervals)
    return Interval(low, high) if low <= high else None
