"""The everyday questions: what happened when, and what each source says a figure is."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kzkr_cli.core.conflicts import Conflict
from kzkr_cli.core.dates import Dating, PartialDate
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Event, EventKind, Figure, Metric
from kzkr_cli.core.periods import covers, same_period
from kzkr_cli.core.store import Store
from kzkr_cli.core.vocabulary import metrics_also_named, resolve_metric


def parse_when(text: str, option: str) -> PartialDate:
    """A --from/--to/--year value: a year, a year-month or a date."""
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise QueryError(f"{option}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    since: PartialDate | None = None
    until: PartialDate | None = None
    kind: EventKind | None = None
    actor: str | None = None
    source: str | None = None
    grep: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    event: Event
    dates_differ: bool
    in_conflict: bool


def _mentions(haystacks: list[str | None], needle: str) -> bool:
    folded = needle.casefold()
    return any(h is not None and folded in h.casefold() for h in haystacks)


def _may_start_within(date: Dating, query: TimelineQuery) -> bool:
    if query.since is not None and date.last_day() < query.since.first_day():
        return False
    return query.until is None or date.first_day() <= query.until.last_day()


def timeline(store: Store, query: TimelineQuery, conflicted: set[str]) -> list[TimelineEntry]:
    """Events in chronological order by their most precise date, filtered by ``query``."""
    if query.source is not None and query.source not in store.sources:
        raise unknown_name("source", query.source, store.sources)
    if (
        query.since is not None
        and query.until is not None
        and query.since.first_day() > query.until.last_day()
    ):
        return []  # an empty window: not even an event dated only to the year falls in it
    entries = []
    for event in store.events.values():
        # The days the event may have started on, by any of its sources: it is listed when
        # any of them falls in the window, so an event dated only to 2024, or to
        # "..2024-11-05", is listed for June, and one dated 2003 by one source and 2009 by
        # another is listed for either year.
        if not any(_may_start_within(c.date, query) for c in event.claims):
            continue
        if query.kind is not None and event.kind is not query.kind:
            continue
        if query.actor is not None and not _mentions(list(event.actors), query.actor):
            continue
        if query.source is not None and query.source not in event.sources:
            continue
        if query.grep is not None and not _mentions(
            [event.title, event.place, event.note, *event.actors, *(c.quote for c in event.claims)],
            query.grep,
        ):
            continue
        spans = {(c.date, c.end) for c in event.claims}
        entries.append(TimelineEntry(event, len(spans) > 1, event.id in conflicted))
    entries.sort(key=lambda e: (e.event.headline.date.sort_key(), e.event.id))
    return entries


@dataclass(frozen=True, slots=True)
class FigureRow:
    figure: Figure
    interval: Interval
    in_conflict: bool


@dataclass(frozen=True, slots=True)
class PeriodGroup:
    """Figures of one metric for the same period, as the conflict engine would compare
    them: only within such a group do a spread or a chart of values mean something."""

    rows: list[FigureRow]
    low: float
    high: float
    spread: float | None
    """(high - low) as a share of the larger magnitude; None when that is not finite."""

    @property
    def label(self) -> str:
        return self.rows[0].figure.period.label()


@dataclass(frozen=True, slots=True)
class FigureComparison:
    """Every source's claim for one metric, and whether they agree."""

    metric: Metric
    rows: list[FigureRow]
    agree: bool
    """False when a reported conflict sets two of the listed figures against each other."""
    groups: list[PeriodGroup] = field(default_factory=list)
    """The rows by period, in the order of ``rows``; figures of different periods are
    never set side by side."""


def compare_figures(
    store: Store,
    metric: Metric,
    conflicts: Sequence[Conflict],
    year: int | None = None,
    source: str | None = None,
) -> FigureComparison:
    """The metric's figures, oldest period first; ``year`` keeps those whose period covers it."""
    if source is not None and source not in store.sources:
        raise unknown_name("source", source, store.sources)
    when = PartialDate(year) if year is not None else None
    conflicted = {claim.fact for conflict in conflicts for claim in conflict.claims}
    rows = [
        FigureRow(figure, store.interval(figure), figure.id in conflicted)
        for figure in store.figures_of(metric.id)
        if (when is None or covers(figure.period, when))
        and (source is None or figure.source == source)
    ]
    rows.sort(
        key=lambda r: (
            r.figure.period.first.sort_key(),
            r.figure.period.last.sort_key(),
            store.sources[r.figure.source].published.sort_key(),
            r.figure.id,
        )
    )
    listed = {r.figure.id for r in rows}
    agree = not any(
        len({claim.fact for claim in conflict.claims} & listed) > 1 for conflict in conflicts
    )
    return FigureComparison(metric, rows, agree, _period_groups(rows))


def compare_all(
    store: Store,
    conflicts: Sequence[Conflict],
    year: int | None = None,
    source: str | None = None,
) -> list[FigureComparison]:
    """``compare_figures`` for every metric with a figure that passes the filters."""
    compared = [compare_figures(store, m, conflicts, year, source) for m in store.metrics.values()]
    return [c for c in compared if c.rows]


def _period_groups(rows: list[FigureRow]) -> list[PeriodGroup]:
    groups: list[list[FigureRow]] = []
    for row in rows:
        home = next((g for g in groups if same_period(g[0].figure.period, row.figure.period)), None)
        if home is None:
            groups.append([row])
        else:
            home.append(row)
    return [_group(g) for g in groups]


def _group(rows: list[FigureRow]) -> PeriodGroup:
    values = [r.figure.value for r in rows]
    low, high = min(values), max(values)
    scale = max(abs(low), abs(high))
    spread = (high - low) / scale if scale else 0.0
    return PeriodGroup(rows, low, high, spread if math.isfinite(spread) else None)


def unknown_name(kind: str, name: str, known: Iterable[str]) -> QueryError:
    """ "unknown source 'x'; did you mean y?": the error every option that takes a name gives."""
    names = list(known)
    starting = [n for n in names if n.startswith(name)] if name else []
    close = list(
        dict.fromkeys([*starting, *difflib.get_close_matches(name, names, n=5, cutoff=0.6)])
    )[:5]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return QueryError(f"unknown {kind} {name!r}{hint}", close)


def years_label(years: Iterable[int]) -> str:
    """Years as runs: 2006–2024, 2026."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def why_no_figures(
    store: Store, metrics: Sequence[Metric], year: int | None, source: str | None
) -> str:
    """What matched nothing, and which years would match."""
    what = " or ".join(m.id for m in metrics) if metrics else "any metric"
    asked = [f"for {year}" if year is not None else "", f"from {source}" if source else ""]
    candidates = [
        f
        for f in store.figures.values()
        if (not metrics or f.metric in {m.id for m in metrics})
        and (source is None or f.source == source)
    ]
    if not candidates:
        whose = f" from {source}" if source else ""
        return f"no figure of {what}{whose}; none is recorded"
    years: set[int] = set()
    within: dict[str, None] = {}
    for f in candidates:
        first, last = f.period.first.first_day().year, f.period.last.last_day().year
        if not f.period.is_span and first != last:
            whole = []  # a moment lies within one year, or within none it is sure of
        else:
            whole = [y for y in range(first, last + 1) if covers(f.period, PartialDate(y))]
        years.update(whole)
        if not whole:
            within.setdefault(f.period.label(), None)
    owner = "its" if metrics else "the store's"
    whose = f" from {source}" if source else ""
    filters = " ".join(a for a in asked if a)
    found = f"cover {years_label(years)}" if years else "cover no whole year"
    shorter = sorted(within)
    if shorter:
        more = f" and {len(shorter) - 5} more" if len(shorter) > 5 else ""
        found += f"; shorter periods: {', '.join(shorter[:5])}{more}"
    return f"no figure of {what} {filters}; {owner} figures{whose} {found}"


def why_no_events(store: Store, query: TimelineQuery) -> str:
    """What matched nothing, and what the timeline holds."""
    if (
        query.since is not None
        and query.until is not None
        and query.since.first_day() > query.until.last_day()
    ):
        return f"--from {query.since} is after --to {query.until}"
    asked = [
        f"--from {query.since}" if query.since else "",
        f"--to {query.until}" if query.until else "",
        f"--kind {query.kind.value}" if query.kind else "",
        f"--actor {query.actor!r}" if query.actor is not None else "",
        f"--source {query.source}" if query.source else "",
        f"--grep {query.grep!r}" if query.grep is not None else "",
    ]
    filters = " ".join(a for a in asked if a) or "the query"
    dates = [e.headline.date for e in store.events.values()]
    if not dates:
        return "no event matches: the store records no events"
    first = min(dates, key=lambda d: d.sort_key())
    last = max(dates, key=lambda d: d.sort_key())
    return f"no event matches {filters}; the store's {len(dates)} events run from {first} to {last}"


@dataclass(frozen=True, slots=True)
class FigureAnswer:
    """What ``kzkr figure`` shows: the comparisons, and other metrics the name could mean
    that have figures passing the same filters."""

    comparisons: list[FigureComparison]
    also: list[Metric]
    asked: list[Metric]


def answer_figures(
    store: Store,
    name: str | None,
    conflicts: Sequence[Conflict],
    year: int | None = None,
    source: str | None = None,
) -> FigureAnswer:
    """One metric's figures by id or alias (naming the others the word fits), or, with no
    name, every metric's that pass the filters."""
    if name is None:
        return FigureAnswer(compare_all(store, conflicts, year, source), [], [])
    chosen = resolve_metric(store, name)
    comparison = compare_figures(store, chosen, conflicts, year, source)
    also = [
        m
        for m in metrics_also_named(store, name, chosen)
        if compare_figures(store, m, conflicts, year, source).rows
    ]
    return FigureAnswer([comparison] if comparison.rows else [], also, [chosen])
