"""The report's content: figures grouped by exact period, filters, unknown names."""

from __future__ import annotations

import pytest

from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.report import ReportQuery, build_report
from kzkr_cli.core.store import load_store
from tests.support.stores import Raw, StoreMaker, claim, event, figure

FIGURES = (
    figure("a-2023", "$6 billion", 6e9, quote="trade reached $6 billion in 2023")
    + figure("b-2023", "$9 billion", 9e9, source="beta", quote="trade was $9 billion in 2023")
    + figure("b-2022", "$5 billion", 5e9, Raw('{ start = "2022" }'), source="beta")
    + figure("a-rank", "fifth", 5, Raw('{ as_of = "2024" }'), metric="investor-rank")
)

EVENTS = event(
    "visit",
    claim("alpha", "2024-06", quote="visited in June 2024"),
    claim("beta", "2023", quote="visited in 2023"),
    title="A visit",
)


def test_figures_are_charted_only_beside_figures_of_the_same_period(
    make_store: StoreMaker,
) -> None:
    report = build_report(load_store(make_store(figures=FIGURES, events=EVENTS)))
    trade = next(s for s in report.metrics if s.metric.id == "trade")
    assert [(g.period, [r.figure.id for r in g.rows]) for g in trade.groups] == [
        ("2022", ["b-2022"]),
        ("2023", ["a-2023", "b-2023"]),
    ]
    assert {r.figure.id: r.in_conflict for g in trade.groups for r in g.rows} == {
        "a-2023": True,
        "b-2023": True,
        "b-2022": False,
    }
    assert sorted(c.kind.value for c in report.conflicts) == ["date", "figure"]
    assert [e.event.id for e in report.timeline] == ["visit"]
    assert [s.id for s in report.sources] == ["alpha", "beta"]


def test_a_metric_keeps_its_figures_and_conflicts_and_drops_the_timeline(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(figures=FIGURES, events=EVENTS))
    report = build_report(store, ReportQuery(metrics=("rank", "investor-rank")))
    assert [s.metric.id for s in report.metrics] == ["investor-rank"]
    assert report.conflicts == ()
    assert report.timeline == ()
    assert [s.id for s in report.sources] == ["alpha"]


def test_a_source_keeps_what_it_says_and_the_conflicts_it_takes_part_in(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(figures=FIGURES, events=EVENTS))
    report = build_report(store, ReportQuery(sources=("alpha",)))
    figures = [r.figure.id for s in report.metrics for g in s.groups for r in g.rows]
    assert figures == ["a-rank", "a-2023"]
    # Both conflicts set alpha against beta, so beta is cited as the other side.
    assert sorted(c.kind.value for c in report.conflicts) == ["date", "figure"]
    assert [s.id for s in report.sources] == ["alpha", "beta"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (ReportQuery(sources=("gamma",)), "unknown source 'gamma'"),
        (ReportQuery(metrics=("nothing",)), "unknown metric 'nothing'"),
    ],
)
def test_unknown_names_are_query_errors(
    make_store: StoreMaker, query: ReportQuery, message: str
) -> None:
    store = load_store(make_store(figures=FIGURES))
    with pytest.raises(QueryError, match=f"^{message}"):
        build_report(store, query)
