"""Parts of a whole: a figure of a ``part_of`` metric cannot exceed its whole's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from kzkr_cli.core.conflicts.causes import likely_causes
from kzkr_cli.core.conflicts.figures import figure_claim
from kzkr_cli.core.conflicts.model import Conflict, ConflictKind, PartDetail
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Figure
from kzkr_cli.core.store import Store


def part_conflicts(store: Store) -> Iterator[Conflict]:
    """A part larger than its whole: a figure of a metric that is ``part_of`` another,
    against that metric's figures over spans containing the part's. Each part is compared
    only with the figures of its whole metric."""
    wholes: dict[str, list[Figure]] = defaultdict(list)
    parts_of = {m.id: m.part_of for m in store.metrics.values() if m.part_of is not None}
    if not parts_of:
        return
    wanted = set(parts_of.values())
    for figure in store.figures.values():
        if figure.metric in wanted and figure.period.is_span:
            wholes[figure.metric].append(figure)
    for part in store.figures.values():
        whole_metric = parts_of.get(part.metric)
        if whole_metric is None or not part.period.is_span:
            continue
        p = store.interval(part)
        first, last = part.period.first.first_day(), part.period.last.last_day()
        exceeded = [
            (whole, store.interval(whole))
            for whole in wholes[whole_metric]
            if whole.period.first.first_day() <= first
            and last <= whole.period.last.last_day()
            and p.low > store.interval(whole).high
        ]
        if not exceeded:
            continue
        largest = max(interval.high for _, interval in exceeded)
        severity = min(1.0, Interval.point(largest).relative_gap(p))
        claims = (
            figure_claim(part, p),
            *(figure_claim(whole, interval) for whole, interval in exceeded),
        )
        metric = store.metrics[part.metric]
        yield Conflict(
            id=f"{ConflictKind.ARITHMETIC.value}:{part.id}:part-of-{whole_metric}",
            kind=ConflictKind.ARITHMETIC,
            subject=part.id,
            severity=severity,
            claims=claims,
            groups=((part.id,), tuple(c.fact for c in claims[1:])),
            detail=PartDetail(
                metric.name, store.metrics[whole_metric].name, metric.unit, p, largest
            ),
            causes=likely_causes(store, claims),
            period=part.period.label(),
        )
