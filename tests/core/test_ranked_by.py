"""A rank its sources word as a judgement ("most important") is not a rank by size: a
metric's ``ranked_by`` keeps "the largest" from reading it as first place."""

from __future__ import annotations

import pytest

from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.store import load_store
from tests.support.stores import FACTS, StoreMaker, figure, metric


def _standing(ranked_by: str | None) -> str:
    more = {"ranked_by": ranked_by} if ranked_by else {}
    return metric(
        "standing",
        "Kazakhstan's standing among South Korea's trading partners",
        "rank",
        aliases=["trading partner"],
        description="Kazakhstan's place among South Korea's trading partners.",
        **more,
    )


FIRST = figure(
    "alpha-standing",
    "first",
    1,
    {"as_of": "2024"},
    metric="standing",
    quote="Kazakhstan is South Korea's first trading partner",
)


@pytest.mark.parametrize(
    ("ranked_by", "claim", "verdict"),
    [
        ("most important", "most important", Verdict.SUPPORTED),
        ("most important", "largest", Verdict.UNVERIFIABLE),
        ("most important", "second-largest", Verdict.UNVERIFIABLE),
        # a rank is by size unless it says otherwise: "the largest" is its own order,
        # "the most important" another
        (None, "largest", Verdict.SUPPORTED),
        (None, "second-largest", Verdict.CONTRADICTED),
        (None, "most important", Verdict.UNVERIFIABLE),
    ],
)
def test_a_rank_in_other_words_is_another_order(
    make_store: StoreMaker, ranked_by: str | None, claim: str, verdict: Verdict
) -> None:
    store = load_store(make_store(figures=FIRST, metrics=_standing(ranked_by)))
    text = f"Kazakhstan is South Korea's {claim} trading partner."
    result = Checker(store).check_claim(text)
    assert result.verdict is verdict, result.explanation


def test_ranked_by_is_for_ranks_only(make_store: StoreMaker) -> None:
    counted = metric("count", "A count", "count", ranked_by="most important")
    with pytest.raises(StoreError, match=r"metric count: .*ranked_by is for a rank"):
        load_store(make_store(metrics=counted))


def test_the_shipped_most_important_partner_is_not_the_largest() -> None:
    checker = Checker(load_store(FACTS))
    largest = "Kazakhstan is South Korea's largest trading partner in Central Asia."
    assert checker.check_claim(largest).verdict is Verdict.UNVERIFIABLE
    important = "Kazakhstan is South Korea's most important trading partner in Central Asia."
    assert checker.check_claim(important).verdict is Verdict.SUPPORTED
