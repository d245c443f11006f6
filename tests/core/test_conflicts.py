"""The conflict engine: its rules on small synthetic stores, and what it finds in the real one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core.conflicts import (
    DAYS_PER_YEAR,
    Conflict,
    ConflictKind,
    ConflictQuery,
    agreeing_groups,
    conflicting_records,
    find_conflicts,
)
from kzkr_cli.core.contract import conflict_object
from kzkr_cli.core.errors import QueryError, StoreError
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Figure, Metric
from kzkr_cli.core.numbers import parse_quantity
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import MINIMAL_METRICS, StoreMaker, event, figure, metric


def conflicts_in(make_store: StoreMaker, **parts: str) -> list[Conflict]:
    return find_conflicts(load_store(make_store(**parts)))


# ---------------------------------------------------------------- agreeing groups


def test_agreeing_groups_are_the_maximal_overlapping_sets() -> None:
    intervals = [Interval(1, 3), Interval(2, 4), Interval(5, 6), Interval(0, 10)]
    assert agreeing_groups(intervals) == [(0, 1, 3), (2, 3)]


def test_touching_intervals_agree() -> None:
    assert agreeing_groups([Interval(1, 2), Interval(2, 3)]) == [(0, 1)]


ENDS = st.floats(min_value=-100, max_value=100, allow_nan=False)
INTERVALS = st.lists(
    st.tuples(ENDS, ENDS).map(lambda t: Interval(min(t), max(t))), min_size=1, max_size=12
)


@given(INTERVALS)
def test_agreeing_groups_are_exactly_the_maximal_cliques(intervals: list[Interval]) -> None:
    groups = agreeing_groups(intervals)
    for group in groups:
        members = [intervals[i] for i in group]
        assert max(iv.low for iv in members) <= min(iv.high for iv in members)
        outside = set(range(len(intervals))) - set(group)
        assert not any(all(intervals[o].overlaps(m) for m in members) for o in outside)
    for i, a in enumerate(intervals):
        for j, b in enumerate(intervals):
            if a.overlaps(b):
                assert any(i in g and j in g for g in groups)
    everyone_agrees = all(a.overlaps(b) for a in intervals for b in intervals)
    assert (len(groups) == 1) == everyone_agrees


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("first", "second", "disagree"),
    [
        (("$6 billion", 6e9, "exact"), ("$6.4 billion", 6.4e9, "exact"), False),
        (("$6 billion", 6e9, "exact"), ("$6.6 billion", 6.6e9, "exact"), True),
        (("$6.0 billion", 6e9, "exact"), ("$6.4 billion", 6.4e9, "exact"), True),
        (("$6 billion", 6e9, "exact"), ("about $6.2 billion", 6.2e9, "about"), False),
        (("$6 billion", 6e9, "exact"), ("more than $7 billion", 7e9, "more_than"), True),
        (("$6.4 billion", 6.4e9, "exact"), ("more than $6 billion", 6e9, "more_than"), False),
        (("$6.4 billion", 6.4e9, "exact"), ("less than $6 billion", 6e9, "less_than"), True),
    ],
    ids=[
        "within-rounding",
        "beyond-rounding",
        "finer-precision",
        "about",
        "more-than-above",
        "more-than-below",
        "less-than",
    ],
)
def test_figures_disagree_only_beyond_their_precision(
    make_store: StoreMaker,
    first: tuple[str, float, str],
    second: tuple[str, float, str],
    disagree: bool,
) -> None:
    figures = figure("a", first[0], first[1], qualifier=first[2]) + figure(
        "b", second[0], second[1], source="beta", qualifier=second[2]
    )
    assert bool(conflicts_in(make_store, figures=figures)) == disagree


def test_a_figure_conflict_names_its_sides_and_measures_the_gap(make_store: StoreMaker) -> None:
    figures = figure("alpha-trade", "$6 billion", 6e9) + figure(
        "beta-trade", "$8 billion", 8e9, source="beta"
    )
    [conflict] = conflicts_in(make_store, figures=figures)
    assert conflict.id == "figure:trade:2023"
    assert conflict.kind is ConflictKind.FIGURE
    assert (conflict.subject, conflict.period) == ("trade", "2023")
    assert conflict.groups == (("alpha-trade",), ("beta-trade",))
    # [5.5, 6.5] against [7.5, 8.5] billion: 1 billion apart, of the larger 7.5.
    assert conflict.severity == pytest.approx(1 / 7.5)
    assert "$5.5 billion to $6.5 billion" in conflict.explanation
    assert "$7.5 billion to $8.5 billion" in conflict.explanation
    assert "13% of the larger value" in conflict.explanation


def test_claims_that_agree_with_everyone_stay_out_of_the_conflict(
    make_store: StoreMaker,
) -> None:
    figures = (
        figure("low", "$2 billion", 2e9)
        + figure("near-low", "about $2.4 billion", 2.4e9, source="beta", qualifier="about")
        + figure("high", "$5 billion", 5e9, source="beta")
        + figure("vague", "more than $1 billion", 1e9, qualifier="more_than")
    )
    [conflict] = conflicts_in(make_store, figures=figures)
    assert conflict.groups == (("low", "near-low"), ("high",))
    assert "vague" not in conflicting_records([conflict])
    # The nearest values of the two sides: 2.5 billion and 4.5 billion.
    assert conflict.severity == pytest.approx(2 / 4.5)


def test_figures_for_different_periods_are_never_compared(make_store: StoreMaker) -> None:
    figures = figure("a", "$6 billion", 6e9) + figure(
        "b", "$9 billion", 9e9, '{ start = "2022" }', source="beta"
    )
    assert conflicts_in(make_store, figures=figures) == []


def test_spans_covering_the_same_days_are_the_same_period(make_store: StoreMaker) -> None:
    figures = figure("a", "$6 billion", 6e9) + figure(
        "b", "$9 billion", 9e9, '{ start = "2023-01", end = "2023-12" }', source="beta"
    )
    [conflict] = conflicts_in(make_store, figures=figures)
    assert conflict.period == "2023"
    assert conflict.id == "figure:trade:2023"


def test_a_span_and_a_moment_are_never_compared(make_store: StoreMaker) -> None:
    figures = figure("a", "$6 billion", 6e9) + figure(
        "b", "$9 billion", 9e9, '{ as_of = "2023" }', source="beta"
    )
    assert conflicts_in(make_store, figures=figures) == []


def test_moments_are_compared_when_one_date_contains_the_other(make_store: StoreMaker) -> None:
    figures = (
        figure("year", "$6 billion", 6e9, '{ as_of = "2024" }')
        + figure("june", "$9 billion", 9e9, '{ as_of = "2024-06" }', source="beta")
        + figure("november", "$12 billion", 12e9, '{ as_of = "2024-11-05" }', source="beta")
    )
    found = conflicts_in(make_store, figures=figures)
    # June and November are different moments; each disagrees with the year's figure.
    assert sorted(c.id for c in found) == [
        "figure:trade:as-of-2024-06",
        "figure:trade:as-of-2024-11-05",
    ]
    assert all(c.claims[0].fact == "year" for c in found)
    november = next(c for c in found if c.period == "as of 2024-11-05")
    assert '"$12 billion" (beta, as of 2024-11-05)' in november.explanation


def test_a_rank_metric_gives_rank_conflicts(make_store: StoreMaker) -> None:
    ranks = (
        figure(
            "top-five", "top five", 5, '{ as_of = "2024" }', metric="investor-rank", qualifier="top"
        )
        + figure(
            "top-ten", "top ten", 10, '{ as_of = "2024" }', metric="investor-rank", qualifier="top"
        )
        + figure("sixth", "sixth", 6, '{ as_of = "2024" }', metric="investor-rank", source="beta")
    )
    [conflict] = conflicts_in(make_store, figures=ranks)
    assert conflict.kind is ConflictKind.RANK
    assert conflict.groups == (("top-five",), ("sixth",))
    assert "ranks 1 to 5" in conflict.explanation


def test_a_metric_tolerance_widens_what_agrees(make_store: StoreMaker) -> None:
    tolerant = MINIMAL_METRICS.replace(
        'aliases = ["turnover"]',
        'aliases = ["turnover"]\ntolerance = 0.1\ntolerance_note = "sources round loosely"',
    )
    figures = figure("a", "$6 billion", 6e9) + figure("b", "$6.6 billion", 6.6e9, source="beta")
    assert conflicts_in(make_store, figures=figures)
    assert conflicts_in(make_store, figures=figures, metrics=tolerant) == []


def test_one_source_contradicting_itself_is_a_conflict(make_store: StoreMaker) -> None:
    figures = figure("a", "$6 billion", 6e9) + figure("b", "$9 billion", 9e9)
    [conflict] = conflicts_in(make_store, figures=figures)
    assert {claim.source for claim in conflict.claims} == {"alpha"}


# ---------------------------------------------------------------- dates


def test_dates_at_different_precision_agree_when_one_contains_the_other(
    make_store: StoreMaker,
) -> None:
    events = event("v", ("alpha", "2024", None), ("beta", "2024-06-11", "2024-06-13"))
    assert conflicts_in(make_store, events=events) == []


def test_disjoint_dates_conflict_with_a_severity_from_their_gap(make_store: StoreMaker) -> None:
    events = event("v", ("alpha", "2003-11", None), ("beta", "2009", None))
    [conflict] = conflicts_in(make_store, events=events)
    gap = (dt.date(2009, 1, 1) - dt.date(2003, 11, 30)).days
    assert conflict.id == "date:v"
    assert conflict.severity == pytest.approx(gap / (gap + DAYS_PER_YEAR))
    assert [claim.fact for claim in conflict.claims] == ["v", "v"]
    assert conflict.groups == (("v.claim.0",), ("v.claim.1",))
    assert "the dates differ by 5.1 years" in conflict.explanation


def test_spans_that_end_on_different_days_conflict(make_store: StoreMaker) -> None:
    events = event(
        "v",
        ("alpha", "2024-06-11", "2024-06-13"),
        ("beta", "2024-06-11", "2024-06-12"),
        ("beta", "2024-06", None),
    )
    [conflict] = conflicts_in(make_store, events=events)
    # The month-precise claim agrees with both and takes no part.
    assert [claim.key for claim in conflict.claims] == ["v.claim.1", "v.claim.0"]
    assert "the end dates differ by 1 day" in conflict.explanation


def test_a_claim_without_an_end_holds_the_whole_event(make_store: StoreMaker) -> None:
    events = event("v", ("alpha", "2024-06", None), ("beta", "2024-06-29", "2024-07-02"))
    [conflict] = conflicts_in(make_store, events=events)
    assert "end dates" in conflict.explanation


# ---------------------------------------------------------------- arithmetic

CHANGE_METRICS = MINIMAL_METRICS + (
    metric(
        "trade-change",
        "Change in trade",
        "percent",
        description="Signed change against the same period a year before.",
    )
    + metric("visitors", "Visitors", description="Visitors over a span.")
    + metric(
        "visitors-change",
        "Change in visitors",
        description="Difference in visitors against the same span a year before.",
    )
)
BEFORE_AFTER = figure("before", "$2.4 billion", 2.4e9, '{ start = "2023-01", end = "2023-04" }') + (
    figure("after", "$1.4 billion", 1.4e9, '{ start = "2024-01", end = "2024-04" }')
)
LINK = '{ before = "before", after = "after" }'


@pytest.mark.parametrize(
    ("stated", "value", "disagree"),
    [
        ("44% less", -44, False),
        # each figure's rounding counted once: 46% and 37% fall outside 38.3-44.9%
        ("46% less", -46, True),
        ("37% less", -37, True),
        ("30% less", -30, True),
        ("60% less", -60, True),
    ],
)
def test_a_stated_change_is_checked_allowing_for_rounding(
    make_store: StoreMaker, stated: str, value: float, disagree: bool
) -> None:
    # From 2.4 to 1.4 billion, each rounded to 0.1 billion: a change of -44.9% to -38.3%.
    change = figure(
        "change",
        stated,
        value,
        '{ start = "2024-01", end = "2024-04" }',
        metric="trade-change",
        change=LINK,
    )
    found = conflicts_in(make_store, figures=BEFORE_AFTER + change, metrics=CHANGE_METRICS)
    assert bool(found) == disagree
    if disagree:
        [conflict] = found
        assert conflict.kind is ConflictKind.ARITHMETIC
        assert conflict.groups == (("before", "after"), ("change",))
        assert "-44.9% to -38.3%" in conflict.explanation


def test_a_change_in_the_figures_own_unit_is_their_difference(make_store: StoreMaker) -> None:
    span = '{ start = "2024" }'
    figures = (
        figure("before", "104", 104, span, metric="visitors")
        + figure("after", "157", 157, span, metric="visitors")
        + figure("right", "53", 53, span, metric="visitors-change", change=LINK)
        + figure("wrong", "20", 20, span, metric="visitors-change", change=LINK)
    )
    found = conflicts_in(make_store, figures=figures, metrics=CHANGE_METRICS)
    assert [c.subject for c in found if c.kind is ConflictKind.ARITHMETIC] == ["wrong"]


def test_a_change_in_an_unrelated_unit_is_not_checked(make_store: StoreMaker) -> None:
    span = '{ start = "2024" }'
    figures = (
        figure("before", "$2 billion", 2e9, span)
        + figure("after", "$3 billion", 3e9, span)
        + figure("odd", "7", 7, span, metric="visitors-change", change=LINK)
    )
    assert conflicts_in(make_store, figures=figures, metrics=CHANGE_METRICS) == []


# ---------------------------------------------------------------- selection and output


@pytest.fixture
def mixed(make_store: StoreMaker) -> Store:
    figures = (
        figure("a", "$6 billion", 6e9)
        + figure("b", "$9 billion", 9e9, source="beta")
        + figure("five", "fifth", 5, '{ as_of = "2024" }', metric="investor-rank")
        + figure("six", "sixth", 6, '{ as_of = "2024" }', metric="investor-rank", source="beta")
        + figure("only-alpha-1", "$1 billion", 1e9, '{ start = "2020" }')
        + figure("only-alpha-2", "$5 billion", 5e9, '{ start = "2020" }')
    )
    events = event("v", ("alpha", "2003", None), ("beta", "2009", None))
    return load_store(make_store(figures=figures, events=events))


def test_conflicts_come_most_severe_first(mixed: Store) -> None:
    severities = [c.severity for c in find_conflicts(mixed)]
    assert len(severities) == 4
    assert severities == sorted(severities, reverse=True)


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (ConflictQuery(kinds=frozenset({ConflictKind.RANK})), ["rank:investor-rank:as-of-2024"]),
        (ConflictQuery(metric="turnover"), ["figure:trade:2020", "figure:trade:2023"]),
        (ConflictQuery(event="v"), ["date:v"]),
        (
            ConflictQuery(source="beta"),
            ["date:v", "figure:trade:2023", "rank:investor-rank:as-of-2024"],
        ),
        (ConflictQuery(min_severity=0.5), ["date:v", "figure:trade:2020"]),
        (ConflictQuery(metric="trade", source="beta"), ["figure:trade:2023"]),
    ],
    ids=["kind", "metric-alias", "event", "source", "min-severity", "combined"],
)
def test_a_query_selects_conflicts(mixed: Store, query: ConflictQuery, ids: list[str]) -> None:
    assert sorted(c.id for c in find_conflicts(mixed, query)) == ids


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (ConflictQuery(source="alpah"), r"^unknown source 'alpah'; did you mean alpha\?$"),
        (ConflictQuery(event="w"), r"^unknown event 'w'$"),
        (ConflictQuery(metric="nosuch"), r"^unknown metric 'nosuch'"),
    ],
)
def test_an_unknown_name_is_a_query_error(mixed: Store, query: ConflictQuery, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        find_conflicts(mixed, query)


def test_conflict_objects_are_strict_json(make_store: StoreMaker) -> None:
    figures = figure("a", "$6 billion", 6e9) + figure(
        "b", "more than $7 billion", 7e9, source="beta", qualifier="more_than"
    )
    [conflict] = conflicts_in(make_store, figures=figures)
    obj = json.loads(json.dumps(conflict_object(conflict), allow_nan=False))
    assert obj["groups"] == [["a"], ["b"]]
    assert [c["high"] for c in obj["claims"]] == [6500000000, None]


# ---------------------------------------------------------------- scale


def test_a_large_store_is_compared_within_groups_not_across_it() -> None:
    """20,000 agreeing figures in one group and 20,000 across 2,000 periods come out with no
    conflict (speed itself is measured in benchmarks/, not here)."""
    metric = Metric(id="m", name="M", unit="count", description="d")  # type: ignore[arg-type]
    store = Store(root=Path(), metrics={"m": metric})
    for i in range(40_000):
        period = {"as_of": "2024"} if i < 20_000 else {"start": str(1000 + i % 2000)}
        fid = f"f{i}"
        store.figures[fid] = Figure.model_validate(
            {
                "id": fid,
                "metric": "m",
                "value": 1000.0,
                "as_written": "1000",
                "period": period,
                "source": "s",
                "quote": "quoted",
            }
        )
        store.steps[fid] = 1.0
    assert find_conflicts(store) == []


# ---------------------------------------------------------------- the shipped store


def test_shipped_store_rounding_reconciles_every_stated_change(shipped_facts: Path) -> None:
    store = load_store(shipped_facts)
    linked = [f for f in store.figures.values() if f.change is not None]
    assert linked, "the shipped store links at least one stated change"
    arithmetic = find_conflicts(store, ConflictQuery(kinds=frozenset({ConflictKind.ARITHMETIC})))
    assert not {c.subject for c in arithmetic} & {f.id for f in linked}


def test_shipped_store_annual_investment_is_its_widest_disagreement(shipped_facts: Path) -> None:
    store = load_store(shipped_facts)
    worst = find_conflicts(store, ConflictQuery(kinds=frozenset({ConflictKind.FIGURE})))[0]
    assert worst.subject == "fdi-inflow-annual"
    assert {claim.source for claim in worst.claims} == {"arystanov-2024", "kazinform-2024"}
    assert worst.severity > 0.8


def test_shipped_store_sources_agree_on_trade_and_diaspora(shipped_facts: Path) -> None:
    store = load_store(shipped_facts)
    for metric_id in ("trade-turnover", "ethnic-koreans"):
        assert len(store.figures_of(metric_id)) >= 3
        assert find_conflicts(store, ConflictQuery(metric=metric_id)) == []


def test_shipped_store_investor_rank_sixth_stands_alone(shipped_facts: Path) -> None:
    store = load_store(shipped_facts)
    found = find_conflicts(store, ConflictQuery(metric="investor-rank"))
    assert found
    for conflict in found:
        lone = [side for side in conflict.sides() if len(side) == 1 and side[0].value == 6]
        assert lone, conflict.explanation
    involved = conflicting_records(found)
    assert not any(
        store.figures[f].qualifier.value == "top" and store.figures[f].value == 10 for f in involved
    )


PARTS = metric("trade", "Trade turnover", "USD", description="Both directions.") + metric(
    "exports", "Exports", "USD", part_of="trade", description="One direction of the trade."
)


def _part_store(make_store: StoreMaker, exports: str, period: str) -> list[str]:
    figures = figure("turnover", "$1.4 billion", 1.4e9, '{ start = "2024-01", end = "2024-04" }')
    figures += figure("exported", exports, parse_quantity(exports).value, period, metric="exports")
    return [c.id for c in find_conflicts(load_store(make_store(figures=figures, metrics=PARTS)))]


@pytest.mark.parametrize(
    ("exports", "period", "expected"),
    [
        (
            "$1.6 billion",
            '{ start = "2024-02", end = "2024-03" }',
            ["arithmetic:exported:part-of-trade"],
        ),
        ("$735.8 million", '{ start = "2024-01", end = "2024-04" }', []),
        ("$1.6 billion", '{ start = "2024" }', []),  # a longer span than the whole's
        ("$1.4 billion", '{ start = "2024-01", end = "2024-04" }', []),  # equal is not more
    ],
)
def test_a_part_cannot_exceed_its_whole_over_a_span_containing_it(
    make_store: StoreMaker, exports: str, period: str, expected: list[str]
) -> None:
    assert _part_store(make_store, exports, period) == expected


def test_part_of_must_name_another_metric_in_the_same_unit(make_store: StoreMaker) -> None:
    metrics = PARTS.replace('part_of = "trade"', 'part_of = "investor-rank"') + metric(
        "investor-rank", "Rank", "rank", description="A rank."
    )
    with pytest.raises(
        StoreError, match=r"part_of: investor-rank must be another metric in the same unit"
    ):
        load_store(make_store(metrics=metrics))


def test_a_one_off_quantity_is_compared_whatever_its_dates(make_store: StoreMaker) -> None:
    """A plant's cost stated by two articles months apart: the same thing, so compared."""
    figures = figure(
        "early", "$270 million", 270e6, {"as_of": "2024-08-21"}, metric="plant-cost"
    ) + figure(
        "late", "$310 million", 310e6, {"as_of": "2025-03-27"}, metric="plant-cost", source="beta"
    )
    moving = metric("plant-cost", "Cost of the plant", "USD")
    assert conflicts_in(make_store, figures=figures, metrics=moving) == []
    fixed = metric("plant-cost", "Cost of the plant", "USD", one_off=True)
    [conflict] = conflicts_in(make_store, figures=figures, metrics=fixed)
    assert conflict.id == "figure:plant-cost:one-off"
    assert '"$270 million" (alpha, as of 2024-08-21)' in conflict.explanation
