"""The shipped store against an independent reading of the five documents: every genuine
disagreement is reported, and none of the figures that only look different."""

from __future__ import annotations

import pytest

from kzkr_cli.core.conflicts import Conflict, ConflictKind, find_conflicts
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import FACTS


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store(FACTS)


@pytest.fixture(scope="module")
def conflicts(store: Store) -> list[Conflict]:
    return find_conflicts(store)


def _figures_in(conflict: Conflict, store: Store) -> set[tuple[str, str]]:
    return {(c.source, store.figures[c.fact].as_written) for c in conflict.claims}


def _about(conflicts: list[Conflict], subject: str) -> list[Conflict]:
    return [c for c in conflicts if c.subject == subject]


def test_cumulative_investment_over_18_years_9_2_vs_9_6(
    conflicts: list[Conflict], store: Store
) -> None:
    (conflict,) = _about(conflicts, "fdi-inflow-cumulative")
    assert conflict.kind is ConflictKind.FIGURE
    assert _figures_in(conflict, store) == {
        ("kazinform-2024", "about $9.2 billion"),
        ("wikipedia", "US$9.6 billion"),
    }
    assert 0.02 < conflict.severity < 0.03


def test_annual_investment_2023_10_2_vs_1_2(conflicts: list[Conflict], store: Store) -> None:
    (conflict,) = _about(conflicts, "fdi-inflow-annual")
    assert {c.source for c in conflict.claims} == {"arystanov-2024", "kazinform-2024"}
    assert "running" in conflict.explanation  # the note naming the ambiguity is carried


def test_investor_rank_sixth_by_june_against_fifth_as_of_2024(
    conflicts: list[Conflict], store: Store
) -> None:
    """Kazinform's "sixth" was written by 10 June 2024: it may be the moment of Wikipedia's
    "As of 2024, ... 5th largest", not that of the November "top five" (ranks change)."""
    (rank,) = _about(conflicts, "investor-rank")
    assert rank.kind is ConflictKind.RANK
    assert _figures_in(rank, store) == {("kazinform-2024", "sixth"), ("wikipedia", "5th largest")}
    assert rank.period == "as of 2024-05..2024-06-10"


def test_joint_projects_55_and_58_implemented_are_different_counts(
    conflicts: list[Conflict], store: Store
) -> None:
    """55 'joint projects' there are and 58 'joint investment projects implemented', reported
    earlier by someone else, are read as two counts, so they are not set against each other."""
    assert store.figures["wiki-joint-projects"].metric != (
        store.figures["kazinform-joint-projects"].metric
    )
    assert not _about(conflicts, "joint-projects")
    assert not _about(conflicts, store.figures["kazinform-joint-projects"].metric)


def test_yoon_state_visit_ends_on_different_days(conflicts: list[Conflict]) -> None:
    (conflict,) = _about(conflicts, "yoon-state-visit-2024")
    assert conflict.kind is ConflictKind.DATE
    ends = {(c.source, c.end) for c in conflict.claims}
    assert ends == {("wikipedia", "2024-06-13"), ("kazinform-2024", "2024-06-12")}
    assert "1 day" in conflict.explanation
    assert "will pay" in conflict.explanation  # announced in advance: a visible likely cause


def test_strategic_partnership_2003_vs_derived_2009(conflicts: list[Conflict]) -> None:
    (conflict,) = _about(conflicts, "strategic-partnership-established")
    dates = {(c.source, c.date) for c in conflict.claims}
    assert ("astana-times-2024-06", "2009") in dates
    assert ("wikipedia", "2003-11-12..2003-11-14") in dates  # agreed on a day of the visit
    assert "15th anniversary" in conflict.explanation


def test_one_year_of_investment_cannot_exceed_18_years_of_it(conflicts: list[Conflict]) -> None:
    (conflict,) = _about(conflicts, "arystanov-fdi-2023")
    assert conflict.kind is ConflictKind.ARITHMETIC
    assert [c.fact for c in conflict.claims] == [
        "arystanov-fdi-2023",
        "kazinform-fdi-18y",
        "wiki-fdi-18y",
    ]
    assert "a part cannot exceed its whole" in conflict.explanation


def test_nothing_else_is_flagged(conflicts: list[Conflict]) -> None:
    assert {c.subject for c in conflicts} == {
        "fdi-inflow-cumulative",
        "fdi-inflow-annual",
        "investor-rank",
        "yoon-state-visit-2024",
        "strategic-partnership-established",
        "arystanov-fdi-2023",
    }


@pytest.mark.parametrize(
    "metric",
    [
        "ethnic-koreans",  # 120,000 / approximately / more than 120,000
        "trade-turnover",  # $6 billion in 2023, three times
        "tourists-kr-to-kz-change",  # "increased by 125%" and "more than doubled"
        "trade-partner-rank",  # fourth and 4th
    ],
)
def test_look_alike_figures_agree(store: Store, conflicts: list[Conflict], metric: str) -> None:
    assert len(store.figures_of(metric)) >= 2
    assert not _about(conflicts, metric)


@pytest.mark.parametrize(
    "event",
    [
        "diplomatic-relations-established",  # January 28, 1992 and January 1992
        "nurtleu-official-visit-2024",  # Nov 3-5 and November 2024
        "astana-seoul-flights-2024",  # from June 15, 2024 twice
    ],
)
def test_dates_at_different_precision_agree(
    store: Store, conflicts: list[Conflict], event: str
) -> None:
    assert len(store.events[event].claims) >= 2
    assert not _about(conflicts, event)


def test_stated_fall_in_trade_is_consistent_within_rounding(
    store: Store, conflicts: list[Conflict]
) -> None:
    changes = [f.id for f in store.figures.values() if f.change is not None]
    assert changes
    assert not [c for c in conflicts if c.subject in changes]
