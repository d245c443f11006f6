"""The sentences a journalist pastes: a rank gap in places, notes in whole sentences, a
derived date shown beside the date rather than offered as a cause."""

from __future__ import annotations

from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.store import load_store
from tests.conftest import StoreMaker

RANKS = """
[[figure]]
id = "top-five"
metric = "investor-rank"
value = 5
as_written = "top five"
qualifier = "top"
period = { as_of = "2024" }
source = "alpha"
quote = "among the top five investors"
note = "A first sentence that is short. {long}"

[[figure]]
id = "sixth"
metric = "investor-rank"
value = 6
as_written = "sixth"
period = { as_of = "2024" }
source = "beta"
quote = "ranks sixth"
"""


def test_a_rank_gap_is_said_in_places_and_notes_are_never_cut(make_store: StoreMaker) -> None:
    long = "This second sentence runs on " + "and on " * 80 + "to its end."
    store = load_store(make_store(figures=RANKS.replace("{long}", long)))
    (conflict,) = find_conflicts(store)
    assert "the widest gap is one place" in conflict.explanation
    assert "% of the larger value" not in conflict.explanation
    assert "A first sentence that is short" in conflict.explanation
    assert "…" not in conflict.explanation
    assert "runs on and on" not in conflict.explanation  # too long to add, so left whole out


DERIVED = """
[[event]]
id = "e"
kind = "agreement"
title = "Partnership agreed"

[[event.claim]]
source = "alpha"
date = "2009"
quote = "the 15th anniversary of the partnership"
derivation = "15th anniversary in 2024 -> 2009"

[[event.claim]]
source = "beta"
date = "2003"
quote = "agreed in 2003"
"""


def test_a_derived_date_is_shown_not_offered_as_a_cause(make_store: StoreMaker) -> None:
    (conflict,) = find_conflicts(load_store(make_store(events=DERIVED)))
    assert "alpha derives its date (15th anniversary in 2024 -> 2009)" in conflict.explanation
    assert "Likely cause" not in conflict.explanation
