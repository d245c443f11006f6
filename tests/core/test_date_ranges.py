"""Dates with uncertainty: one day within a range is not a span it lasted, and two claims
conflict only when no day can satisfy both."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.dates import DateRange, PartialDate, parse_dating
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.intervals import Interval, percent_change
from kzkr_cli.core.models import DateClaim
from kzkr_cli.core.store import load_store
from tests.support.stores import StoreMaker, source


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024-11-03..2024-11-05", dt.date(2024, 11, 3), dt.date(2024, 11, 5)),
        ("1937..1939", dt.date(1937, 1, 1), dt.date(1939, 12, 31)),
        ("..2024-11-05", dt.date.min, dt.date(2024, 11, 5)),
        ("2024-06..", dt.date(2024, 6, 1), dt.date.max),
        ("2024-06", dt.date(2024, 6, 1), dt.date(2024, 6, 30)),
    ],
)
def test_a_range_is_the_days_it_may_fall_on(text: str, first: dt.date, last: dt.date) -> None:
    dating = parse_dating(text)
    assert (dating.first_day(), dating.last_day()) == (first, last)
    assert dating.iso() == text  # kept as written


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("..", "a range needs at least one end"),
        ("2024-11-05..2024-11-03", "the range ends before it starts"),
        ("2024..2025..2026", "more than one '..'"),
        ("2024-13..2025", "month 13 does not exist"),
        ("soon..2025", "is not a date range of the form A..B"),
    ],
)
def test_a_malformed_range_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_dating(text)


VISIT = """
[[event]]
id = "e"
kind = "agreement"
title = "Plan signed during the visit"

[[event.claim]]
source = "alpha"
{first}
quote = "signed during the visit"

[[event.claim]]
source = "beta"
{second}
quote = "signed on 4 November"
"""


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # some day of the 3-5 November visit, against a day inside and outside it
        ('date = "2024-11-03..2024-11-05"', 'date = "2024-11-04"', False),
        ('date = "2024-11-03..2024-11-05"', 'date = "2024-11-07"', True),
        # the visit itself, lasting from the 3rd to the 5th, against one day: a conflict
        ('date = "2024-11-03"\nend = "2024-11-05"', 'date = "2024-11-04"', True),
        # no later than 5 November
        ('date = "..2024-11-05"', 'date = "2024-10-01"', False),
        ('date = "..2024-11-05"', 'date = "2024-11-06"', True),
        # no earlier than 1937
        ('date = "1937.."', 'date = "1938"', False),
        ('date = "1937.."', 'date = "1936-12"', True),
        # a span whose end is only known to within a range
        (
            'date = "2024-06-11"\nend = "2024-06-12..2024-06-13"',
            'date = "2024-06-11"\nend = "2024-06-13"',
            False,
        ),
    ],
)
def test_claims_conflict_only_when_no_day_satisfies_both(
    make_store: StoreMaker, first: str, second: str, conflict: bool
) -> None:
    store = load_store(make_store(events=VISIT.format(first=first, second=second)))
    assert bool(find_conflicts(store)) is conflict


def test_a_range_in_a_store_is_validated_with_its_place(make_store: StoreMaker) -> None:
    events = VISIT.format(first='date = "2024-11-05..2024-11-03"', second='date = "2024"')
    with pytest.raises(StoreError, match=r"event e: .*the range ends before it starts"):
        load_store(make_store(events=events))


def test_an_end_before_a_range_can_start_is_refused() -> None:
    with pytest.raises(ValueError, match="is before date"):
        DateClaim.model_validate(
            {"source": "s", "date": "2024-11-03..2024-11-05", "end": "2024-11-01", "quote": "q"}
        )


def test_a_source_may_be_dated_by_a_range(make_store: StoreMaker) -> None:
    sources = source(
        "alpha", title="A", publisher="P", published="2024..2024-06-10", document="a.txt"
    ) + source("beta", title="B", publisher="P", published="2024-11-05", document="b.txt")
    store = load_store(make_store(sources=sources))
    assert store.sources["alpha"].published == DateRange(
        PartialDate(2024), PartialDate(2024, 6, 10)
    )


positive = st.integers(min_value=1, max_value=10_000)


@given(positive, positive, st.integers(0, 50), st.integers(0, 50))
def test_a_percent_change_is_what_some_pair_of_values_gives(
    before: int, after: int, before_slack: int, after_slack: int
) -> None:
    """Against brute force over a grid of each interval's values: every change the
    interval allows is reached by some pair, and no pair falls outside it."""
    b = Interval(before, before + before_slack)
    a = Interval(after, after + after_slack)
    changes = [
        (y / x - 1) * 100
        for x, y in itertools.product(
            [b.low + (b.high - b.low) * i / 8 for i in range(9)],
            [a.low + (a.high - a.low) * i / 8 for i in range(9)],
        )
    ]
    interval = percent_change(b, a)
    assert interval.low == pytest.approx(min(changes))
    assert interval.high == pytest.approx(max(changes))
