"""When two figures speak of the same time, so that comparing them means something."""

from __future__ import annotations

from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.models import Period


def same_period(a: Period, b: Period) -> bool:
    """Spans coincide when they cover exactly the same days ("2023" and "2023-01".."2023-12");
    two as-of dates when they may be the same moment (their dates overlap). A span and a
    moment never coincide."""
    if a.is_span != b.is_span:
        return False
    if a.is_span:
        return a.first.first_day() == b.first.first_day() and a.last.last_day() == b.last.last_day()
    return a.first.overlaps(b.first)


def covers(period: Period, when: PartialDate) -> bool:
    """A span covers ``when`` when it includes all of it; a moment when it falls within it."""
    if period.is_span:
        return (
            period.first.first_day() <= when.first_day()
            and when.last_day() <= period.last.last_day()
        )
    return period.first.overlaps(when)


def span_years(period: Period) -> float:
    """The length of a span in years (a moment has none)."""
    if not period.is_span:
        return 0.0
    days = (period.last.last_day() - period.first.first_day()).days + 1
    return days / 365.2425
