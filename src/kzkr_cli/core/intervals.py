"""Every stated figure is an interval; two figures disagree only when theirs are disjoint."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzkr_cli.core.dates import Dating
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.models import Qualifier

if TYPE_CHECKING:  # the quantity reader's patterns are compiled only where used
    from kzkr_cli.core.numbers import Quantity


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of real numbers; either end may be infinite."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"not an interval: [{self.low}, {self.high}]")

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, other: Interval) -> bool:
        return self.low <= other.low and other.high <= self.high

    def gap(self, other: Interval) -> float:
        """The distance between the nearest ends; 0 when they overlap."""
        if self.overlaps(other):
            return 0.0
        return other.low - self.high if self.high < other.low else self.low - other.high

    def relative_gap(self, other: Interval) -> float:
        """The gap as a share of the larger magnitude at the facing ends (0 when overlapping)."""
        gap = self.gap(other)
        if gap == 0:
            return 0.0
        ends = (self.high, other.low) if self.high < other.low else (self.low, other.high)
        scale = max(abs(ends[0]), abs(ends[1]))
        return gap / scale if scale else math.inf

    def widen(self, amount: float) -> Interval:
        return Interval(self.low - amount, self.high + amount)

    def __mul__(self, other: Interval) -> Interval:
        products = [
            a * b
            for a in (self.low, self.high)
            for b in (other.low, other.high)
            if not (math.isinf(a) and b == 0) and not (math.isinf(b) and a == 0)
        ]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            return Interval(-math.inf, math.inf)
        return self * Interval(1 / other.high, 1 / other.low)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def label(self) -> str:
        return f"[{human_number(self.low)}, {human_number(self.high)}]"


def percent_change(before: Interval, after: Interval) -> Interval:
    """The change from ``before`` to ``after`` in percent, ``(after / before - 1) * 100``,
    with each interval entering once: written as ``(after - before) / before`` it would
    count ``before`` twice and allow changes no pair of values gives (the dependency
    problem of interval arithmetic)."""
    return (after / before - Interval.point(1)) * Interval.point(100)


def interval_of(
    value: float, step: float, qualifier: Qualifier, tolerance: float = 0.0
) -> Interval:
    """The values a figure written to ``step`` and hedged by ``qualifier`` admits.

    Exact: ± half a step (the rounding of its last digit). About: ± a whole step, but never
    more than half the value ("about 1 billion" is 0.5 to 1.5 billion, not 0 to 2: an
    approximate amount is not one that may be nothing or double) nor less than exact.
    More than / at least: from the value up; nearly / less than / up to: from the value
    down (mirrored for a negative change). Top-N: ranks 1..N. ``tolerance`` widens
    finite ends by that share of the value.
    """
    slack = tolerance * abs(value)
    if qualifier is Qualifier.TOP:
        return Interval(1.0, value + slack)
    if qualifier in (Qualifier.EXACT, Qualifier.ABOUT):
        half = (
            step / 2 if qualifier is Qualifier.EXACT else max(step / 2, min(step, abs(value) / 2))
        )
        return Interval(value - half - slack, value + half + slack)
    upward = qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
    if value < 0:
        upward = not upward
    if upward:
        return Interval(value - slack, math.inf)
    return Interval(-math.inf, value + slack)


def day_span(first: Dating, last: Dating | None = None) -> Interval:
    """The days from the start of ``first`` to the end of ``last`` (or of ``first``), as
    ordinal day numbers: how dates at any precision are compared."""
    end = first if last is None else last
    return Interval(first.first_day().toordinal(), end.last_day().toordinal())


def quantity_interval(quantity: Quantity, tolerance: float = 0.0) -> Interval:
    return interval_of(quantity.value, quantity.step, quantity.qualifier, tolerance)
