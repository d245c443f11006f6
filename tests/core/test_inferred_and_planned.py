"""What a source does not state, marked as such: a period read from context (``inferred``)
and a date given as a plan (``planned``), on small stores and on the shipped one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.query import TimelineQuery, timeline
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import FACTS, StoreMaker, claim, event, figure, metric

runner = CliRunner()

TRADE = metric(
    "trade",
    "Kazakhstan–South Korea trade turnover",
    "USD",
    aliases=["trade", "turnover"],
    description="Annual trade turnover between Kazakhstan and South Korea.",
)


def _trade(*, alpha_inferred: bool, beta: bool) -> str:
    """$6 billion for 2023 from alpha (its year read from context, or stated), and the same
    from beta when asked."""
    inferred = ", inferred = true" if alpha_inferred else ""
    text = figure(
        "alpha-trade",
        "$6 billion",
        6e9,
        f'{{ start = "2023"{inferred} }}',
        quote="trade has reached $6 billion",
    )
    if beta:
        text += figure("beta-trade", "$6 billion", 6e9, source="beta", quote="$6 billion in 2023")
    return text


CLAIM = "Trade between Kazakhstan and South Korea reached $6 billion in 2023."


def test_a_claim_resting_only_on_an_inferred_period_says_so(make_store: StoreMaker) -> None:
    store = load_store(make_store(figures=_trade(alpha_inferred=True, beta=False), metrics=TRADE))
    result = Checker(store).check_claim(CLAIM)
    assert result.verdict is Verdict.SUPPORTED
    assert "The period of alpha-trade (alpha) is inferred from context" in result.explanation
    assert [e.inferred for e in result.evidence] == [True]


@pytest.mark.parametrize("alpha_inferred", [True, False])
def test_a_stated_period_beside_it_needs_no_warning(
    make_store: StoreMaker, alpha_inferred: bool
) -> None:
    figures = _trade(alpha_inferred=alpha_inferred, beta=True)
    store = load_store(make_store(figures=figures, metrics=TRADE))
    result = Checker(store).check_claim(CLAIM)
    assert result.verdict is Verdict.SUPPORTED
    assert "inferred" not in result.explanation


def test_an_inferred_period_is_marked_in_figure_and_kept_in_json(make_store: StoreMaker) -> None:
    make_store(figures=_trade(alpha_inferred=True, beta=True), metrics=TRADE)
    rows = runner.invoke(app, ["figure", "trade", "-f", "tsv"]).stdout.splitlines()
    header = rows[0].split("\t")
    marks = {
        cells[header.index("id")]: cells[header.index("mark")]
        for cells in (line.split("\t") for line in rows[1:])
    }
    assert marks == {"alpha-trade": "period inferred", "beta-trade": ""}
    listed = json.loads(runner.invoke(app, ["figure", "trade", "-f", "json"]).stdout)
    assert {f["id"]: f["period"]["inferred"] for f in listed} == {
        "alpha-trade": True,
        "beta-trade": False,
    }


FLIGHTS = event(
    "flights",
    claim("alpha", "2024-06-15", quote="flights start on June 15", planned=True),
    claim("beta", "2024-06-20", quote="flights started on June 20"),
    kind="opening",
    title="Kazakhstan and South Korea open direct flights",
    actors=["Kazakhstan", "South Korea"],
)


def test_a_planned_date_is_a_likely_cause_without_a_future_tense(make_store: StoreMaker) -> None:
    """The record says it was a plan; its quote need not say 'will'."""
    (conflict,) = find_conflicts(load_store(make_store(events=FLIGHTS)))
    assert "alpha announced it in advance" in conflict.explanation


def test_a_date_only_planned_is_marked_in_the_timeline(make_store: StoreMaker) -> None:
    planned = event(
        "plant",
        claim("alpha", "2009-05..2014", quote="scheduled for completion by 2014", planned=True),
        kind="opening",
        title="Power plant completed",
    )
    make_store(events=planned + FLIGHTS)
    rows = runner.invoke(app, ["timeline", "-f", "tsv"]).stdout.splitlines()
    header = rows[0].split("\t")
    marks = {
        cells[header.index("id")]: cells[header.index("mark")]
        for cells in (line.split("\t") for line in rows[1:])
    }
    assert marks["plant"] == "planned"
    assert "planned" not in marks["flights"]  # one of its sources reports it as done
    events = json.loads(runner.invoke(app, ["timeline", "-f", "json"]).stdout)
    assert [c["planned"] for e in events if e["id"] == "flights" for c in e["claims"]] == [
        True,
        False,
    ]


def test_support_only_from_a_plan_says_so(make_store: StoreMaker) -> None:
    alone = event(
        "flights",
        claim("alpha", "2024-06-15", quote="flights start on June 15", planned=True),
        kind="opening",
        title="Kazakhstan and South Korea open direct flights",
        actors=["Kazakhstan", "South Korea"],
    )
    store = load_store(make_store(events=alone))
    result = Checker(store).check_claim(
        "Kazakhstan and South Korea opened direct flights on June 15, 2024."
    )
    assert result.verdict is Verdict.SUPPORTED
    assert "alpha gave the date as planned" in result.explanation


# ---------------------------------------------------------------- the shipped store


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store(FACTS)


def test_the_june_reports_six_billion_is_marked_as_of_an_inferred_year(
    shipped_facts: Path,
) -> None:
    rows = runner.invoke(app, ["figure", "trade-turnover", "--year", "2023", "-f", "json"])
    marked = {f["id"] for f in json.loads(rows.stdout) if f["period"]["inferred"]}
    assert marked == {"at06-trade-2023"}


def test_announced_dates_are_plans_in_the_timeline_and_the_conflicts(store: Store) -> None:
    (visit,) = [c for c in find_conflicts(store) if c.subject == "yoon-state-visit-2024"]
    assert "kazinform-2024 announced it in advance" in visit.explanation
    marked = [
        e.event.id
        for e in timeline(store, TimelineQuery(), set())
        if all(c.planned for c in e.event.claims)
    ]
    assert "power-plant-completion-planned" in marked
    assert "yoon-state-visit-2024" not in marked  # Wikipedia reports it as done


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("South Korea's first diplomatic strategy towards Central Asia", Verdict.SUPPORTED),
        ("South Korea's second diplomatic strategy towards Central Asia", Verdict.CONTRADICTED),
        ("South Korea's largest diplomatic strategy towards Central Asia", Verdict.UNVERIFIABLE),
    ],
)
def test_the_k_silk_road_initiative_is_checked_as_the_first(
    store: Store, claim: str, verdict: Verdict
) -> None:
    result = Checker(store).check_claim(f"The K-Silk Road initiative is {claim}.")
    assert result.verdict is verdict, result.explanation
