"""The sentences a journalist pastes: a rank gap in places, notes in whole sentences, a
derived date shown beside the date rather than offered as a cause."""

from __future__ import annotations

from kzkr_cli.core.conflicts import find_conflicts, odd_ones_out
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


ODD = """
[[figure]]
id = "year"
metric = "trade"
value = 10.2e9
as_written = "$10.2 billion"
period = { start = "2023" }
source = "alpha"
quote = "reached $10.2 billion in 2023"

[[figure]]
id = "year-other"
metric = "trade"
value = 1.2e9
as_written = "$1.2 billion"
period = { start = "2023" }
source = "beta"
quote = "$1.2 billion in 2023"

[[figure]]
id = "years"
metric = "trade-total"
value = 9.6e9
as_written = "$9.6 billion"
period = { start = "2006", end = "2023" }
source = "beta"
quote = "$9.6 billion over 18 years"
"""

PART_METRICS = """
[[metric]]
id = "trade"
name = "Trade turnover"
unit = "USD"
description = "Annual trade."
part_of = "trade-total"

[[metric]]
id = "trade-total"
name = "Trade over several years"
unit = "USD"
description = "Trade summed over years."
"""


def test_a_claim_alone_in_several_checks_is_one_finding(make_store: StoreMaker) -> None:
    found = find_conflicts(load_store(make_store(figures=ODD, metrics=PART_METRICS)))
    assert len(found) == 2
    (odd,) = odd_ones_out(found)
    assert odd.claim.fact == "year"
    assert {c.id for c in odd.conflicts} == {c.id for c in found}
    assert odd.explanation.startswith('"$10.2 billion" (alpha, 2023) is the odd one out in 2')
    assert "as a part of Trade over several years" in odd.explanation
