"""Countries read from the gazetteer: a claim about a country its record is not about is
never settled by that record."""

from __future__ import annotations

import pytest

from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.checker.parties import countries
from kzkr_cli.core.store import load_store
from tests.conftest import StoreMaker
from tests.support.stores import figure, metric


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Japan ranks third", [{"JP"}]),
        ("trade with the Russian Federation and Russia", [{"RU"}, {"RU"}]),
        ("Chinese and Italian firms", [{"CN"}, {"IT"}]),
        ("ethnic Koreans in Uzbekistan", [{"KR", "KP"}, {"UZ"}]),
        ("Kazakh and Kyrgyz herders", [{"KZ"}, {"KG"}]),
        ("South Korea, not South Africa", [{"KR"}, {"ZA"}]),
        ("the United States and New Zealand", [{"US"}, {"NZ"}]),
        ("Children and George met Chile's", [{"CL"}]),
        ("trade rose, Korea said", [{"KR", "KP"}]),
        ("a japanese word in lower case", []),
    ],
)
def test_countries_by_name_and_by_their_people(text: str, named: list[set[str]]) -> None:
    assert [set(c) for c in countries(text)] == named


DIASPORA_METRICS = metric(
    "diaspora",
    "Ethnic Koreans living in Kazakhstan",
    "count",
    aliases=["ethnic Koreans"],
    description="People of Korean descent living in Kazakhstan, at a moment.",
)

DIASPORA = figure(
    "alpha-diaspora",
    "120,000",
    120000,
    {"as_of": "2024"},
    metric="diaspora",
    source="alpha",
    quote="home to 120,000 ethnic Koreans",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Kazakhstan is home to 120,000 ethnic Koreans.", Verdict.SUPPORTED),
        ("Kazakhstan is home to 170,000 ethnic Koreans.", Verdict.CONTRADICTED),
        ("Uzbekistan is home to 120,000 ethnic Koreans.", Verdict.UNVERIFIABLE),
        ("170,000 ethnic Koreans live in Uzbekistan.", Verdict.UNVERIFIABLE),
        ("Kyrgyzstan, like Kazakhstan, has 170,000 ethnic Koreans.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_country_the_record_is_not_about_is_unverifiable(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(figures=DIASPORA, metrics=DIASPORA_METRICS)))
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if verdict is Verdict.UNVERIFIABLE:
        assert "speaks of" in result.explanation


PARTNER_RANK = metric(
    "partner-rank",
    "South Korea's rank among Kazakhstan's trade partners",
    "rank",
    aliases=["trading partner", "trade partner"],
)
PARTNER_FIGURE = figure(
    "alpha-partner-rank",
    "fourth",
    4,
    {"as_of": "2024"},
    metric="partner-rank",
    quote="South Korea is Kazakhstan's fourth-largest trading partner",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("South Korea is Kazakhstan's 4th-largest trading partner.", Verdict.SUPPORTED),
        ("South Korea is Kazakhstan's 30th-largest trading partner.", Verdict.CONTRADICTED),
        # Whose partner is ranked: an ordinal in digits is part of what the possessive owns.
        ("Kazakhstan is South Korea's 30th-largest trading partner.", Verdict.UNVERIFIABLE),
    ],
)
def test_the_possessive_owns_the_ranked_partner_past_an_ordinal_in_digits(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(figures=PARTNER_FIGURE, metrics=PARTNER_RANK)))
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation


EXPORTS = metric("kz-exports", "Kazakhstan's exports to South Korea", "USD", aliases=["exports"])
EXPORTS_FIGURE = figure(
    "alpha-kz-exports",
    "$735.8 million",
    735.8e6,
    metric="kz-exports",
    quote="exports from Kazakhstan to South Korea reached $735.8 million",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (
            "Kazakhstan exported $735.8 million worth of goods to South Korea in 2023.",
            Verdict.SUPPORTED,
        ),
        # sent to another country than the metric's: not this metric
        (
            "South Korea exported $735.8 million worth of goods to Kazakhstan in 2023.",
            Verdict.UNVERIFIABLE,
        ),
    ],
)
def test_a_flow_sent_to_another_country_is_not_the_metrics(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(figures=EXPORTS_FIGURE, metrics=EXPORTS)))
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation
