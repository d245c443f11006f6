"""Results of the core turned into listings: what each command shows, in every format."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kzkr_cli.core.conflicts import Conflict, ConflictKind, OddOneOut, odd_ones_out
from kzkr_cli.core.contract import check_object, conflict_object, event_object, figure_object
from kzkr_cli.core.dates import Dating, span_text
from kzkr_cli.core.drafts import event_is_draft
from kzkr_cli.core.formatting import human_number
from kzkr_cli.core.models import Metric, Status
from kzkr_cli.core.provenance import Described
from kzkr_cli.core.query import FigureComparison, TimelineEntry
from kzkr_cli.core.sources import SourceSummary
from kzkr_cli.core.store import Store
from kzkr_cli.render.listing import Cell, Column, Listing, Style

if TYPE_CHECKING:
    from kzkr_cli.core.checker import CheckResult, Evidence


def timeline_listing(entries: list[TimelineEntry]) -> Listing:
    rows: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    styles: list[Style] = []
    for entry in entries:
        event = entry.event
        headline = event.headline
        if entry.dates_differ:
            dated: list[str] = [f"{c.source} {_span(c.date, c.end)}" for c in event.claims]
        else:
            dated = list(event.sources)
        # Sources that date an event differently at different precisions still agree; the
        # mark says only when their dates cannot all be true.
        mark = _marks(
            "conflict" if entry.in_conflict else "",
            "draft" if event_is_draft(event) else "",
            "planned" if all(c.planned for c in event.claims) else "",
        )
        rows.append(
            {
                "date": headline.date.iso(),
                "end": headline.end.iso() if headline.end else None,
                "when": _span(headline.date, headline.end),
                "kind": event.kind.value,
                "id": event.id,
                "title": event.title,
                "sources": dated,
                "mark": mark,
            }
        )
        obj = event_object(event)
        obj["conflict"] = entry.in_conflict
        obj["dates_differ"] = entry.dates_differ
        objects.append(obj)
        styles.append(Style.CONFLICT if entry.in_conflict else Style.PLAIN)
    return Listing(
        columns=[
            Column("when", "Date", no_wrap=True, in_rows=False),
            Column("date", "Date", in_table=False),
            Column("end", "End", in_table=False),
            Column("kind", "Kind", priority=3, fold_into="when"),
            Column("id", "Event", in_table=False),
            Column("title", "Title"),
            Column("sources", "Sources", priority=1),
            Column("mark", "Mark", priority=2, fold_into="when"),
        ],
        rows=rows,
        objects=objects,
        title="Timeline",
        styles=styles,
    )


def figure_listing(
    store: Store,
    comparisons: Sequence[FigureComparison],
    *,
    quotes: bool,
    across: bool = False,
    year: int | None = None,
    source: str | None = None,
) -> Listing:
    """One metric's figures, or (``across``, for a --year or --source without a metric)
    every metric's, grouped by metric."""
    several = len(comparisons) > 1
    units = {c.metric.unit.value for c in comparisons}
    unit = units.pop() if len(units) == 1 else ""
    rows: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    styles: list[Style] = []
    ends: list[int] = []
    for comparison in comparisons:
        for row in comparison.rows:
            figure = row.figure
            rows.append(
                {
                    "metric": figure.metric,
                    "id": figure.id,
                    "as_written": figure.as_written,
                    "value": figure.value,
                    "unit": comparison.metric.unit.value,
                    "qualifier": figure.qualifier.value,
                    "period": figure.period.label(),
                    "source": figure.source,
                    "published": store.sources[figure.source].published.iso(),
                    "mark": _marks(
                        "conflict" if row.in_conflict else "",
                        "draft" if figure.status is Status.DRAFT else "",
                        "period inferred" if figure.period.inferred else "",
                    ),
                    "quote": figure.quote,
                }
            )
            obj = figure_object(store, figure)
            obj["conflict"] = row.in_conflict
            objects.append(obj)
            styles.append(Style.CONFLICT if row.in_conflict else Style.PLAIN)
        ends.append(len(rows) - 1)
    columns = [
        Column("metric", "Metric", in_table=several, in_rows=False),
        Column("period", "Period"),
        Column("as_written", "As written", priority=1),
        Column("value", f"Value ({unit})" if unit else "Value", numeric=True, no_wrap=True),
        Column(
            "unit",
            "Unit",
            in_table=several and not unit,
            in_rows=False,
            priority=1,
            fold_into="value",
        ),
        Column("source", "Source"),
        Column("published", "Published", no_wrap=True, priority=3, fold_into="source"),
        Column("id", "Figure", in_table=False),
        Column("mark", "Mark", priority=2, fold_into="period"),
        Column("metric", "Metric", in_table=False),  # last in rows, so columns keep their place
    ]
    if quotes:
        columns.append(Column("quote", "Quote", priority=1))
    if across:
        asked = [f"for {year}" if year else "", f"from {source}" if source else ""]
        title = " ".join(["Figures", *(a for a in asked if a)])
    else:
        chosen = comparisons[0].metric
        title = f"{chosen.name} ({chosen.id})"
    summary = [
        (f"{c.metric.id}: " if several else "") + _summary_line(c, c.metric.unit.value)
        for c in comparisons
    ]
    return Listing(
        columns=columns,
        rows=rows,
        objects=objects,
        title=title,
        summary=summary,
        chart=[
            [(f"{r.figure.source} {r.figure.period.label()}", r.figure.value) for r in g.rows]
            for c in comparisons
            for g in c.groups
            if len(g.rows) > 1
        ],
        chart_unit=unit,
        styles=styles,
        section_ends=frozenset(ends[:-1]) if several else frozenset(),
    )


def _marks(*marks: str) -> str:
    return ", ".join(m for m in marks if m)


def _span(start: Dating, end: Dating | None) -> str:
    return span_text(start, end)


def _summary_line(comparison: FigureComparison, unit: str) -> str:
    """How many figures, whether they agree, and per period what range they give."""
    count = len(comparison.rows)
    sources = len({r.figure.source for r in comparison.rows})
    verdict = (
        "agree within their stated precision"
        if comparison.agree
        else "DISAGREE (see kzkr conflicts --metric " + comparison.metric.id + ")"
    )
    groups = comparison.groups
    spreads = []
    for group in groups:
        if len(group.rows) < 2:
            continue
        where = f"{group.label}: " if len(groups) > 1 else ""
        if group.low == group.high:
            spreads.append(f"{where}all give {human_number(group.low)} {unit}")
        else:
            relative = f" ({group.spread:.1%})" if group.spread is not None else ""
            spreads.append(
                f"{where}spread {human_number(group.low)}–{human_number(group.high)} {unit}"
                f"{relative}"
            )
    spread = "".join(f"; {s}" for s in spreads)
    periods = f" over {len(groups)} periods" if len(groups) > 1 else ""
    figures = f"{count} figure{'s' if count != 1 else ''}"
    from_sources = f"{sources} source{'s' if sources != 1 else ''}"
    return f"{figures} from {from_sources}{periods}: {verdict}{spread}"


def metrics_listing(metrics: Sequence[Metric], counts: Mapping[str, int]) -> Listing:
    """The vocabulary, with how many figures each metric has (``counts``)."""
    rows = [
        {
            "id": m.id,
            "name": m.name,
            "unit": m.unit.value,
            "aliases": ", ".join(m.aliases),
            "figures": counts.get(m.id, 0),
        }
        for m in metrics
    ]
    return Listing(
        columns=[
            Column("id", "Metric"),
            Column("aliases", "Aliases", priority=3),
            Column("unit", "Unit", priority=2),
            Column("figures", "Figures", numeric=True, priority=1),
            Column("name", "Name", priority=1),
        ],
        rows=rows,
        objects=[m.model_dump(mode="json") | {"figures": counts.get(m.id, 0)} for m in metrics],
        title="Metrics",
    )


def record_listing(described: Described) -> Listing:
    rows = [{"field": key, "value": value} for key, value in described.fields]
    return Listing(
        columns=[Column("field", "Field"), Column("value", "Value")],
        rows=rows,
        objects=described.obj,
        title=described.title,
    )


def sources_listing(summaries: list[SourceSummary]) -> Listing:
    return Listing(
        columns=[
            Column("id", "Source"),
            Column("kind", "Kind", priority=3, fold_into="publisher"),
            Column("published", "Published", no_wrap=True, priority=1),
            Column("publisher", "Publisher", priority=2),
            Column("figures", "Figures", numeric=True, priority=1),
            Column("events", "Events", numeric=True, priority=1),
            Column("title", "Title", priority=2),
            Column("document", "Document", priority=4),
        ],
        rows=summaries,
        objects=summaries,
        title="Sources",
    )


def _claims(conflict: Conflict, drafts: frozenset[str]) -> list[str]:
    """One line per agreeing group; each claim's period too when the periods differ, and
    a draft marked as one."""
    dated = len({claim.period for claim in conflict.claims}) > 1
    return [
        ", ".join(
            claim.label(with_period=dated) + (" draft" if claim.key in drafts else "")
            for claim in side
        )
        for side in conflict.sides()
    ]


def conflicts_listing(
    found: Sequence[Conflict], drafts: frozenset[str] = frozenset(), *, explain: bool
) -> Listing:
    """The conflicts, most severe first; ``drafts`` are the keys of draft claims. A claim
    that is the odd one out in several of them is one finding, under the table and beside
    each conflict it takes part in (``odd_one_out``)."""
    odd = odd_ones_out(found)
    finding = {c.id: o for o in odd for c in o.conflicts}
    rows: list[dict[str, Cell]] = [
        {
            "id": conflict.id,
            "kind": conflict.kind.value,
            "severity": round(conflict.severity, 3),
            "subject": conflict.subject,
            "period": conflict.period,
            "claims": _claims(conflict, drafts),
            "explanation": conflict.explanation,
            "odd_one_out": finding[conflict.id].explanation if conflict.id in finding else "",
        }
        for conflict in found
    ]
    counts = Counter(conflict.kind for conflict in found)
    by_kind = ", ".join(f"{counts[kind]} {kind.value}" for kind in ConflictKind if counts[kind])
    total = len(found)
    return Listing(
        columns=[
            Column("id", "Conflict", in_table=False),
            Column("severity", "Severity", numeric=True, priority=1, fold_into="subject"),
            Column("kind", "Kind", no_wrap=True, priority=2, fold_into="subject"),
            Column("subject", "Subject"),
            Column("period", "Period", priority=1, fold_into="subject"),
            Column("claims", "Claims that cannot all be right", in_table=not explain),
            Column("explanation", "Explanation", in_table=explain),
            Column("odd_one_out", "Odd one out", in_table=False),
        ],
        rows=rows,
        objects=[
            conflict_object(conflict)
            | {"drafts": [c.key for c in conflict.claims if c.key in drafts]}
            | {"odd_one_out": _odd_object(finding.get(conflict.id))}
            for conflict in found
        ],
        title="Conflicts",
        summary=[
            f"{total} conflict{'s' if total != 1 else ''} ({by_kind})",
            *(o.explanation for o in odd),
        ],
    )


def _odd_object(odd: OddOneOut | None) -> dict[str, Any] | None:
    if odd is None:
        return None
    return {
        "claim": odd.claim.key,
        "conflicts": [c.id for c in odd.conflicts],
        "explanation": odd.explanation,
    }


_VERDICT_STYLE = {
    "supported": Style.GOOD,
    "contradicted": Style.BAD,
    "disputed": Style.CONFLICT,
    "unverifiable": Style.MUTED,
}


def _evidence(item: Evidence) -> str:
    draft = ", draft" if item.status is Status.DRAFT else ""
    return f"{item.fact} ({item.source}{draft})"


def check_listing(results: list[CheckResult], *, single: bool) -> Listing:
    columns = [
        Column("verdict", "Verdict", no_wrap=True),
        Column("claim", "Claim"),
        Column("explanation", "Explanation", priority=1),
        Column("evidence", "Evidence", priority=2, fold_into="explanation"),
    ]
    if not single:
        columns.insert(0, Column("line", "Line", numeric=True))
    rows = [
        {
            "line": r.line,
            "verdict": r.verdict.value,
            "claim": r.claim,
            "explanation": r.explanation,
            "evidence": ", ".join(dict.fromkeys(_evidence(e) for e in r.evidence)),
        }
        for r in results
    ]
    objects = [check_object(r, position=not single) for r in results]
    counts = Counter(r.verdict.value for r in results)
    summary = ", ".join(f"{n} {v}" for v in _VERDICT_STYLE if (n := counts[v]))
    return Listing(
        columns=columns,
        rows=rows,
        objects=objects[0] if single else objects,
        title="Claim check",
        summary=[summary] if summary else [],
        styles=[_VERDICT_STYLE[r.verdict.value] for r in results],
    )
