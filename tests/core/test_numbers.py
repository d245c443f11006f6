"""Shares written as words read as percentages; an ordinal beside them stays an ordinal."""

from __future__ import annotations

import math

import pytest

from kzkr_cli.core.checker.evidence import claim_interval
from kzkr_cli.core.intervals import quantity_interval
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
    "text",
    ["the tender for the plant", "a clear tendency", "an onerous task", "firstly, trade", "tenth"],
)
def test_a_number_word_inside_another_word_is_no_number(text: str) -> None:
    assert [q.text for q in find_quantities(text) if q.kind is Kind.NUMBER] == []


@pytest.mark.parametrize("verb", ["exceeds", "exceeded", "exceeding", "surpassed", "topped"])
def test_a_verb_of_exceeding_is_a_lower_bound(verb: str) -> None:
    (quantity,) = find_quantities(f"investment {verb} $9 billion")
    assert (quantity.qualifier, quantity.value) == (Qualifier.MORE_THAN, 9e9)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("one of its ten largest investors", 10.0, Qualifier.TOP),
        ("the 5 biggest partners", 5.0, Qualifier.TOP),
        ("among the top ten", 10.0, Qualifier.TOP),
        ("not among Kazakhstan's ten biggest investors", 11.0, Qualifier.AT_LEAST),
        ("Korea is not among the top ten", 11.0, Qualifier.AT_LEAST),
        ("outside the top 5", 6.0, Qualifier.AT_LEAST),
    ],
)
def test_n_largest_is_a_top_n_rank_and_not_among_them_is_below(
    text: str, value: float, qualifier: Qualifier
) -> None:
    (rank,) = [q for q in find_quantities(text) if q.kind is Kind.RANK]
    assert (rank.value, rank.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("about half a billion dollars", 5e8, Kind.USD),
        ("half a million people", 5e5, Kind.NUMBER),
        ("half of the rights", 50.0, Kind.PERCENT),
    ],
)
def test_half_a_scale_is_half_of_one(text: str, value: float, kind: Kind) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.kind) == (value, kind)


@pytest.mark.parametrize(
    "text", ["the fourth-biggest partner", "its 4th-largest", "fourth largest"]
)
def test_a_hyphenated_superlative_is_one_rank(text: str) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == [(Kind.RANK, 4.0)]


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


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("more than two-fifths", 40.0, Qualifier.MORE_THAN),
        ("a fifth of all arrivals", 20.0, Qualifier.EXACT),
        ("one-tenth", 10.0, Qualifier.EXACT),
        ("three eighths", 37.5, Qualifier.EXACT),
        ("about two thirds", 200 / 3, Qualifier.ABOUT),
    ],
)
def test_a_share_is_any_numerator_over_any_part(
    text: str, value: float, qualifier: Qualifier
) -> None:
    """Not a list of shares: a numerator in words over a part ("fifths"), so no "two" is
    read out of "two-fifths"."""
    (quantity,) = find_quantities(text)
    assert (quantity.kind, quantity.qualifier) == (Kind.PERCENT, qualifier)
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("trade shrank by more than two-fifths", -40.0),
        ("exports fell by half", -50.0),
        ("imports rose by a third", 100 / 3),
    ],
)
def test_a_share_takes_the_direction_before_it(text: str, value: float) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Kazakhstan's No. 4 trading partner", 4.0), ("its no.12 investor", 12.0)],
)
def test_a_numbered_place_is_a_rank(text: str, value: float) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.kind, quantity.value) == (Kind.RANK, value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a few hundred students", 200, 900),
        ("several thousand visitors", 2000, 9000),
        ("a few dozen firms", 24, 108),
        ("a few hundred thousand people", 200_000, 900_000),
    ],
)
def test_a_few_of_a_scale_is_two_to_nine_of_it(text: str, low: float, high: float) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.kind is Kind.NUMBER
    interval = quantity_interval(quantity)
    assert interval.low == pytest.approx(low)
    assert interval.high == pytest.approx(high)


def test_a_few_of_no_scale_is_no_number() -> None:
    assert list(find_quantities("a few days later, several officials")) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a singular part after "a" is a share only as a share ("a fifth of ..."), not as
        # the ordinal of a thing ("a fifth round")
        ("held a fifth round of talks", [(Kind.RANK, 5.0)]),
        ("a fifth of all arrivals", [(Kind.PERCENT, 20.0)]),
        # "No." at a sentence's end or before a comma is still a rank; "No. 0" is none
        ("Korea is Kazakhstan's No. 4.", [(Kind.RANK, 4.0)]),
        ("Korea, its No. 4, is a partner", [(Kind.RANK, 4.0)]),
        ("a few billion dollars", [(Kind.USD, 5.5e9)]),
    ],
)
def test_forms_read_as_what_they_are(text: str, read: list[tuple[Kind, float]]) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == read


def test_a_share_in_words_is_as_precise_as_a_quarter_of_its_part() -> None:
    (quantity,) = find_quantities("two-fifths")
    interval = quantity_interval(quantity)
    assert interval.low == pytest.approx(35.0)
    assert interval.high == pytest.approx(45.0)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("some 120k ethnic Koreans", [(Kind.NUMBER, 120_000.0)]),
        # joined in capitals it is as often a name's ("Study Korea 300K Project"); apart,
        # or as "m", no scale
        ("the 300K Project", []),
        ("a 5m stretch", []),
    ],
)
def test_a_k_joined_to_digits_is_thousands(text: str, read: list[tuple[Kind, float]]) -> None:
    assert [(q.kind, q.value) for q in find_quantities(text)] == read


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Trade Slumps 44% in 2024", -44.0),
        ("exports falls 3%", -3.0),
        ("imports rises 5%", 5.0),
        ("turnover grows 9 percent", 9.0),
        # nouns among those verbs' forms are no direction
        ("a $1 billion contract", 1e9),
        ("12 contracts", 12.0),
    ],
)
def test_a_direction_in_a_headlines_present_tense_is_read(text: str, value: float) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("barely topped $3 billion", 3.2e9, 6e9),
        ("just over $3 billion", 3.2e9, 3.6e9),
        ("just over $735 million", 735.8e6, 820e6),
        ("just under $1 billion", 0.95e9, 0.736e9),
        ("slightly under 110,000", 106_000, 95_000),
        # the direction before it reaches through "slightly": a fall of just under 45 %
        ("fell by slightly under 45%", -44, -30),
    ],
)
def test_a_bound_barely_passed_reaches_a_tenth_beyond_it(
    text: str, inside: float, outside: float
) -> None:
    (quantity,) = find_quantities(text)
    interval = claim_interval(quantity)
    assert interval.low <= inside <= interval.high
    assert not interval.low <= outside <= interval.high


def test_a_plain_bound_stays_open() -> None:
    (quantity,) = find_quantities("topped $3 billion")
    assert claim_interval(quantity).high == math.inf


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one hundred and twenty thousand", 120_000),
        ("one hundred and twenty-five percent", 125),
        ("a hundred and five", 105),
        ("two hundred fifty", 250),
        ("seven hundred million dollars", 700_000_000),
    ],
)
def test_hundreds_in_words_join_what_follows(text: str, value: float) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.value == value


def test_adding_up_to_is_a_sum_not_a_ceiling() -> None:
    (total,) = find_quantities("inflows add up to $9.6 billion")
    (ceiling,) = find_quantities("an option on up to 50%")
    assert total.qualifier is Qualifier.EXACT
    assert ceiling.qualifier is Qualifier.UP_TO


@pytest.mark.parametrize(("text", "value"), [("the 44% slump", -44), ("a 125% jump", 125)])
def test_a_sharp_move_after_a_percentage_gives_its_direction(text: str, value: float) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.value == value


def test_a_sharp_move_after_a_count_gives_none() -> None:
    (quantity,) = find_quantities("10 slump")
    assert quantity.value == 10


def test_two_hundreds_joined_by_and_stay_two_numbers() -> None:
    found = [q.value for q in find_quantities("between seven hundred and eight hundred firms")]
    assert found == [700, 800]


def test_a_sum_that_could_be_is_a_ceiling() -> None:
    (quantity,) = find_quantities("inflows could add up to $20 billion")
    assert quantity.qualifier is Qualifier.UP_TO
