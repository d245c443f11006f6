"""Shares written as words read as percentages; an ordinal beside them stays an ordinal."""

from __future__ import annotations

import pytest

from kzkr_cli.core.models import Qualifier
from kzkr_cli.core.numbers import Kind, find_quantities


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("more than half", 50.0, Qualifier.MORE_THAN),
        ("a third of it", 100 / 3, Qualifier.EXACT),
        ("one quarter", 25.0, Qualifier.EXACT),
        ("two-thirds of the total", 200 / 3, Qualifier.EXACT),
        ("nearly three quarters", 75.0, Qualifier.NEARLY),
    ],
)
def test_shares_in_words_are_percentages(text: str, value: float, qualifier: Qualifier) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.kind, quantity.qualifier) == (Kind.PERCENT, qualifier)
    assert quantity.value == pytest.approx(value)


def test_a_bare_quarter_after_an_ordinal_is_not_a_share() -> None:
    assert [(q.kind, q.value) for q in find_quantities("in the third quarter of 2024")] == [
        (Kind.RANK, 3.0)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the fourth-largest trading partner", 4.0),
        ("the 10th-largest ethnic group", 10.0),
        ("its fourth largest partner", 4.0),
    ],
)
def test_an_ordinal_joined_to_largest_is_one_rank(text: str, value: float) -> None:
    """ "fourth-largest" is rank 4, not a 4 and a "largest" (rank 1) side by side."""
    assert [(q.kind, q.value) for q in find_quantities(text)] == [(Kind.RANK, value)]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("one of the key projects", []),
        ("one of the top five investors", [5.0]),
        ("opened one store", [1.0]),
        ("one billion of it", [1e9]),
    ],
)
def test_one_of_names_a_member_not_a_count(text: str, read: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == read
