"""Times read against the day a text was published and in their clause: months placed by a
relative year or step, spans of months and of days without a year, times given in advance,
and the numbers and years that are part of a name."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker.claims import read_sentence
from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.checker.when import find_times
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.store import load_store
from tests.support.stores import StoreMaker, claim, event, metric

FEBRUARY = PartialDate(2025, 2, 10)
NOVEMBER = PartialDate(2024, 11, 20)
WEDNESDAY = PartialDate(2024, 6, 12)


def labels(text: str, reference: PartialDate | None) -> list[str]:
    return [w.label() for w in find_times(text, reference)]


@pytest.mark.parametrize(
    ("text", "reference", "label"),
    [
        # A month with a relative year is one time, in that year.
        ("agreed in April last year", FEBRUARY, "2024-04"),
        ("signed on 22 January this year", FEBRUARY, "2025-01-22"),
        ("due in March of next year", NOVEMBER, "2025-03"),
        # "Last" and "next" count months from the reference month, never including it.
        ("signed in Seoul last November", FEBRUARY, "2024-11"),
        ("signed in Seoul last November", NOVEMBER, "2023-11"),
        ("opens next March", FEBRUARY, "2025-03"),
        ("opens next March", NOVEMBER, "2025-03"),
        ("held this June", NOVEMBER, "2024-06"),
        # A span of months without a year is one of the reference year.
        ("spent $54 million in January-September", NOVEMBER, "2024-01/2024-09"),
        ("between January and April", NOVEMBER, "2024-01/2024-04"),
    ],
)
def test_a_month_is_placed_by_the_words_around_it(
    text: str, reference: PartialDate, label: str
) -> None:
    assert labels(text, reference) == [label]


def test_months_counted_from_a_year_are_left_out_when_the_reference_has_no_month() -> None:
    assert labels("signed last November", PartialDate(2025)) == []


@pytest.mark.parametrize(
    ("text", "label", "announced"),
    [
        # Given in advance, a time without a year is the next one, not the last.
        ("Kazakh Tourism plans to open an office in Seoul in January.", "2025-01", True),
        ("The office opened in January.", "2024-01", False),
        ("The minister will visit Seoul on 3 February.", "2025-02-03", True),
        ("The minister visited Seoul on 3 February.", "2024-02-03", False),
        # Announcing words in another clause announce nothing about this time.
        ("The office opened in January, and more will follow.", "2024-01", False),
    ],
)
def test_a_time_given_in_advance_is_placed_after_the_reference(
    text: str, label: str, announced: bool
) -> None:
    (when,) = find_times(text, NOVEMBER)
    assert (when.label(), when.announced) == (label, announced)


def test_a_weekday_given_in_advance_is_the_next_one() -> None:
    assert labels("The president will arrive on Tuesday.", WEDNESDAY) == ["2024-06-18"]
    assert labels("The president arrived on Tuesday.", WEDNESDAY) == ["2024-06-11"]


@pytest.mark.parametrize(
    ("text", "reference", "label"),
    [
        # The end of a span of weekdays is the first such day on or after its start.
        (
            "Yoon arrived on Tuesday for a state visit through Thursday.",
            WEDNESDAY,
            "2024-06-11/2024-06-13",
        ),
        ("He arrived on Friday for talks through Monday.", WEDNESDAY, "2024-06-07/2024-06-10"),
        ("Talks opened on 3 June 2024 and ran through 5 June 2024.", None, "2024-06-03/2024-06-05"),
    ],
)
def test_a_day_and_its_through_day_are_one_span(
    text: str, reference: PartialDate | None, label: str
) -> None:
    assert labels(text, reference) == [label]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # Another clause, or no "through", keeps two days apart.
        (
            "He arrived on Tuesday, and the talks ran through Thursday.",
            WEDNESDAY,
            ["2024-06-11", "2024-06-06"],
        ),
        ("He arrived on Tuesday and left on Thursday.", WEDNESDAY, ["2024-06-11", "2024-06-06"]),
        # "Until" may say how long something else waits.
        (
            "Talks held on Monday were postponed until Friday.",
            WEDNESDAY,
            ["2024-06-10", "2024-06-07"],
        ),
        # An end before the start is no span.
        (
            "Talks opened on 5 June 2024 and ran through 3 June 2024.",
            None,
            ["2024-06-05", "2024-06-03"],
        ),
    ],
)
def test_days_apart_are_not_joined(
    text: str, reference: PartialDate | None, expected: list[str]
) -> None:
    assert labels(text, reference) == expected


@given(
    start=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    first=st.sampled_from(lexicon.WEEKDAYS),
    last=st.sampled_from(lexicon.WEEKDAYS),
)
def test_a_weekday_span_lasts_under_a_week_and_ends_on_its_weekday(
    start: dt.date, first: str, last: str
) -> None:
    reference = PartialDate(start.year, start.month, start.day)
    (when,) = find_times(
        f"They met on {first.title()} for talks through {last.title()}.", reference
    )
    assert when.first is not None and when.last is not None
    begin, end = when.first.first_day(), when.last.last_day()
    assert begin.weekday() == lexicon.WEEKDAYS.index(first)
    assert end.weekday() == lexicon.WEEKDAYS.index(last)
    assert 0 <= (end - begin).days < 7
    assert begin <= start


def test_a_number_or_year_in_a_name_is_no_figure_and_takes_no_date(
    make_store: StoreMaker,
) -> None:
    """ "Boeing 787-9" would otherwise be a count whose period is the sentence's date, and
    "Expo 2017" a date of the forum."""
    store = load_store(
        make_store(
            metrics=metric("flights", "Flights between Almaty and Seoul", aliases=["flights"]),
            events=event(
                "flights-resumed",
                claim("alpha", "2024-06-15", quote="flights resumed on 15 June"),
                kind="opening",
                title="Direct flights between Astana and Seoul resumed",
            ),
        )
    )
    index = StoreIndex.build(store)
    read = read_sentence(
        index,
        "Air Astana, which flies a Boeing 787-9, resumed direct flights between Astana and"
        " Seoul on June 15 at the Expo 2017 grounds.",
        NOVEMBER,
    )
    assert [q.text for q in read.named_numbers] == ["787", "9"]
    assert [w.text for w in read.named_years] == ["2017"]
    assert read.figures == ()
    (dated,) = read.dates
    assert (dated.when.label(), dated.events) == ("2024-06-15", ("flights-resumed",))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in January through April 2024", "2024-01/2024-04"),
        ("from 11 through 13 June 2024", "2024-06-11/2024-06-13"),
    ],
)
def test_through_joins_the_ends_of_a_span(text: str, label: str) -> None:
    assert labels(text, None) == [label]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The time of the saying is not the time of what was said ...
        (
            "Trade reached $6bn last year, The Astana Times reported in November 2024.",
            ["last year"],
        ),
        ("The ministry said on Tuesday that exports grew.", []),
        ("He told reporters on Monday that trade grew.", []),
        # ... but after "said that" it is part of what was said.
        ("Tokayev said that in 2023 trade reached $6bn.", ["2023"]),
    ],
)
def test_a_time_after_a_verb_of_saying_dates_the_saying(
    make_store: StoreMaker, text: str, kept: list[str]
) -> None:
    index = StoreIndex.build(load_store(make_store()))
    assert [w.text for w in read_sentence(index, text, WEDNESDAY).times] == kept


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Nurbek visited Seoul in March and August 2024.", None, ["2024-03", "2024-08"]),
        # the year written wins over the one a publication date would give
        ("Nurbek visited Seoul in March and August 2023.", NOVEMBER, ["2023-03", "2023-08"]),
        ("on 3 March and 5 August 2024", None, ["2024-03-03", "2024-08-05"]),
        # a year alone after the month is no month's year
        ("in March and 2024", None, ["in March", "2024"]),
    ],
)
def test_months_listed_before_one_with_a_year_share_it(
    text: str, reference: PartialDate | None, expected: list[str]
) -> None:
    assert labels(text, reference) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "may" and "march" are verbs unless written as months
        ("This may boost trade this year.", ["2024"]),
        ("Trade may last year have reached $6 billion.", ["2023"]),
        ("Exports will march ahead next year.", ["2025"]),
        ("Trade rose in May last year.", ["2023-05"]),
        # a relative clause's time is not the announced one
        ("Air Astana will resume flights that were suspended on Tuesday.", ["2024-11-19"]),
        # a span of months given in advance falls after the reference too
        ("The plant will be completed in March-May.", ["2025-03/2025-05"]),
        # an explicit relative year is kept when another month follows with its own year
        ("Nurbek visited Seoul in April last year and August 2024.", ["2023-04", "2024-08"]),
        ("the plan for 2025 through 2027", ["2025/2027"]),
    ],
)
def test_readings_kept_apart(text: str, expected: list[str]) -> None:
    assert labels(text, NOVEMBER) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # nouns and other senses of the verbs are no verbs of saying
        ("Trade turnover between the two states in 2023 reached $9 billion.", ["2023"]),
        ("Trade turnover reported for 2023 was $9 billion.", ["2023"]),
    ],
)
def test_only_a_verb_of_saying_dates_the_saying(
    make_store: StoreMaker, text: str, kept: list[str]
) -> None:
    index = StoreIndex.build(load_store(make_store()))
    assert [w.text for w in read_sentence(index, text).times] == kept


@pytest.mark.parametrize(
    "text",
    [
        "Across Kazakhstan 100,000 ethnic Koreans live today.",
        "Across Kazakhstan 100 Korean schools teach.",
    ],
)
def test_a_number_after_a_country_or_with_separators_is_no_name(
    make_store: StoreMaker, text: str
) -> None:
    index = StoreIndex.build(load_store(make_store()))
    read = read_sentence(index, text)
    assert read.named_numbers == () and read.named_years == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Trade Slumps 44% in First Four Months of 2024", "2024-01/2024-04"),
        ("in the first three quarters of 2024", "2024-01/2024-09"),
    ],
)
def test_first_months_and_quarters_are_read_with_or_without_the(text: str, label: str) -> None:
    assert labels(text, None) == [label]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$1.4bn in Jan-Apr 2024, down from $2.4bn in the same months of 2023",
            ["2024-01/2024-04", "2023-01/2023-04"],
        ),
        (
            "in January-September 2024, against the same period of 2023",
            ["2024-01/2024-09", "2023-01/2023-09"],
        ),
        # after anything but a part of one year it cannot be placed: never the whole year
        ("so far in 2024, against the same period of 2023", ["2024"]),
        ("in December 2023-March 2024, against the same months of 2023", ["2023-12/2024-03"]),
        ("on February 29, 2024, against the same day of 2023", ["2024-02-29"]),
    ],
)
def test_the_same_period_of_a_year_takes_the_months_said_before(
    text: str, expected: list[str]
) -> None:
    assert labels(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed on 28.01.1992 in Almaty", ["1992-01-28"]),
        ("on 5.6.2024 and", ["2024-06-05"]),
        # no such day, or part of a longer dotted number: no date
        ("on 31.02.2024", []),
        ("version 1.4.2024.5", []),
    ],
)
def test_a_day_written_with_dots_is_day_month_year(text: str, expected: list[str]) -> None:
    assert labels(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$1.4bn in Jan-Apr 2024, down from $2.4bn a year earlier",
            ["2024-01/2024-04", "2023-01/2023-04"],
        ),
        ("3 million on 5 June 2024, up from 2 million a year before", ["2024-06-05", "2023-06-05"]),
        # after "than" it is the base of a comparison, no time a number holds for
        ("17% more in 2024 than a year earlier", ["2024"]),
    ],
)
def test_a_year_earlier_after_a_number_is_the_time_before_one_year_back(
    text: str, expected: list[str]
) -> None:
    assert labels(text, None) == expected


def test_years_may_be_written_yrs() -> None:
    assert labels("invested over the last 18 yrs", None) == ["a span of 18 years"]


def test_a_year_earlier_does_not_reach_past_a_semicolon() -> None:
    text = "visited on 11-13 June 2024; trade had reached $6 billion a year earlier"
    assert labels(text, None) == ["2024-06-11/2024-06-13"]
