"""Figures and ranks: one metric's figures for the same period, compared within it."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator

from kzkr_cli.core.conflicts.agreement import agreeing_groups
from kzkr_cli.core.conflicts.causes import likely_causes
from kzkr_cli.core.conflicts.model import Conflict, ConflictClaim, ConflictKind, FigureDetail
from kzkr_cli.core.dates import DateRange, Dating, PartialDate, days_wide
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Figure, Unit
from kzkr_cli.core.periods import (
    MOMENT_SPAN_DAYS,
    containing,
    same_moment,
    span_days,
    span_label,
)
from kzkr_cli.core.store import Store


def figure_claim(figure: Figure, interval: Interval) -> ConflictClaim:
    """A figure as a claim taking part in a conflict."""
    return ConflictClaim(
        fact=figure.id,
        source=figure.source,
        value=figure.value,
        date=None,
        end=None,
        quote=figure.quote,
        as_written=figure.as_written,
        period=figure.period.label(),
        low=interval.low,
        high=interval.high,
    )


def figure_conflicts(store: Store) -> Iterator[Conflict]:
    """Figures of one metric about the same period, compared at the finest date involved.

    Periods match by ``periods.same_period``, the checker's rule too: spans when they cover
    the same days; moments (``as_of``) when they may be the same moment ("2024" and
    "2024-11-05"; "2024-05..2024-06-10" and "2024-06"; not "no later than 2024-06-10" and
    2015: ``periods.same_moment``). A moment is compared with the
    figures at its own date and at the coarser dates it may coincide with, and a conflict
    is reported at the finer date of the two claims. A one-off metric's figures (a plant's
    cost) are all about one thing, so they are compared whatever their periods.
    """
    spans: dict[tuple[str, dt.date, dt.date], list[_Stated]] = defaultdict(list)
    moments: dict[tuple[str, Dating], list[_Stated]] = defaultdict(list)
    once: dict[str, list[_Stated]] = defaultdict(list)
    for figure in store.figures.values():
        stated = _Stated(figure, store.interval(figure))
        period = figure.period
        if store.metrics[figure.metric].one_off:
            once[figure.metric].append(stated)
        elif period.is_span:
            spans[(figure.metric, *span_days(period))].append(stated)
        else:
            moments[(figure.metric, period.first)].append(stated)
    for metric_id, here in once.items():
        yield from _compare(store, metric_id, "one-off", "one-off", here, [])
    for (metric_id, first, last), here in spans.items():
        label = span_label(first, last)
        yield from _compare(store, metric_id, label, label, here, [])
    ranges: dict[str, _ByFirstDay] = defaultdict(_ByFirstDay)
    datings: dict[str, _ByFirstDay] = defaultdict(_ByFirstDay)
    for metric_id, when in moments:
        datings[metric_id].add(when)
        if isinstance(when, DateRange):
            ranges[metric_id].add(when)
    for (metric_id, when), here in moments.items():
        # Calendar units nest, so a unit's coarser units are its month and year; ranges (and
        # a range's candidates of any kind) are looked up by their first day, within the
        # year a comparison may span.
        near = containing(when) if isinstance(when, PartialDate) else datings[metric_id].near(when)
        ranged = ranges[metric_id].near(when) if metric_id in ranges else []
        coarser = [
            stated
            for date in _coarser(when, [*near, *ranged])
            for stated in moments.get((metric_id, date), ())
        ]
        yield from _compare(store, metric_id, f"as of {when}", f"as-of-{when}", here, coarser)


class _ByFirstDay:
    """Moments sorted by their first possible day, to find those a moment may be compared
    with without scanning them all: such a one starts at most ``MOMENT_SPAN_DAYS`` before
    the moment's last day, and no later than it."""

    def __init__(self) -> None:
        self._items: list[tuple[dt.date, str, Dating]] = []
        self._sorted = True

    def add(self, dating: Dating) -> None:
        self._items.append((dating.first_day(), dating.iso(), dating))
        self._sorted = False

    def near(self, when: Dating) -> list[Dating]:
        if not self._sorted:
            self._items.sort(key=lambda item: (item[0], item[1]))
            self._sorted = True
        last = when.last_day()
        earliest = last - dt.timedelta(days=MOMENT_SPAN_DAYS) if last.year > 1 else last
        low = bisect_left(self._items, (earliest, ""), key=lambda item: (item[0], item[1]))
        high = bisect_right(self._items, (last, "\uffff"), key=lambda item: (item[0], item[1]))
        return [item[2] for item in self._items[low:high]]


def _coarser(when: Dating, candidates: list[Dating]) -> dict[Dating, None]:
    """The dates among ``candidates`` that may be the same moment as ``when`` and are
    coarser than it (more possible days; the later written on a tie), so that each pair of
    moments is compared once, at the finer date (``periods.same_moment``: calendar units
    nest; a range such as "2024-05..2024-06-10", one day within it, may only overlap)."""
    width = days_wide(when)
    return {
        date: None
        for date in candidates
        if date != when
        and same_moment(date, when)
        and (days_wide(date), date.iso()) > (width, when.iso())
    }


class _Stated:
    __slots__ = ("figure", "interval")

    def __init__(self, figure: Figure, interval: Interval) -> None:
        self.figure = figure
        self.interval = interval


def _compare(
    store: Store,
    metric_id: str,
    period: str,
    period_key: str,
    here: list[_Stated],
    coarser: list[_Stated],
) -> Iterator[Conflict]:
    """One conflict when a figure ``here`` admits no value in common with another figure
    here or at a coarser date; the claims are those taking part in such a disagreement."""
    pool = here + coarser
    if len(pool) < 2:
        return
    lowest_high = min(s.interval.high for s in pool)
    highest_low = max(s.interval.low for s in pool)
    if all(s.interval.low <= lowest_high and s.interval.high >= highest_low for s in here):
        return
    here_high = min(s.interval.high for s in here)
    here_low = max(s.interval.low for s in here)
    involved = [s for s in here if s.interval.low > lowest_high or s.interval.high < highest_low]
    involved += [s for s in coarser if s.interval.low > here_high or s.interval.high < here_low]
    involved.sort(key=lambda s: (s.interval.low, s.interval.high, s.figure.id))
    severity = max(_number_severity(s.interval, lowest_high, highest_low) for s in here)
    metric = store.metrics[metric_id]
    kind = ConflictKind.RANK if metric.unit is Unit.RANK else ConflictKind.FIGURE
    claims = tuple(figure_claim(s.figure, s.interval) for s in involved)
    groups = tuple(
        tuple(claims[i].key for i in group)
        for group in agreeing_groups([s.interval for s in involved])
    )
    yield Conflict(
        id=f"{kind.value}:{metric_id}:{period_key}",
        kind=kind,
        subject=metric_id,
        severity=severity,
        claims=claims,
        groups=groups,
        detail=FigureDetail(metric.name, metric.unit),
        causes=likely_causes(store, claims, moments=True),
        period=period,
    )


def _number_severity(interval: Interval, lowest_high: float, highest_low: float) -> float:
    """How far ``interval`` lies from the furthest claim on either side of it."""
    worst = 0.0
    if interval.low > lowest_high:
        worst = max(worst, Interval.point(lowest_high).relative_gap(interval))
    if interval.high < highest_low:
        worst = max(worst, interval.relative_gap(Interval.point(highest_low)))
    return min(1.0, worst)
