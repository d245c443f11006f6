"""How the shipped store reads its five documents, where a reading decides what kzkr reports:
each test pins a verdict or a conflict that changes when the reading does."""

from __future__ import annotations

import pytest

from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.conflicts import Conflict, find_conflicts
from kzkr_cli.core.store import Store, load_store
from tests.conftest import FACTS


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store(FACTS)


@pytest.fixture(scope="module")
def conflicts(store: Store) -> list[Conflict]:
    return find_conflicts(store)


@pytest.fixture(scope="module")
def checker(store: Store) -> Checker:
    return Checker(store)


def _conflicts_with(conflicts: list[Conflict], fact: str) -> list[Conflict]:
    return [c for c in conflicts if any(claim.fact == fact for claim in c.claims)]


# ---------------------------------------------------------------- 3. a metric counts one thing


def test_joint_ventures_are_a_part_of_the_companies_with_korean_capital(store: Store) -> None:
    ventures = store.metrics[store.figures["at06-joint-ventures"].metric]
    companies = store.figures["wiki-korean-capital-companies"].metric
    assert ventures.id != companies
    assert ventures.part_of == companies


def test_a_count_of_joint_ventures_is_not_held_against_the_companies(checker: Checker) -> None:
    """'About 705' ventures fits 'more than 700' ventures; the 'about 740' companies, a larger
    set, do not rule it out."""
    result = checker.check_claim(
        "About 705 joint ventures with Korean capital operate in Kazakhstan."
    )
    assert result.verdict is not Verdict.CONTRADICTED
    assert {e.fact for e in result.evidence} == {"at06-joint-ventures"}


def test_the_companies_are_still_checked_against_their_own_count(checker: Checker) -> None:
    result = checker.check_claim("Some 720 companies with Korean capital operate in Kazakhstan.")
    assert result.verdict is Verdict.CONTRADICTED
    assert {e.fact for e in result.evidence} == {"wiki-korean-capital-companies"}


def test_58_implemented_and_55_joint_projects_are_not_one_figure(
    store: Store, conflicts: list[Conflict], checker: Checker
) -> None:
    assert not _conflicts_with(conflicts, "kazinform-joint-projects")
    assert not _conflicts_with(conflicts, "wiki-joint-projects")
    value = store.metrics[store.figures["kazinform-joint-projects-value"].metric]
    assert value.value_of == store.figures["kazinform-joint-projects"].metric
    # A sentence that does not say which count it means is not settled by either.
    ambiguous = checker.check_claim("There are 58 joint investment projects in Kazakhstan.")
    assert ambiguous.verdict is Verdict.UNVERIFIABLE
