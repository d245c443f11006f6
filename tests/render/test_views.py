"""What each command shows: a spread or chart only across figures of the same period, the
conflicts listing built here like every other."""

from __future__ import annotations

from pathlib import Path

from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.query import compare_figures
from kzkr_cli.core.store import load_store
from kzkr_cli.render.views import conflicts_listing, figure_listing
from tests.support.stores import StoreMaker, figure

FULL_YEAR = figure("alpha-2024", "$6.3 billion", 6.3e9, {"start": "2024"})
SAME_DAYS = figure(
    "beta-2024", "$6.4 billion", 6.4e9, {"start": "2024-01", "end": "2024-12"}, source="beta"
)
FOUR_MONTHS = figure("alpha-2024-4m", "$1.3 billion", 1.3e9, {"start": "2024-01", "end": "2024-04"})


def _figures(make_store: StoreMaker, figures: str) -> tuple[object, list[str], list[object]]:
    store = load_store(make_store(figures=figures))
    comparison = compare_figures(store, store.metrics["trade"], find_conflicts(store))
    listing = figure_listing(store, [comparison], quotes=False)
    return listing, list(listing.summary), list(listing.chart)


def test_a_spread_and_a_chart_only_within_one_period(make_store: StoreMaker) -> None:
    _, summary, chart = _figures(make_store, FULL_YEAR + SAME_DAYS + FOUR_MONTHS)
    # 2024 and 2024-01/2024-12 are the same days, so they are compared; four months are not.
    assert summary == [
        "3 figures from 2 sources over 2 periods: agree within their stated precision;"
        " 2024: spread 6.3 billion–6.4 billion USD (1.6%)"
    ]
    assert chart == [[("alpha 2024", 6.3e9), ("beta 2024-01/2024-12", 6.4e9)]]


def test_no_chart_when_no_two_figures_share_a_period(make_store: StoreMaker) -> None:
    _, summary, chart = _figures(make_store, FULL_YEAR + FOUR_MONTHS)
    assert summary == [
        "2 figures from 1 source over 2 periods: agree within their stated precision"
    ]
    assert chart == []


def test_the_conflicts_listing_shows_each_side_on_a_line(shipped_facts: Path) -> None:
    store = load_store(shipped_facts)
    found = find_conflicts(store)
    listing = conflicts_listing(found, explain=False)
    assert len(listing) == len(found)
    assert [c.key for c in listing.table_columns] == [
        "severity",
        "kind",
        "subject",
        "period",
        "claims",
    ]
    explained = conflicts_listing(found, explain=True)
    assert [c.key for c in explained.table_columns][-1] == "explanation"
    first = listing.rows[0]["claims"]
    assert isinstance(first, list) and len(first) >= 2


def test_the_conflicts_listing_names_a_claim_alone_in_several_checks() -> None:
    """Under the table, one line for the ambassador's figure that fails two checks."""
    from pathlib import Path

    from kzkr_cli.core.conflicts import find_conflicts
    from kzkr_cli.core.store import load_store
    from kzkr_cli.render.views import conflicts_listing

    store = load_store(Path(__file__).resolve().parents[2] / "facts")
    summary = conflicts_listing(find_conflicts(store), explain=False).summary
    assert any(
        line.startswith('"$10.2 billion" (arystanov-2024, 2023) is the odd one') for line in summary
    )


def test_each_conflict_of_an_odd_one_out_carries_the_finding() -> None:
    """In JSON and in the rows of TSV and CSV too, not only under the table: the conflicts
    the ambassador's figure fails carry the one finding, and the others carry none."""
    from pathlib import Path

    from kzkr_cli.core.conflicts import find_conflicts
    from kzkr_cli.core.store import load_store
    from kzkr_cli.render.views import conflicts_listing

    store = load_store(Path(__file__).resolve().parents[2] / "facts")
    found = find_conflicts(store)
    listing = conflicts_listing(found, explain=False)
    objects = listing.objects
    assert isinstance(objects, list)
    odd = {
        obj["id"]: finding["claim"]
        for obj in objects
        if isinstance(finding := obj["odd_one_out"], dict)
    }
    assert odd == {
        "figure:fdi-inflow-annual:2023": "arystanov-fdi-2023",
        "arithmetic:arystanov-fdi-2023:part-of-fdi-inflow-cumulative": "arystanov-fdi-2023",
    }
    rows = {row["id"]: row["odd_one_out"] for row in listing.rows}
    assert all(str(rows[i]).startswith('"$10.2 billion"') for i in odd)
    assert all(rows[i] == "" for i in rows if i not in odd)
