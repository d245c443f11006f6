"""The sentences a journalist pastes: a rank gap in places, notes in whole sentences, a
derived date shown beside the date rather than offered as a cause."""

from __future__ import annotations

from kzkr_cli.core.conflicts import find_conflicts, odd_ones_out
from kzkr_cli.core.store import load_store
from tests.support.stores import StoreMaker, claim, event, figure, metric


def ranks(note: str) -> str:
    """Two ranks a place apart, the first with a note."""
    return figure(
        "top-five",
        "top five",
        5,
        {"as_of": "2024"},
        metric="investor-rank",
        qualifier="top",
        quote="among the top five investors",
        note=note,
    ) + figure(
        "sixth",
        "sixth",
        6,
        {"as_of": "2024"},
        metric="investor-rank",
        source="beta",
        quote="ranks sixth",
    )


def test_a_rank_gap_is_said_in_places_and_notes_are_never_cut(make_store: StoreMaker) -> None:
    long = "This second sentence runs on " + "and on " * 80 + "to its end."
    store = load_store(make_store(figures=ranks(f"A first sentence that is short. {long}")))
    (conflict,) = find_conflicts(store)
    assert "the widest gap is one place" in conflict.explanation
    assert "% of the larger value" not in conflict.explanation
    assert "A first sentence that is short" in conflict.explanation
    assert "…" not in conflict.explanation
    assert "runs on and on" not in conflict.explanation  # too long to add, so left whole out


DERIVED = event(
    "e",
    claim(
        "alpha",
        "2009",
        quote="the 15th anniversary of the partnership",
        derivation="15th anniversary in 2024 -> 2009",
    ),
    claim("beta", "2003", quote="agreed in 2003"),
    kind="agreement",
    title="Partnership agreed",
)


def test_a_derived_date_is_shown_not_offered_as_a_cause(make_store: StoreMaker) -> None:
    (conflict,) = find_conflicts(load_store(make_store(events=DERIVED)))
    assert "alpha derives its date (15th anniversary in 2024 -> 2009)" in conflict.explanation
    assert "Likely cause" not in conflict.explanation


ODD = (
    figure("year", "$10.2 billion", 1.02e10, quote="reached $10.2 billion in 2023")
    + figure("year-other", "$1.2 billion", 1.2e9, source="beta", quote="$1.2 billion in 2023")
    + figure(
        "years",
        "$9.6 billion",
        9.6e9,
        {"start": "2006", "end": "2023"},
        metric="trade-total",
        source="beta",
        quote="$9.6 billion over 18 years",
    )
)

PART_METRICS = metric(
    "trade", "Trade turnover", "USD", description="Annual trade.", part_of="trade-total"
) + metric("trade-total", "Trade over several years", "USD", description="Trade summed over years.")


def test_a_claim_alone_in_several_checks_is_one_finding(make_store: StoreMaker) -> None:
    found = find_conflicts(load_store(make_store(figures=ODD, metrics=PART_METRICS)))
    assert len(found) == 2
    (odd,) = odd_ones_out(found)
    assert odd.claim.fact == "year"
    assert {c.id for c in odd.conflicts} == {c.id for c in found}
    assert odd.explanation.startswith('"$10.2 billion" (alpha, 2023) is the odd one out in 2')
    assert "the arithmetic check on year, 2023" in odd.explanation
