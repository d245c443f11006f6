"""Property tests of the interval rules, run through the real reader and the real engine."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.intervals import interval_of
from kzkr_cli.core.models import Event, Figure, Metric, Qualifier, Source
from kzkr_cli.core.numbers import parse_quantity
from kzkr_cli.core.store import Store

HEDGES = {"exact": "", "about": "about ", "more_than": "more than ", "nearly": "nearly "}

mantissas = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999"), places=2)
scales = st.sampled_from(["", " million", " billion"])
qualifiers = st.sampled_from(sorted(HEDGES))


def _store(*written: tuple[str, str], tolerance: float = 0.0) -> Store:
    """A store of figures of one metric and period, each (as_written, qualifier)."""
    metric = Metric.model_validate(
        {
            "id": "m",
            "name": "M",
            "unit": "count",
            "description": "d",
            "tolerance": tolerance,
            **({"tolerance_note": "t"} if tolerance else {}),
        }
    )
    store = Store(root=Path(), metrics={"m": metric})
    for index, (text, qualifier) in enumerate(written):
        quantity = parse_quantity(text)
        figure = Figure.model_validate(
            {
                "id": f"f{index}",
                "metric": "m",
                "value": quantity.value,
                "as_written": text,
                "qualifier": qualifier,
                "period": {"start": "2023"},
                "source": f"s{index}",
                "quote": text,
            }
        )
        store.figures[figure.id] = figure
        store.steps[figure.id] = quantity.step
        store.sources[f"s{index}"] = Source.model_validate(
            {
                "id": f"s{index}",
                "title": "t",
                "publisher": "p",
                "kind": "news",
                "published": "2024",
                "document": "d.txt",
            }
        )
    return store


def _written(mantissa: Decimal, scale: str, qualifier: str) -> tuple[str, str]:
    return f"{HEDGES[qualifier]}{mantissa:,}{scale}", qualifier


@given(mantissas, mantissas, scales, qualifiers, qualifiers)
def test_conflict_is_symmetric(a: Decimal, b: Decimal, scale: str, qa: str, qb: str) -> None:
    forward = find_conflicts(_store(_written(a, scale, qa), _written(b, scale, qb)))
    backward = find_conflicts(_store(_written(b, scale, qb), _written(a, scale, qa)))
    assert bool(forward) == bool(backward)


@given(mantissas, scales, qualifiers)
def test_a_claim_never_conflicts_with_itself(a: Decimal, scale: str, q: str) -> None:
    assert find_conflicts(_store(_written(a, scale, q), _written(a, scale, q))) == []


@given(mantissas, scales, st.sampled_from([Decimal("0.1"), Decimal("1"), Decimal("10")]))
def test_a_coarser_restatement_never_conflicts(a: Decimal, scale: str, coarse: Decimal) -> None:
    """Rounding to a coarser unit that keeps two significant digits ("1,795" → "1,800",
    "9.23" → "9.2") never makes a figure disagree with its source."""
    assume(coarse * 10 <= Decimal(10) ** a.adjusted())
    rounded = (a / coarse).quantize(Decimal("1"), rounding=ROUND_HALF_EVEN) * coarse
    places = max(0, -coarse.as_tuple().exponent)  # type: ignore[operator]
    restated = f"{rounded:,.{places}f}"
    assert (
        find_conflicts(_store(_written(a, scale, "exact"), (f"{restated}{scale}", "exact"))) == []
    )


@given(mantissas, mantissas, scales, qualifiers)
def test_widening_to_about_never_creates_a_conflict(
    a: Decimal, b: Decimal, scale: str, qb: str
) -> None:
    narrow = find_conflicts(_store(_written(a, scale, "exact"), _written(b, scale, qb)))
    wide = find_conflicts(_store(_written(a, scale, "about"), _written(b, scale, qb)))
    assert bool(wide) <= bool(narrow)


@given(mantissas, mantissas, scales, st.floats(min_value=0.0, max_value=0.5))
def test_a_metric_tolerance_never_creates_a_conflict(
    a: Decimal, b: Decimal, scale: str, tolerance: float
) -> None:
    pair = (_written(a, scale, "exact"), _written(b, scale, "exact"))
    assert bool(find_conflicts(_store(*pair, tolerance=tolerance))) <= bool(
        find_conflicts(_store(*pair))
    )


dates = st.dates(min_value=PartialDate(1990).first_day(), max_value=PartialDate(2030).last_day())


@given(dates, st.sampled_from(["year", "month"]))
def test_a_date_never_conflicts_with_a_coarser_date_containing_it(
    day: object, coarser: str
) -> None:
    assert hasattr(day, "year")
    fine = PartialDate.coerce(day)
    coarse = PartialDate(fine.year) if coarser == "year" else PartialDate(fine.year, fine.month)
    store = _store()
    for source in ("a", "b"):
        store.sources[source] = Source.model_validate(
            {
                "id": source,
                "title": "t",
                "publisher": "p",
                "kind": "news",
                "published": "2030",
                "document": "d.txt",
            }
        )
    store.events["e"] = Event.model_validate(
        {
            "id": "e",
            "kind": "visit",
            "title": "t",
            "claim": [
                {"source": "a", "date": fine.iso(), "quote": "q"},
                {"source": "b", "date": coarse.iso(), "quote": "q"},
            ],
        }
    )
    assert find_conflicts(store) == []


@given(mantissas, scales)
def test_about_widens_the_rounding_but_never_to_nothing_or_double(
    mantissa: Decimal, scale: str
) -> None:
    quantity = parse_quantity(f"about {mantissa}{scale}")
    exact = parse_quantity(f"{mantissa}{scale}")
    about = interval_of(quantity.value, quantity.step, Qualifier.ABOUT)
    rounded = interval_of(exact.value, exact.step, Qualifier.EXACT)
    assert about.low <= rounded.low and rounded.high <= about.high
    assert about.low >= quantity.value / 2 - 1e-9 * quantity.value
    assert about.high <= quantity.value * 1.5 + 1e-9 * quantity.value


def test_about_is_a_whole_step_where_half_the_value_is_more() -> None:
    for written, low, high in [("about 740", 730, 750), ("about 1 billion", 0.5e9, 1.5e9)]:
        q = parse_quantity(written)
        interval = interval_of(q.value, q.step, q.qualifier)
        assert (interval.low, interval.high) == (low, high), written
