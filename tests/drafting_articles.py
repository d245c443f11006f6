"""The test articles (tests/data/articles) drafted and compared with their expected drafts:
shared by the pinned tests and by scripts/drafting_report.py, which measures recall and
precision per kind."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.drafting import DraftedClaim, Drafting, draft_records
from kzkr_cli.core.models import Figure, Source, UndecidedFigure
from kzkr_cli.core.numbers import Kind, parse_quantity
from kzkr_cli.core.store import Store, load_store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"
FIGURE_KINDS = ("money", "count", "percent", "rank")
KINDS = (*FIGURE_KINDS, "dates")


def article_names() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


def expected(name: str) -> dict[str, Any]:
    return tomli.loads((ARTICLES / f"{name}.toml").read_text(encoding="utf-8"))


@functools.cache
def shipped() -> tuple[Store, StoreIndex]:
    store = load_store(ROOT / "facts")
    return store, StoreIndex.build(store)


def source_for(name: str) -> Source:
    data = expected(name)
    return Source.model_validate(
        {
            "id": "article-" + name.split("_", 1)[0],
            "title": data["title"],
            "publisher": data["publisher"],
            "kind": data["kind"],
            "published": data["published"],
            "document": name + ".txt",
        }
    )


@functools.cache
def drafted(name: str) -> Drafting:
    store, index = shipped()
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return draft_records(store, source_for(name), text, index)


AnyFigure = Figure | UndecidedFigure


def figure_kind(figure: AnyFigure) -> str:
    kind = parse_quantity(figure.as_written).kind
    if kind in (Kind.USD, Kind.OTHER_CURRENCY):
        return "money"
    if kind is Kind.PERCENT:
        return "percent"
    if kind is Kind.RANK:
        return "rank"
    return "count"


def _same_number(figure: AnyFigure, want: dict[str, Any]) -> bool:
    written = want["as_written"].lower()
    return math.isclose(figure.value, float(want["value"]), rel_tol=1e-9) and (
        figure.as_written.lower() in written or written in figure.as_written.lower()
    )


def period_agrees(figure: AnyFigure, want: str) -> bool:
    """The expected label ("2024-01/2024-09", "as of 2024-04-12", "by 2027"); none expected
    accepts any."""
    if not want:
        return True
    label = figure.period.label()
    if want.startswith("by "):
        return label in (want[3:], f"as of {want[3:]}")
    return label == want


@dataclass
class FigureOutcome:
    want: dict[str, Any]
    found: AnyFigure | None
    value: bool = False
    metric: bool = False
    period: bool = False

    @property
    def right(self) -> bool:
        return self.value and self.metric and self.period


@dataclass
class DateOutcome:
    want: dict[str, Any]
    found: bool = False
    event: bool = False


@dataclass
class Compared:
    figures: list[FigureOutcome] = field(default_factory=list)
    dates: list[DateOutcome] = field(default_factory=list)
    extra_figures: list[AnyFigure] = field(default_factory=list)
    extra_dates: int = 0
    drafted_figures: list[AnyFigure] = field(default_factory=list)
    drafted_dates: int = 0


def compare(name: str) -> Compared:
    drafting = drafted(name)
    data = expected(name)
    result = Compared(drafted_figures=list(drafting.figures), drafted_dates=len(drafting.claims))
    used: set[str] = set()
    for want in data.get("figure", []):
        found = next(
            (f for f in drafting.figures if f.id not in used and _same_number(f, want)), None
        )
        outcome = FigureOutcome(want, found)
        if found is not None:
            used.add(found.id)
            outcome.value = found.qualifier.value == want["qualifier"]
            metric = found.metric if isinstance(found, Figure) else ""
            outcome.metric = metric == want["metric"]
            outcome.period = period_agrees(found, want["period"])
        result.figures.append(outcome)
    result.extra_figures = [f for f in drafting.figures if f.id not in used]
    wanted = data.get("event", [])
    outcomes = [DateOutcome(want) for want in wanted]
    taken: set[int] = set()
    # A draft right on both date and event is matched first, so that which expected
    # record of one day a draft is compared with does not depend on their order.
    for right_event in (True, False):
        for dated in outcomes:
            if dated.found:
                continue
            for i, claim in enumerate(drafting.claims):
                if i in taken or _date_of(claim) != dated.want["date"]:
                    continue
                event = _on_event(claim, dated.want)
                if right_event and not event:
                    continue
                taken.add(i)
                dated.found, dated.event = True, event
                break
    result.dates.extend(outcomes)
    result.extra_dates = len(drafting.claims) - len(taken)
    return result


def _date_of(claim: DraftedClaim) -> str:
    return claim.claim.date.iso() + (f"/{claim.claim.end.iso()}" if claim.claim.end else "")


def _on_event(claim: DraftedClaim, want: dict[str, Any]) -> bool:
    existing = want.get("existing_event", "")
    if existing:
        return claim.new_event is None and claim.event_id == existing
    return claim.new_event is not None and claim.new_event.kind.value == want.get("kind")


def measure() -> dict[str, dict[str, float | int]]:
    """Per kind: expected, drafted, found with the right value and qualifier, with the right
    metric (where the vocabulary has one), the right period; and drafts that are real."""
    table: dict[str, dict[str, float | int]] = defaultdict(lambda: defaultdict(int))
    for name in article_names():
        compared = compare(name)
        for outcome in compared.figures:
            row = table[outcome.want["kind"]]
            row["expected"] += 1
            row["value right"] += outcome.found is not None and outcome.value
            if outcome.want["metric"]:
                row["with a metric"] += 1
                row["metric right"] += outcome.found is not None and outcome.metric
            row["period right"] += outcome.found is not None and outcome.period
        for figure in compared.drafted_figures:
            table[figure_kind(figure)]["drafted"] += 1
        for figure in compared.extra_figures:
            table[figure_kind(figure)]["not real"] += 1
        row = table["dates"]
        row["expected"] += len(compared.dates)
        row["drafted"] += compared.drafted_dates
        row["value right"] += sum(o.found for o in compared.dates)
        row["metric right"] += sum(o.found and o.event for o in compared.dates)
        row["with a metric"] += len(compared.dates)
        row["not real"] += compared.extra_dates
    return {kind: dict(table[kind]) for kind in KINDS}
