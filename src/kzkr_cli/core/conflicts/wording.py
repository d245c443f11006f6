"""The sentences a journalist pastes: one explanation per finished conflict, and the number,
range and duration phrases the claim checker words its findings with too."""

from __future__ import annotations

import math
from collections.abc import Iterable

from kzkr_cli.core.conflicts.agreement import common
from kzkr_cli.core.conflicts.model import (
    DAYS_PER_YEAR,
    ChangeDetail,
    Conflict,
    DateDetail,
    FigureDetail,
    OddOneOut,
    PartDetail,
)
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Unit


def explain(conflict: Conflict) -> str:
    """The conflict in one sentence, followed by its likely causes."""
    detail = conflict.detail
    if isinstance(detail, FigureDetail):
        text = _figures(conflict, detail)
    elif isinstance(detail, DateDetail):
        text = _dates(conflict, detail)
    elif isinstance(detail, ChangeDetail):
        text = _change(conflict, detail)
    else:
        text = _part(conflict, detail)
    if conflict.causes:
        text += f" Likely cause: {'; '.join(conflict.causes)}."
    return text


def explain_odd_one_out(odd: OddOneOut) -> str:
    """One sentence naming every check a lone claim fails."""
    checks = join(_check_name(c) for c in odd.conflicts)
    return (
        f"{odd.claim.label(with_period=odd.claim.period is not None)} is the odd one out in"
        f" {len(odd.conflicts)} checks: {checks}."
    )


def _check_name(conflict: Conflict) -> str:
    """The check by its kind and subject: read from the result's fields alone, so a
    conflict read back from the compiled store words the same."""
    period = f", {conflict.period}" if conflict.period else ""
    return f"the {conflict.kind.value} check on {conflict.subject}{period} ({conflict.id})"


def _figures(conflict: Conflict, detail: FigureDetail) -> str:
    periods = {claim.period for claim in conflict.claims}
    parts = []
    for side in conflict.sides():
        shared = common([c.interval for c in side if c.interval is not None])
        names = join(claim.label(with_period=len(periods) > 1) for claim in side)
        verb = "allows" if len(side) == 1 else "allow"
        allowed = range_text(shared, detail.unit) if shared is not None else "nothing in common"
        parts.append(f"{names} {verb} {allowed}")
    both = "both" if len(parts) == 2 else "them all"
    return (
        f"{detail.metric_name}, {conflict.period}: {'; '.join(parts)}. No single value fits"
        f" {both}; {_widest_gap(conflict, detail.unit)}."
    )


def _widest_gap(conflict: Conflict, unit: Unit) -> str:
    """How far apart: for ranks in places ("one place apart"), since a share of a rank
    means nothing; otherwise as a share of the larger value."""
    if unit is Unit.RANK:
        intervals = [c.interval for c in conflict.claims if c.interval is not None]
        places = max(i.low for i in intervals) - min(i.high for i in intervals)
        count = f"{places:.0f}"
        named = {"1": "one place", "2": "two places", "3": "three places"}
        return f"the widest gap is {named.get(count, f'{count} places')}"
    return f"the widest gap is {share(conflict.severity)} of the larger value"


def _dates(conflict: Conflict, detail: DateDetail) -> str:
    starts, ends = detail.starts_differ, detail.ends_differ
    part = "dates" if starts and ends else "start dates" if starts else "end dates"
    sides = conflict.sides()
    dated = " vs ".join(join(claim.label() for claim in side) for side in sides)
    up_to = "" if len(sides) == 2 else "up to "
    derived = [
        f"{c.source} derives its date ({c.derivation})" for c in conflict.claims if c.derivation
    ]
    shown = f" {'; '.join(derived)}." if derived else ""
    return (
        f"{detail.event_title}: dated {dated}; the {part} differ by"
        f" {up_to}{duration(detail.gap_days)}.{shown}"
    )


def _change(conflict: Conflict, detail: ChangeDetail) -> str:
    before, after, stated = conflict.claims
    return (
        f"{after.label()} against {before.label()} is a change of"
        f" {range_text(detail.implied, detail.unit)}, allowing for their rounding, but"
        f" {stated.label()} allows {range_text(detail.stated, detail.unit)}; the gap is"
        f" {share(conflict.severity)} of the larger value."
    )


def _part(conflict: Conflict, detail: PartDetail) -> str:
    part, *wholes = conflict.claims
    return (
        f"{part.label(with_period=True)} for {detail.part_name} is more than"
        f" {join(c.label(with_period=True) for c in wholes)} give for {detail.whole_name}"
        " over a span containing it, and a part cannot exceed its whole"
        f" ({range_text(detail.part, detail.unit)} against at most"
        f" {amount(detail.largest_whole, detail.unit)}); the gap is"
        f" {share(conflict.severity)} of the larger value."
    )


def join(names: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    listed = list(names)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


def share(fraction: float) -> str:
    percent = fraction * 100
    return f"{percent:.0f}%" if percent >= 10 else f"{percent:.2g}%"


def amount(value: float, unit: Unit) -> str:
    """A value for people; a derived fraction (a computed change) to four figures."""
    text = human_number(value if value.is_integer() else float(f"{value:.4g}"))
    if unit is Unit.USD:
        return f"-${text[1:]}" if text.startswith("-") else f"${text}"
    if unit is Unit.PERCENT:
        return f"{text}%"
    if unit in (Unit.COUNT, Unit.RANK):
        return text
    return f"{text} {unit.value}"


def range_text(interval: Interval, unit: Unit) -> str:
    low, high = interval.low, interval.high
    noun = "rank " if unit is Unit.RANK else ""
    if math.isinf(low) and math.isinf(high):
        return "any value"
    if math.isinf(low):
        return f"{noun}at most {amount(high, unit)}"
    if math.isinf(high):
        return f"{noun}at least {amount(low, unit)}"
    if low == high:
        return f"{noun}{amount(low, unit)} only"
    if unit is Unit.RANK:
        return f"ranks {amount(low, unit)} to {amount(high, unit)}"
    return f"{amount(low, unit)} to {amount(high, unit)}"


def duration(days: float) -> str:
    if days < 60:
        return f"{days:.0f} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"{days / (DAYS_PER_YEAR / 12):.0f} months"
    return f"{days / DAYS_PER_YEAR:.1f} years"
