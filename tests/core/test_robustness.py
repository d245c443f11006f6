"""Properties that must hold for any input: a damaged store fails with the store's own error,
any text gets a verdict, and numbers survive being written out and read back."""

from __future__ import annotations

import functools
import json
import math
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kzkr_cli.core.checker import Checker
from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.errors import QueryError, StoreError
from kzkr_cli.core.export import export_store
from kzkr_cli.core.formatting import format_number, human_number
from kzkr_cli.core.intervals import Interval, quantity_interval
from kzkr_cli.core.numbers import parse_quantity
from kzkr_cli.core.store import Store, load_store
from tests.support.damage import EVENTS, FIGURES, copy_shipped, mutate_store, write_synthetic
from tests.support.stores import FACTS


def assert_usable(store: Store) -> None:
    """A store that loads must be usable: exported as strict JSON and searched for conflicts."""
    json.dumps(export_store(store), allow_nan=False)
    find_conflicts(store)


@pytest.mark.parametrize("make", [write_synthetic, copy_shipped], ids=["synthetic", "shipped"])
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_store_loads_or_raises_the_store_error(
    make: Callable[[Path], None], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        root.mkdir()
        make(root)
        mutate_store(data, root)
        names = {str(p) for p in root.rglob("*.toml")} | {str(root)}
        try:
            store = load_store(root)
        except StoreError as exc:
            assert exc.problems
            assert {p.file for p in exc.problems} <= names
            assert all(p.message for p in exc.problems)
        else:
            assert_usable(store)


def test_the_unmutated_stores_load() -> None:
    """The property above is only worth something if the stores it damages were valid."""
    for make in (write_synthetic, copy_shipped):
        with tempfile.TemporaryDirectory() as folder:
            make(Path(folder))
            assert_usable(load_store(Path(folder)))


# ---------------------------------------------------------------- numbers

plain_decimals = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(0, 10**12 - 1),
    st.integers(0, 6),
)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_number_is_plain_and_exact_to_twelve_digits(value: float) -> None:
    text = format_number(value)
    assert "e" not in text.lower()
    assert not text.endswith(".")
    assert not text.endswith(".0")
    assert math.isclose(float(text), value, rel_tol=1e-11, abs_tol=0.0)


@given(plain_decimals)
def test_a_formatted_number_reads_back_as_itself(number: Decimal) -> None:
    value = float(number)
    assume(not (value.is_integer() and 1800 <= value <= 2099))  # a bare year reads as a date
    quantity = parse_quantity(format_number(value))
    assert quantity.value == value
    assert quantity.step > 0


@given(st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1e15)))
def test_a_number_written_for_people_reads_back_within_its_precision(value: float) -> None:
    written = human_number(value)
    quantity = parse_quantity(written)
    admitted = quantity_interval(quantity).widen(abs(value) * 1e-12)
    assert admitted.contains(Interval.point(value)), (written, quantity)


@given(plain_decimals, st.sampled_from(["about ", "more than ", "up to ", "nearly ", ""]))
def test_money_written_with_a_hedge_reads_back_with_it(number: Decimal, hedge: str) -> None:
    written = f"{hedge}${format_number(float(number))} million"
    quantity = parse_quantity(written)
    assert math.isclose(quantity.value, float(number) * 1e6, rel_tol=1e-12)
    assert quantity.kind.value == "USD"
    assert (quantity.qualifier.value == "exact") == (hedge == "")


# ---------------------------------------------------------------- the claim checker

WORDS = [
    "trade",
    "turnover",
    "Kazakhstan",
    "South Korea",
    "investors",
    "reached",
    "fell",
    "in",
    "2023",
    "2024",
    "June",
    "$6 billion",
    "about",
    "more than",
    "44%",
    "fifth",
    "top ten",
    "visited",
    "on January 28, 1992",
    "Koryo-saram",
    "120,000",
    ".",
    "\n",
]


@functools.cache
def shipped_checker() -> Checker:
    store = load_store(FACTS)
    return Checker(store, find_conflicts(store))


def _judge(text: str) -> None:
    from kzkr_cli.core.checker import Verdict

    checker = shipped_checker()
    try:
        result = checker.check_claim(text)
    except QueryError as exc:
        assert str(exc)
        return
    assert result.verdict in set(Verdict)
    assert result.explanation
    for found in checker.check_text(text):
        assert found.verdict in set(Verdict)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_verdict_or_a_clean_error(text: str) -> None:
    _judge(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_any_claim_in_the_store_s_own_words_gets_a_verdict(text: str) -> None:
    _judge(text)


number_heavy = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.integers(0, 10**12).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
        st.sampled_from(["$", "%", "th", "-", "–", ",", " to ", " billion", "st"]),
    ),
    min_size=50,
    max_size=400,
).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(number_heavy)
def test_a_long_number_heavy_text_gets_a_verdict(text: str) -> None:
    _judge(text)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="0123456789,. $%", min_size=1, max_size=6000))
def test_digits_alone_get_a_verdict(text: str) -> None:
    _judge(text)


@pytest.mark.parametrize("digits", [310, 400, 4300, 4301, 10_000])
@pytest.mark.parametrize("shape", ["${} in 2023", "{} people", "the {}th largest investor"])
def test_a_number_too_large_for_a_float_is_unverifiable_with_the_reason(
    digits: int, shape: str
) -> None:
    from kzkr_cli.core.checker import Verdict

    claim = "Trade reached " + shape.format("9" * digits) + "."
    result = shipped_checker().check_claim(claim)
    assert result.verdict is Verdict.UNVERIFIABLE
    assert f"A number of {digits} digits is too large" in result.explanation


def test_loading_reports_progress_file_by_file(make_store: Callable[..., Path]) -> None:
    root = make_store(figures=FIGURES, events=EVENTS)
    told: list[tuple[int, int]] = []
    load_store(root, progress=lambda done, total: told.append((done, total)))
    assert told == [(1, 4), (2, 4), (3, 4), (4, 4)]
