"""Rules of issue 11, each on a small synthetic store: what the checker will not judge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kzkr_cli.core.checker import Checker, Verdict, evidence
from kzkr_cli.core.checker.claims import read_sentence
from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.store import load_store
from tests.conftest import StoreMaker
from tests.support.stores import SUMMIT_EVENTS, claim, event, figure, metric

RETURN = """
[[event]]
id = "return"
kind = "repatriation"
title = "Remains of General Ahn returned from Kyzylorda to South Korea"
actors = ["General Ahn"]

[[event.claim]]
source = "alpha"
date = "2021"
quote = "his remains were returned in 2021"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("General Ahn's remains were returned from Kyzylorda in 2021.", Verdict.SUPPORTED),
        ("General Ahn's remains were brought home from Kyzylorda in 2019.", Verdict.CONTRADICTED),
        ("General Ahn died in Kyzylorda in 1943.", Verdict.UNVERIFIABLE),
        ("General Ahn lived in Kyzylorda in 1950.", Verdict.UNVERIFIABLE),
        # another kind of happening is neither confirmed nor ruled out by this one
        ("General Ahn signed an accord in Kyzylorda in 2021.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_date_is_judged_only_against_what_the_sentence_says_happened(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=RETURN)))
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation


PLAN = """
[[event]]
id = "plan"
kind = "agreement"
title = "Steppe Cooperation Programme for 2031-2033 signed"
actors = ["Minister Arman", "Minister Bora"]

[[event.claim]]
source = "alpha"
date = "2030-11"
quote = "signed a Steppe Cooperation Programme for 2031-2033"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Arman and Bora signed a Steppe Cooperation Programme for 2031-2033.", Verdict.SUPPORTED),
        (
            "Arman and Bora signed a Steppe Cooperation Programme for 2030-2032.",
            Verdict.CONTRADICTED,
        ),
        ("Arman and Bora signed the Steppe Cooperation Programme in 2030.", Verdict.SUPPORTED),
        ("Arman and Bora signed the Steppe Cooperation Programme in 2029.", Verdict.CONTRADICTED),
        # a span of years when something happened is no span it is for
        (
            "Arman and Bora signed a Steppe Cooperation Programme in 2030-2031.",
            Verdict.SUPPORTED,
        ),
        # a span of years given of a thing whose name holds one is its span, however
        # introduced
        (
            "Arman and Bora signed a Steppe Cooperation Programme covering 2031 to 2033.",
            Verdict.SUPPORTED,
        ),
        (
            "Arman and Bora signed a Steppe Cooperation Programme covering 2030-2032.",
            Verdict.CONTRADICTED,
        ),
        # a span after "for" is the plan's period, never the day it was signed
        (
            "A Steppe Cooperation Programme for 2030-2031 was signed in November 2030.",
            Verdict.CONTRADICTED,
        ),
    ],
)
def test_a_plans_span_is_its_period_not_its_date(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=PLAN)))
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation


AGE_METRICS = """
[[metric]]
id = "pact-age"
name = "Age of the Steppe pact"
unit = "years"
aliases = ["Steppe pact"]
description = "Years since the Steppe pact was concluded, at a moment."
age_of = "pact"
"""

PACT = """
[[event]]
id = "pact"
kind = "agreement"
title = "Steppe pact concluded"
aliases = ["Steppe pact"]

[[event.claim]]
source = "alpha"
date = "2003-11"
quote = "the Steppe pact of November 2003"

[[event.claim]]
source = "beta"
date = "2009"
quote = "the Steppe pact's 15th anniversary in 2024"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the start the age implies is one the sources dispute ...
        ("The Steppe pact marked its 15th anniversary in 2024.", Verdict.DISPUTED),
        ("The Steppe pact was twenty years old in 2023.", Verdict.DISPUTED),
        ("2024 was the twenty-first year of the Steppe pact.", Verdict.DISPUTED),
        # ... or one no source gives: an anniversary completes in its own year
        ("The Steppe pact marked its 18th anniversary in 2024.", Verdict.CONTRADICTED),
        ("The Steppe pact marked its 20th anniversary in 2024.", Verdict.CONTRADICTED),
    ],
)
def test_an_age_leans_on_the_date_it_counts_from(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    root = make_store(metrics=AGE_METRICS, events=PACT)
    result = Checker(load_store(root)).check_claim(claim)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    ("age_of", "unit", "message"),
    [
        ("nothing", "years", "pact-age: age_of: unknown event 'nothing'"),
        ("pact", "count", "pact-age: age_of: only a metric in years is an age"),
    ],
)
def test_an_age_must_count_from_a_known_event_in_years(
    make_store: StoreMaker, age_of: str, unit: str, message: str
) -> None:
    metrics = AGE_METRICS.replace('"pact"', f'"{age_of}"').replace('"years"', f'"{unit}"')
    with pytest.raises(StoreError) as raised:
        load_store(make_store(metrics=metrics, events=PACT))
    assert any(message in str(p) for p in raised.value.problems), raised.value.problems


OWNED_METRICS = metric(
    "students",
    "Kazakh students studying in South Korea",
    "count",
    aliases=["students"],
    description="Students from Kazakhstan enrolled in South Korea, at a moment.",
) + metric(
    "partner-rank",
    "South Korea's rank among Kazakhstan's trade partners",
    "rank",
    aliases=["trade partner"],
    description="South Korea's position among Kazakhstan's trade partners, at a moment.",
)

OWNED = figure(
    "alpha-students",
    "over 1,000",
    1000,
    {"as_of": "2024"},
    metric="students",
    qualifier="more_than",
    source="alpha",
    quote="over 1,000 Kazakh students",
) + figure(
    "alpha-rank",
    "fourth",
    4,
    {"as_of": "2024"},
    metric="partner-rank",
    source="alpha",
    quote="Korea is Kazakhstan's fourth-largest trade partner",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("More than 1,000 Kazakh students study in South Korea.", Verdict.SUPPORTED),
        # a people's name ties the noun after it to its country ...
        ("More than 1,000 South Korean students study in Kazakhstan.", Verdict.UNVERIFIABLE),
        ("About 5,000 Korean students are studying in Kazakhstan.", Verdict.UNVERIFIABLE),
        # ... and a possessive the words it owns
        ("Korea is Kazakhstan's fourth-largest trade partner.", Verdict.SUPPORTED),
        ("Korea is Kazakhstan's third-largest trade partner.", Verdict.CONTRADICTED),
        ("Kazakhstan is South Korea's fourth-largest trade partner.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_noun_tied_to_another_country_is_not_the_metrics(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    root = make_store(metrics=OWNED_METRICS, figures=OWNED)
    result = Checker(load_store(root)).check_claim(claim)
    assert result.verdict is verdict, result.explanation


COMPANY_METRICS = metric(
    "companies",
    "Companies with Korean capital",
    "count",
    aliases=["Korean companies"],
    description="Companies with Korean capital operating in Kazakhstan, at a moment.",
) + metric(
    "diaspora",
    "Ethnic Koreans living in Kazakhstan",
    "count",
    aliases=["koreans"],
    description="People of Korean descent living in Kazakhstan, at a moment.",
)

COMPANIES = figure(
    "alpha-companies",
    "about 740",
    740,
    {"as_of": "2024"},
    metric="companies",
    qualifier="about",
    source="alpha",
    quote="about 740 companies with Korean capital",
) + figure(
    "alpha-diaspora",
    "120,000",
    120000,
    {"as_of": "2024"},
    metric="diaspora",
    source="alpha",
    quote="120,000 ethnic Koreans",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("There are about 740 Korean companies in Kazakhstan.", Verdict.SUPPORTED),
        # a count of people is no count of companies, nor of Koreans for "Korean companies"
        ("Korean companies employ more than 20,000 people in Kazakhstan.", Verdict.UNVERIFIABLE),
        ("Kazakhstan has 120,000 Koreans.", Verdict.SUPPORTED),
    ],
)
def test_a_count_of_people_counts_persons(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    root = make_store(metrics=COMPANY_METRICS, figures=COMPANIES)
    result = Checker(load_store(root)).check_claim(claim)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("South Korea had opened one in Almaty.", []),
        ("It is one of the largest investors.", []),
        ("Only one, in Almaty, is open.", []),
        ("One store opened in Almaty.", ["One"]),
        ("They opened one new store.", ["one"]),
    ],
)
def test_one_standing_for_a_noun_is_no_count(text: str, counts: list[str]) -> None:
    from kzkr_cli.core.checker.claims import _pronoun
    from kzkr_cli.core.numbers import find_quantities

    assert [q.text for q in find_quantities(text) if not _pronoun(text, q)] == counts


TRADE = figure(
    "alpha-trade",
    "$6 billion",
    6e9,
    {"start": "2023"},
    metric="trade",
    source="alpha",
    quote="trade reached $6 billion in 2023",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (
            "Turnover reached $6 billion last year.",
            Verdict.SUPPORTED,
        ),
        # "last year" has no place in the calendar: it cannot rule a figure out
        (
            "Turnover reached $9 billion last year.",
            Verdict.UNVERIFIABLE,
        ),
        ("Turnover reached $9 billion in 2023.", Verdict.CONTRADICTED),
    ],
)
def test_a_time_counted_from_the_writing_is_no_date(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = Checker(load_store(make_store(figures=TRADE))).check_claim(claim)
    assert result.verdict is verdict, result.explanation


FOUNDING_AND_VISIT = """
[[event]]
id = "founding"
kind = "founding"
title = "Society for Steppe Studies founded"
actors = ["Society for Steppe Studies"]

[[event.claim]]
source = "alpha"
date = "2005"
quote = "In 2005 the Society for Steppe Studies was founded"

[[event]]
id = "visit"
kind = "visit"
title = "President Arman Bekov visits Busan"
actors = ["Arman Bekov"]

[[event.claim]]
source = "alpha"
date = "2004"
quote = "In 2004 President Arman Bekov visited Busan"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the date goes with the happening named next to it, not the best-matching event
        (
            "The Society for Steppe Studies was founded in 2005 after President Arman Bekov's"
            " visit to Busan.",
            Verdict.SUPPORTED,
        ),
        (
            "The Society for Steppe Studies was founded in 2007 after President Arman Bekov's"
            " visit to Busan.",
            Verdict.CONTRADICTED,
        ),
        ("President Arman Bekov's visit to Busan came in 2004.", Verdict.SUPPORTED),
    ],
)
def test_a_date_dates_the_happening_named_nearest(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = Checker(load_store(make_store(events=FOUNDING_AND_VISIT))).check_claim(claim)
    assert result.verdict is verdict, result.explanation


PLACED = """
[[event]]
id = "talks"
kind = "meeting"
title = "Bekov–Arman talks in Ulsan"
actors = ["Arman Bekov", "Bora Kim"]
place = "Ulsan"

[[event.claim]]
source = "alpha"
date = "2023-09"
quote = "Bekov and Kim held talks in Ulsan in September 2023"

[[event]]
id = "opening"
kind = "opening"
title = "Steppe Bank opens its first branch"
actors = ["Steppe Bank"]
place = "Almaty"

[[event.claim]]
source = "alpha"
date = "2019"
quote = "Steppe Bank opened its first branch in Almaty in 2019"

[[event]]
id = "other"
kind = "visit"
title = "Kim visits Busan"
actors = ["Bora Kim"]
place = "Busan"

[[event.claim]]
source = "beta"
date = "2020"
quote = "Kim visited Busan in 2020"
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Bekov and Kim held talks in Ulsan in September 2023.", Verdict.SUPPORTED),
        # another place the store knows: another occasion of a meeting, ...
        ("Bekov and Kim held talks in Busan in September 2023.", Verdict.UNVERIFIABLE),
        # ... a contradiction of a one-off
        ("Steppe Bank opened its first branch in Busan in 2019.", Verdict.CONTRADICTED),
        ("Steppe Bank opened its first branch in Almaty in 2019.", Verdict.SUPPORTED),
    ],
)
def test_a_date_in_another_place_is_not_the_events(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = Checker(load_store(make_store(events=PLACED))).check_claim(claim)
    assert result.verdict is verdict, result.explanation


FLIGHT_METRICS = metric(
    "flights",
    "Flights between Aral and Busan in operation",
    "flights/week",
    aliases=["flights"],
    description="Scheduled flights a week between Aral and Busan, at a moment.",
) + metric(
    "flights-agreed",
    "Flights between Aral and Busan agreed by aviation authorities",
    "flights/week",
    aliases=["flights agreed"],
    description="Flights a week the aviation authorities agreed to allow, at a moment.",
    plan_of="flights",
)

FLIGHTS = figure(
    "alpha-flights",
    "10",
    10,
    {"as_of": "2024-03"},
    metric="flights",
    source="alpha",
    quote="10 flights a week",
) + figure(
    "alpha-agreed",
    "42",
    42,
    {"as_of": "2024-03"},
    metric="flights-agreed",
    source="alpha",
    quote="agreed to increase flights to 42 a week",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # in a change from X to Y between a metric and its plan, X is now and Y the plan
        (
            "Aviation authorities agreed to lift Aral-Busan flights from 10 to 42 a week.",
            Verdict.SUPPORTED,
        ),
        (
            "Aviation authorities agreed to lift Aral-Busan flights from 10 to 50 a week.",
            Verdict.CONTRADICTED,
        ),
    ],
)
def test_from_now_to_the_plan(make_store: StoreMaker, claim: str, verdict: Verdict) -> None:
    root = make_store(metrics=FLIGHT_METRICS, figures=FLIGHTS)
    result = Checker(load_store(root)).check_claim(claim)
    assert result.verdict is verdict, result.explanation


def test_a_claim_is_judged_once_per_candidate_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rivals, look-alikes and the round-number re-read all ask about the same subjects;
    each (reading of the claim, subject) pair is judged once."""
    calls: list[tuple[int, str]] = []
    real = evidence._judge_metric

    def counting(index: Any, claim: Any, metric_id: str) -> Any:
        calls.append((id(claim), metric_id))
        return real(index, claim, metric_id)

    monkeypatch.setattr(evidence, "_judge_metric", counting)
    checker = Checker(load_store(Path(__file__).resolve().parents[2] / "facts"))
    for text in [
        "Almaty-Seoul flights rose from 10 to 42 a week.",
        "About 300 Kazakh students study in South Korea.",
        "Korean FDI into Kazakhstan reached $1,000 million in 2023.",
    ]:
        calls.clear()
        checker.check_claim(text)
        assert calls, text
        assert len(calls) == len(set(calls)), text


BASE_YEAR = figure(
    "alpha-2023", "$1.2 billion", 1.2e9, {"start": "2023"}, quote="$1.2 billion in 2023"
) + figure("beta-2022", "$0.9 billion", 0.9e9, {"start": "2022"}, source="beta", quote="$0.9b")


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the year after "than" is what the amount is compared with, not its period
        (
            "In 2023, trade between the two countries, by the ministry's own count, amounted"
            " to $1.2 billion, 31 percent more than in 2022.",
            Verdict.SUPPORTED,
        ),
        (
            "In 2023, trade between the two countries, by the ministry's own count, amounted"
            " to $0.9 billion, 31 percent less than in 2022.",
            Verdict.CONTRADICTED,
        ),
        # with no comparison, the nearest year still dates the amount
        ("Trade amounted to $0.9 billion in 2022 and grew in 2023.", Verdict.SUPPORTED),
    ],
)
def test_the_year_of_a_comparison_is_no_amounts_period(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    trade = metric(
        "trade",
        "Trade turnover",
        "USD",
        aliases=["trade"],
        description="Annual trade turnover between the two countries.",
    )
    checker = Checker(load_store(make_store(figures=BASE_YEAR, metrics=trade)))
    (amount,) = [f for f in checker.check_claim(claim).findings if "billion" in f.stated]
    assert amount.verdict is verdict, amount.explanation


def test_the_year_of_a_comparison_is_no_changes_period_either(make_store: StoreMaker) -> None:
    """A +31% stated for 2023 is not looked for in 2022 because "than in 2022" stands near."""
    metrics = metric(
        "trade", "Trade turnover", "USD", aliases=["trade"], description="Annual trade."
    ) + metric(
        "trade-change",
        "Change in trade turnover",
        "percent",
        aliases=["trade grew"],
        description="Change in annual trade.",
        change_of="trade",
    )
    figures = figure(
        "alpha-change", "31%", 31, {"start": "2023"}, metric="trade-change", quote="31%"
    )
    checker = Checker(load_store(make_store(figures=figures, metrics=metrics)))
    claim = "Trade grew by 31 percent, more than in 2022."
    (change,) = [f for f in checker.check_claim(claim).findings if "percent" in f.stated]
    assert "for 2022" not in change.explanation
    assert change.verdict is Verdict.SUPPORTED, change.explanation


def test_each_clause_says_its_own_direction(make_store: StoreMaker) -> None:
    """Exports to South Korea in one clause and imports from it in the next: the first
    amount is the exports, though the sentence as a whole says both directions."""
    exports = metric(
        "exports",
        "Kazakhstan's exports to South Korea",
        "USD",
        aliases=["exports"],
        description="Goods exported from Kazakhstan to South Korea.",
    )
    figures = figure("alpha-exports", "$1.96 billion", 1.96e9, {"start": "2024"}, metric="exports")
    checker = Checker(load_store(make_store(figures=figures, metrics=exports)))
    claim = (
        "In 2024, Kazakhstan's exports to South Korea totaled $1.96 billion, while imports"
        " from South Korea fell to $1.86 billion."
    )
    verdicts = {f.stated: f.verdict for f in checker.check_claim(claim).findings}
    assert verdicts["$1.96 billion"] is Verdict.SUPPORTED
    assert verdicts["$1.86 billion"] is Verdict.UNVERIFIABLE


@pytest.mark.parametrize("rate", ["vehicles a year", "vehicles per year"])
def test_a_rate_reads_alike_with_a_or_per(make_store: StoreMaker, rate: str) -> None:
    capacity = metric(
        "capacity",
        "Production capacity of the Kostanay car plant",
        "vehicles/year",
        aliases=["vehicles a year"],
        description="Design production capacity of the plant in Kazakhstan.",
    )
    figures = figure(
        "alpha-capacity",
        "70,000 vehicles a year",
        70000,
        {"as_of": "2024"},
        metric="capacity",
    )
    checker = Checker(load_store(make_store(figures=figures, metrics=capacity)))
    result = checker.check_claim(f"In 2024 the plant in Kazakhstan could make 70,000 {rate}.")
    assert result.verdict is Verdict.SUPPORTED, result.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # A date events tie for may confirm any of them ...
        ("The Korean president's summit visit to Astana began on 12 June 2024.", Verdict.SUPPORTED),
        # ... and rules out none: the sentence may speak of the other.
        ("The Korean president's summit visit to Astana began in 2019.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_date_events_tie_for_confirms_any_and_rules_out_none(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=SUMMIT_EVENTS)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


EMBASSY_AND_TIES = (
    event(
        "ties",
        claim("alpha", "1992-01-28", quote="relations were established"),
        kind="agreement",
        title="Diplomatic relations established between Kazakhstan and South Korea",
        actors=["Kazakhstan", "South Korea"],
        aliases=["diplomatic ties"],
    )
    + event(
        "embassy",
        claim("alpha", "1996", quote="opened its embassy in Seoul"),
        kind="opening",
        title="Kazakhstan opens its embassy in Seoul",
        actors=["Kazakhstan"],
        place="Seoul",
    )
    + event(
        "flights",
        claim("alpha", "2024-06-15", quote="flights to Seoul"),
        kind="opening",
        title="Air Astana opens flights to Seoul",
        place="Seoul",
    )
)


@pytest.mark.parametrize(
    ("text", "subject", "verdict"),
    [
        # The alias stands in another clause than the date; "opened" in the date's own.
        (
            "Kazakhstan opened its embassy in Seoul in 1992, the same year diplomatic ties"
            " were established.",
            "embassy",
            Verdict.CONTRADICTED,
        ),
        # In the date's clause, the curated name still outweighs nearness.
        ("Diplomatic ties were established in 1992.", "ties", Verdict.SUPPORTED),
    ],
)
def test_a_date_goes_with_the_happening_its_own_clause_names(
    make_store: StoreMaker, text: str, subject: str, verdict: Verdict
) -> None:
    """Of two openings named equally near the date, the one sharing more of the sentence's
    words (the embassy, not the flights) is the one it dates."""
    checker = Checker(load_store(make_store(events=EMBASSY_AND_TIES)))
    result = checker.check_claim(text)
    (finding,) = result.findings
    assert (finding.subject, finding.verdict) == (subject, verdict), finding.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The Kostanay plant cost $190 million.", Verdict.SUPPORTED),
        ("The Kostanay plant cost $190 million in June 2024.", Verdict.SUPPORTED),
        # another value is wrong whatever year it is given ...
        ("The Kostanay plant cost $500 million in 2019.", Verdict.CONTRADICTED),
        # ... the right one in a year no source gives is not confirmed
        ("The Kostanay plant cost $190 million in 2019.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_quantity_fixed_once_is_the_same_whatever_period_a_claim_gives_it(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    """As the conflict engine compares all of a one-off metric's figures, the checker
    compares a claim's value with all of them, whatever year it names; it confirms only a
    year its sources give."""
    metrics = metric(
        "plant-cost", "Cost of the Kostanay plant", "USD", aliases=["plant cost"], one_off=True
    )
    figures = figure(
        "alpha-plant-cost",
        "$190 million",
        190e6,
        {"as_of": "2024-06"},
        metric="plant-cost",
        quote="the plant cost $190 million",
    )
    checker = Checker(load_store(make_store(figures=figures, metrics=metrics)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


TALKS = event(
    "talks",
    claim("alpha", "2024-06-12", quote="the talks in Astana"),
    kind="meeting",
    title="Talks of Tokayev and Yoon in Astana",
    actors=["Tokayev", "Yoon"],
)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # The time stands in the clause of the talks, which the store holds: theirs.
        (
            "Speaking at talks with Yoon in June 2024, Tokayev said trade turnover had"
            " reached $6 billion.",
            None,
        ),
        # In the number's own clause, it is the number's.
        ("Tokayev said trade turnover had reached $6 billion in 2023, at talks with Yoon.", "2023"),
        # A clause naming no happening the store holds keeps its time for the number.
        (
            "Visiting Astana in June 2024, the minister said trade turnover had reached"
            " $6 billion.",
            "2024-06",
        ),
    ],
)
def test_a_time_in_the_clause_of_a_happening_dates_it_not_a_number(
    make_store: StoreMaker, text: str, period: str | None
) -> None:
    trade = figure("alpha-trade-2023", "$6 billion", 6e9, quote="trade reached $6 billion")
    index = StoreIndex.build(load_store(make_store(figures=trade, events=TALKS)))
    (found,) = read_sentence(index, text).figures
    assert (found.when.label() if found.when else None) == period


TWO_RANKS = metric("investor-place", "Rank among investors", "rank", aliases=["investor"]) + metric(
    "partner-place", "Rank among trade partners", "rank", aliases=["trade partner"]
)
TWO_RANK_FIGURES = figure(
    "alpha-investor-place", "fifth", 5, {"as_of": "2024"}, metric="investor-place"
) + figure("alpha-partner-place", "fourth", 4, {"as_of": "2024"}, metric="partner-place")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Its No. 5 investor and No. 4 trade partner sent its president.",
            Verdict.SUPPORTED,
        ),
        (
            "Its No. 4 investor and No. 5 trade partner sent its president.",
            Verdict.CONTRADICTED,
        ),
    ],
)
def test_a_rank_names_what_stands_after_it(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    """Each rank stands as near the phrase before it as the one after; the one after is
    what it ranks."""
    checker = Checker(load_store(make_store(figures=TWO_RANK_FIGURES, metrics=TWO_RANKS)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


CU_METRICS = metric("cu-stores", "CU stores operating", "count", aliases=["CU stores"])
CU_OPENING = event(
    "cu-opening",
    claim("alpha", "2024", quote="the first CU store opened in 2024"),
    kind="opening",
    title="First CU store opens in Almaty",
)


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # A target's time ("by 2027") dates no event, whatever the sentence names.
        ("BGF wants 500 CU stores to open in Almaty by 2027.", []),
        # A figure's year dates an event only when its own clause says what happened ...
        ("There were 12 CU stores in 2023, a year after the first opened in Almaty.", []),
        ("12 CU stores opened in Almaty in 2023.", ["cu-opening"]),
        # ... a time put first speaking for the clause after it.
        ("In 2023, 12 CU stores opened in Almaty.", ["cu-opening"]),
        ("On March 20-21, 2023, 12 CU stores opened in Almaty.", ["cu-opening"]),
    ],
)
def test_a_figures_time_dates_an_event_only_in_its_own_clause(
    make_store: StoreMaker, text: str, dated: list[str]
) -> None:
    store = load_store(make_store(metrics=CU_METRICS, events=CU_OPENING))
    read = read_sentence(StoreIndex.build(store), text)
    assert [f.metric for f in read.figures if f.metric] == ["cu-stores"]
    assert [e for d in read.dates for e in d.events] == dated


TIES_AGE = metric(
    "ties-age", "Age of the ties", "years", aliases=["years of ties", "ties"], age_of="ties-begun"
)
TIES_BEGUN = event(
    "ties-begun",
    claim("alpha", "1992-01-28", quote="ties were established on 28 January 1992"),
    kind="agreement",
    title="Ties established",
    aliases=["ties"],
)
TIES_AGE_FIGURE = figure(
    "alpha-ties-age",
    "over 30 years",
    30,
    {"as_of": "2024-06"},
    metric="ties-age",
    qualifier="more_than",
    quote="over 30 years of ties",
)


def test_a_time_after_since_is_the_start_of_an_age_not_its_moment(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(figures=TIES_AGE_FIGURE, metrics=TIES_AGE, events=TIES_BEGUN))
    result = Checker(store).check_claim(
        "Partners since January 1992, they look back on more than 30 years of ties."
    )
    assert result.verdict is Verdict.SUPPORTED, result.explanation


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a count of things no metric names is a figure the store cannot place ...
        (
            "Arman and Bora signed a Steppe Cooperation Programme for 2031-2033 listing 50"
            " joint events.",
            Verdict.UNVERIFIABLE,
        ),
        # ... a bare small number is not
        (
            "The two ministers signed a Steppe Cooperation Programme for 2031-2033.",
            Verdict.SUPPORTED,
        ),
    ],
)
def test_a_count_of_things_no_metric_names_is_not_passed_over(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=PLAN)))
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "N years after" one happening is its age at the other's moment
        (
            "Kazakhstan opened its embassy in Seoul in 1996, four years after the ties were"
            " established.",
            Verdict.SUPPORTED,
        ),
        (
            "Kazakhstan opened its embassy in Seoul in 1996, ten years after the ties were"
            " established.",
            Verdict.CONTRADICTED,
        ),
    ],
)
def test_a_span_between_two_happenings_is_an_age_at_the_others_moment(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    store = load_store(
        make_store(figures=TIES_AGE_FIGURE, metrics=TIES_AGE, events=TIES_BEGUN + EMBASSY_AND_TIES)
    )
    result = Checker(store).check_claim(text)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The first CU store opened in Almaty in 2019.", Verdict.CONTRADICTED),
        # given in advance, another year may be another opening, or a plan that moved
        ("The first CU store will open in Almaty in 2019.", Verdict.UNVERIFIABLE),
        ("The first CU store will open in Almaty in 2024.", Verdict.SUPPORTED),
    ],
)
def test_a_date_given_in_advance_confirms_but_never_contradicts(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(metrics=CU_METRICS, events=CU_OPENING)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


STATE_VISITS = event(
    "first-state-visit",
    claim("alpha", "2005-03-01", "2005-03-03", quote="the first state visit"),
    title="Arman's first state visit to Steppeland",
    actors=["Arman Tolegen"],
) + event(
    "later-state-visit",
    claim("alpha", "2019-08-16", "2019-08-17", quote="a state visit"),
    title="Bora's state visit to Steppeland",
    actors=["Bora Kim"],
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # The title shares "first" with one visit and the actor with the other: who decides.
        ("Bora's state visit to Steppeland, the first by a leader, was in June 2021.", "later"),
        # A date that fits one of them is still judged against that one.
        ("The first state visit to Steppeland took place in March 2005.", "first"),
    ],
)
def test_who_tells_tied_events_apart_when_the_date_fits_none(
    make_store: StoreMaker, text: str, verdict: str
) -> None:
    checker = Checker(load_store(make_store(events=STATE_VISITS)))
    (finding,) = checker.check_claim(text).findings
    assert finding.verdict is (Verdict.CONTRADICTED if verdict == "later" else Verdict.SUPPORTED), (
        finding.explanation
    )
    assert f"{verdict}-state-visit" in {e.fact for e in finding.evidence}


TURNOVER_PART_YEAR = figure(
    "alpha-part", "$1.4 billion", 1.4e9, {"start": "2024-01", "end": "2024-04"}, quote="1.4"
) + figure(
    "alpha-part-before", "$2.4 billion", 2.4e9, {"start": "2023-01", "end": "2023-04"}, quote="2.4"
)
TURNOVER = metric(
    "trade", "Trade turnover", "USD", aliases=["trade", "turnover"], description="Trade."
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Turnover was $1.4bn in Jan-Apr 2024, down from $2.4bn in the same months of 2023.",
            Verdict.SUPPORTED,
        ),
        (
            "Turnover was $1.4bn in Jan-Apr 2024, down from $3.4bn in the same period of 2023.",
            Verdict.CONTRADICTED,
        ),
        # no time of its own: the base is the figure at a time the sentence does not give
        ("Turnover was $1.4bn in Jan-Apr 2024, down from $3.4bn.", Verdict.UNVERIFIABLE),
    ],
)
def test_the_base_of_a_change_is_the_figure_at_its_own_time(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(figures=TURNOVER_PART_YEAR, metrics=TURNOVER)))
    findings = {f.stated: f for f in checker.check_claim(text).findings}
    assert findings["$1.4bn"].verdict is Verdict.SUPPORTED
    (base,) = [f for stated, f in findings.items() if stated in ("$2.4bn", "$3.4bn")]
    assert base.verdict is verdict, base.explanation


TRADE_AND_CHANGE = TURNOVER + metric(
    "trade-change",
    "Change in trade turnover",
    "percent",
    aliases=["trade fell"],
    description="Change in trade.",
    change_of="trade",
)
TRADE_FELL = figure(
    "alpha-change",
    "44% less",
    -44,
    {"start": "2024-01", "end": "2024-04"},
    metric="trade-change",
    quote="44% less",
)


def test_a_share_of_a_whole_is_no_change_in_it(make_store: StoreMaker) -> None:
    """ "Over half of the turnover" is a part of it; the store's change in turnover ("44%
    less") neither confirms nor rules it out."""
    checker = Checker(load_store(make_store(figures=TRADE_FELL, metrics=TRADE_AND_CHANGE)))
    text = "In Jan-Apr 2024 exports made up just over half of the trade turnover."
    (share,) = [f for f in checker.check_claim(text).findings if "half" in f.stated]
    assert share.verdict is Verdict.UNVERIFIABLE, share.explanation
    fell = checker.check_claim("In Jan-Apr 2024 trade fell by over half.").findings[0]
    assert fell.verdict is Verdict.CONTRADICTED, fell.explanation
    # any "of" after a share, "made up" being no verb of change ...
    made_up = "In Jan-Apr 2024 exports made up more than half of bilateral trade."
    (part,) = [f for f in checker.check_claim(made_up).findings if "half" in f.stated]
    assert part.verdict is Verdict.UNVERIFIABLE, part.explanation
    # ... but a share of itself after a verb of change is the change
    itself = checker.check_claim("In Jan-Apr 2024 trade fell 44% of its value.").findings[0]
    assert itself.verdict is Verdict.SUPPORTED, itself.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Shinhan Bank bought 30% of the Steppe Bank in 2008.", Verdict.UNVERIFIABLE),
        ("Arman Bank bought 30% of the Steppe Bank in 2008.", Verdict.SUPPORTED),
        # a word describing the name after it is no name ("Carmaker Kia", "Lender Arman")
        ("Lender Arman bought 30% of the Steppe Bank in 2008.", Verdict.SUPPORTED),
        # a name right before a verb of acting is who acted; a plural is no name
        ("Shinhan bought 30% of the Steppe Bank in 2008.", Verdict.UNVERIFIABLE),
        ("Shares bought in 2008 gave 30% of the Steppe Bank to Arman Bank.", Verdict.SUPPORTED),
        ("Recently bought, 30% of the Steppe Bank went to Arman Bank in 2008.", Verdict.SUPPORTED),
        # a name after a title is a party too
        ("Prime Minister Han bought 30% of the Steppe Bank in 2008.", Verdict.UNVERIFIABLE),
        ("Prime Minister Arman bought 30% of the Steppe Bank in 2008.", Verdict.SUPPORTED),
        # a name in mixed case is a name, not an acronym
        ("A 30% stake in the Steppe Bank was bought by PetroChina in 2008.", Verdict.UNVERIFIABLE),
        # one capitalised word opening a sentence is not taken for a name
        ("Roughly 30% of the Steppe Bank was bought in 2008.", Verdict.SUPPORTED),
    ],
)
def test_a_name_opening_the_sentence_before_its_verb_is_a_party(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    stake = metric(
        "stake",
        "Arman Bank's stake in the Steppe Bank",
        "percent",
        aliases=["Steppe Bank"],
        description="Share Arman Bank bought.",
    )
    figures = figure("alpha-stake", "30%", 30, {"as_of": "2008"}, metric="stake", quote="30%")
    checker = Checker(load_store(make_store(figures=figures, metrics=stake)))
    (finding,) = checker.check_claim(text).findings
    assert finding.verdict is verdict, finding.explanation


def test_the_time_a_since_clause_gives_starts_an_age(make_store: StoreMaker) -> None:
    """ "Three decades have passed since the ties began in early 1992": 1992 is when the age
    starts counting, not the moment it is three decades."""
    metrics = metric(
        "ties-age",
        "Duration of the ties",
        "years",
        aliases=["ties"],
        description="Years of ties.",
        age_of="ties",
    )
    events = event(
        "ties",
        claim("alpha", "1992-01-28", quote="ties began"),
        kind="agreement",
        title="Ties established",
        actors=["Steppeland", "Hanland"],
        aliases=["ties"],
    )
    checker = Checker(load_store(make_store(metrics=metrics, events=events)))
    text = "More than three decades have passed since the two opened ties in early 1992."
    age = next(f for f in checker.check_claim(text).findings if "decades" in f.stated)
    assert age.verdict is not Verdict.CONTRADICTED, age.explanation
    # an age inside the clause "since" opens is measured at its time (ties of 20 years)
    inside = "Trade has grown since the two marked 30 years of ties in 2012."
    age = next(f for f in checker.check_claim(inside).findings if "years" in f.stated)
    assert age.verdict is Verdict.CONTRADICTED, age.explanation


def test_a_level_given_as_of_a_moment_is_no_base_of_a_change(make_store: StoreMaker) -> None:
    """ "10 stores, up from 1 in early 2024": the store's moments need not be the
    sentence's, so the 1 is left unplaced rather than set against the 10."""
    stores = metric(
        "stores", "Chain stores in Steppeland", aliases=["stores"], description="Stores."
    )
    figures = figure("alpha-s", "10", 10, {"as_of": "2024-11"}, metric="stores", quote="10")
    checker = Checker(load_store(make_store(figures=figures, metrics=stores)))
    findings = checker.check_claim("The chain runs 10 stores, up from 1 in early 2024.").findings
    assert [f.verdict for f in findings if f.stated == "1"] in ([], [Verdict.UNVERIFIABLE])


def test_a_group_some_n_strong_is_counted_by_the_name_before(make_store: StoreMaker) -> None:
    diaspora = metric(
        "diaspora",
        "Ethnic Hanlanders living in Steppeland",
        aliases=["Hanlanders"],
        description="Number of ethnic Hanlanders.",
    )
    figures = figure("alpha-d", "120,000", 120000, {"as_of": "2024"}, metric="diaspora")
    checker = Checker(load_store(make_store(figures=figures, metrics=diaspora)))
    strong = checker.check_claim("In 2024 the Hanlanders, some 120,000 strong, met in Steppeland.")
    assert strong.verdict is Verdict.SUPPORTED, strong.explanation
    weak = checker.check_claim("In 2024 the Hanlanders, some 120,000 tractors, met in Steppeland.")
    assert weak.verdict is Verdict.UNVERIFIABLE, weak.explanation


NAZARBAYEV_VISITS = metric(
    "visits",
    "Official visits of President Arman to Hanland",
    aliases=["official visits"],
    description="Number of official visits over the stated span.",
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Arman made five official visits to Hanland, in 1995, 2003, 2010 and 2016.",
            Verdict.SUPPORTED,
        ),
        (
            "Arman made six official visits to Hanland: 1995, 2003, 2010, 2012 and 2016.",
            Verdict.CONTRADICTED,
        ),
        # alternatives are no span, and the first year alone is not the count's period
        ("Arman made five official visits to Hanland, in 1995 or 2016.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_count_before_a_list_of_years_is_over_the_years_listed(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    figures = figure(
        "alpha-v", "five", 5, {"start": "1995", "end": "2016"}, metric="visits", quote="five"
    )
    checker = Checker(load_store(make_store(figures=figures, metrics=NAZARBAYEV_VISITS)))
    count = next(f for f in checker.check_claim(text).findings if f.stated in ("five", "six"))
    assert count.verdict is verdict, count.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Arman made five official visits to Hanland, the last of them in 2016.",
            Verdict.SUPPORTED,
        ),
        ("Arman made five official visits to Hanland, the first one in 1995.", Verdict.SUPPORTED),
        # the time is that of the one named ("the last"): another is not confirmed by it
        (
            "Arman made five official visits to Hanland, the last of them in 2003.",
            Verdict.SUPPORTED,
        ),
        # the count's own period is still its period
        ("Arman made five official visits to Hanland in 2016.", Verdict.UNVERIFIABLE),
    ],
)
def test_the_time_of_one_of_those_counted_is_no_period_of_the_count(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    figures = figure(
        "alpha-v", "five", 5, {"start": "1995", "end": "2016"}, metric="visits", quote="five"
    )
    checker = Checker(load_store(make_store(figures=figures, metrics=NAZARBAYEV_VISITS)))
    (count,) = [f for f in checker.check_claim(text).findings if f.stated == "five"]
    assert count.verdict is verdict, count.explanation


def test_an_abbreviation_in_mixed_case_is_no_stranger(make_store: StoreMaker) -> None:
    """ "MoU" may stand for a memorandum the store spells out; "Shinhan" is a name."""
    events = event(
        "memorandum",
        claim("alpha", "2024-06", quote="a memorandum was signed"),
        kind="agreement",
        title="Memorandum on minerals signed",
        actors=["Steppeland"],
    )
    checker = Checker(load_store(make_store(events=events)))
    mou = checker.check_claim("Steppeland signed the memorandum on minerals, an MoU, in June 2024.")
    assert mou.verdict is Verdict.SUPPORTED, mou.explanation
    stranger = checker.check_claim(
        "Steppeland signed the memorandum on minerals with Shinhan in June 2024."
    )
    assert stranger.verdict is Verdict.UNVERIFIABLE, stranger.explanation


TALKS_AND_VISITS = event(
    "talks",
    claim("alpha", "2023-09", quote="held talks in Lakeside"),
    kind="meeting",
    title="Arman–Bora talks in Lakeside",
    actors=["Arman Tolegen", "Bora Kim"],
    place="Lakeside",
) + event(
    "visit",
    claim("alpha", "2021-08-16", "2021-08-17", quote="a state visit"),
    title="Arman's state visit to Hanland",
    actors=["Arman Tolegen", "Steppeland", "Hanland"],
    place="Hanland",
)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the trip's word stands nearest the date, but the date's clause names the talks' place
        (
            "Arman and Bora held talks during Arman's working trip to Lakeside in September 2023.",
            "talks",
        ),
        # with no place of its own in that clause, the nearest word decides, as before
        ("Arman and Bora held talks during Arman's working trip in August 2021.", "visit"),
    ],
)
def test_a_place_in_the_dates_clause_keeps_the_event_it_names(
    make_store: StoreMaker, text: str, subject: str
) -> None:
    checker = Checker(load_store(make_store(events=TALKS_AND_VISITS)))
    (finding,) = checker.check_claim(text).findings
    assert finding.verdict is Verdict.SUPPORTED, finding.explanation
    assert subject in {e.fact for e in finding.evidence}


def test_a_place_in_an_actors_name_does_not_say_who(make_store: StoreMaker) -> None:
    """ "In Lakeside" names no "Air Lakeside": the tie between two openings stays a tie."""
    events = (
        event(
            "embassy",
            claim("alpha", "1996", quote="opened its embassy"),
            kind="opening",
            title="Steppeland opens its embassy in Hancity",
            actors=["Steppeland"],
            place="Hancity",
        )
        + event(
            "flights",
            claim("alpha", "2024-06-15", quote="flights"),
            kind="opening",
            title="Air Lakeside opens direct Lakeside–Hancity flights",
            actors=["Air Lakeside"],
        )
        + event(
            "forum",
            claim("alpha", "2023", quote="a forum"),
            kind="meeting",
            title="Business forum",
            place="Lakeside",
        )
    )
    checker = Checker(load_store(make_store(events=events)))
    result = checker.check_claim("Hancity opened its embassy in Lakeside in 1993.")
    assert result.verdict is Verdict.UNVERIFIABLE, result.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "In 2009 Arman agreed to invest $2.5 billion in a plant in southern Steppeland.",
            Verdict.SUPPORTED,
        ),
        # another quarter of the same place is another plant, which the store does not hold
        (
            "In 2009 Arman agreed to invest $2.5 billion in a plant in northern Steppeland.",
            Verdict.UNVERIFIABLE,
        ),
        (
            "In 2009 Arman agreed to invest $2.5 billion in a plant in Steppeland.",
            Verdict.SUPPORTED,
        ),
        # naming the record's quarter too, another is somewhere else, not the plant's
        (
            "In 2009 Arman agreed to invest $2.5 billion in a plant in southern Steppeland, far"
            " from the fields of western Steppeland.",
            Verdict.SUPPORTED,
        ),
    ],
)
def test_another_quarter_of_a_place_is_not_the_records(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    plant = metric(
        "plant",
        "Investment in the new power plant in southern Steppeland",
        "USD",
        aliases=["plant"],
        description="Investment in the plant.",
        one_off=True,
    )
    figures = figure("alpha-p", "$2.5 billion", 2.5e9, {"as_of": "2009"}, metric="plant")
    checker = Checker(load_store(make_store(figures=figures, metrics=plant)))
    (finding,) = [f for f in checker.check_claim(text).findings if "billion" in f.stated]
    assert finding.verdict is verdict, finding.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Trade fell 44% in Jan-Apr 2024.", Verdict.SUPPORTED),
        # a cause no record states leaves a confirmed claim open ...
        ("Trade fell 44% in Jan-Apr 2024 because of lower oil prices.", Verdict.UNVERIFIABLE),
        ("The 44% slump in Jan-Apr 2024 trade was driven by oil.", Verdict.UNVERIFIABLE),
        # ... and a false one false
        ("Trade fell 60% in Jan-Apr 2024 because of lower oil prices.", Verdict.CONTRADICTED),
        # "due to" before a verb is a schedule, no cause
        ("Trade fell 44% in Jan-Apr 2024 and is due to recover.", Verdict.SUPPORTED),
    ],
)
def test_a_cause_no_record_states_is_left_open(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(figures=TRADE_FELL, metrics=TRADE_AND_CHANGE)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


FOUNDED_IN_RESPONSE = event(
    "founding",
    claim("alpha", "2005", quote="founded in 2005"),
    kind="founding",
    title="Steppe Studies Association founded",
    note="Founded in response to President Arman's visit.",
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "The Steppe Studies Association was founded in 2005 in response to Arman's visit.",
            Verdict.SUPPORTED,
        ),
        # past a title, the name is what names the cause
        (
            "The Steppe Studies Association was founded in 2005 in response to President Arman's"
            " visit.",
            Verdict.SUPPORTED,
        ),
        # the same words naming another cause
        (
            "The Steppe Studies Association was founded in 2005 in response to Bora's visit.",
            Verdict.UNVERIFIABLE,
        ),
    ],
)
def test_a_cause_the_record_states_is_confirmed(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=FOUNDED_IN_RESPONSE)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    "text",
    ["Lakeside-Busan flights run 3 times a week now.", "Flights run 3 times a week now #Busan"],
)
def test_a_name_joined_or_tagged_is_a_party(make_store: StoreMaker, text: str) -> None:
    flights = metric(
        "flights",
        "Flights between Lakeside and Hancity",
        aliases=["flights"],
        description="Weekly flights.",
    )
    figures = figure("alpha-f", "10", 10, {"as_of": "2024"}, metric="flights", quote="10")
    checker = Checker(load_store(make_store(figures=figures, metrics=flights)))
    assert checker.check_claim(text).verdict is Verdict.UNVERIFIABLE


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # every day the source allows lies within the claimed days
        ("The authorities agreed on more flights on 20-21 March 2024.", Verdict.SUPPORTED),
        # a wider run says the happening took more days than the source allows
        ("The authorities agreed on more flights on 19-22 March 2024.", Verdict.CONTRADICTED),
        # one of the days it allows is not confirmed by it
        ("The authorities agreed on more flights on 21 March 2024.", Verdict.UNVERIFIABLE),
        ("The authorities agreed on more flights on 5-6 April 2024.", Verdict.CONTRADICTED),
    ],
)
def test_a_run_of_days_confirms_one_day_known_within_it(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    events = event(
        "agreed",
        claim("alpha", "2024-03-20..2024-03-21", quote="agreed on more flights"),
        kind="agreement",
        title="Authorities agree on more flights",
        actors=["Steppeland"],
    )
    checker = Checker(load_store(make_store(events=events)))
    (finding,) = checker.check_claim(text).findings
    assert finding.verdict is verdict, finding.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Nov 2005 – Arman pays his first state visit to Steppeland.", Verdict.CONTRADICTED),
        ("March 2005 – Arman pays his first state visit to Steppeland.", Verdict.SUPPORTED),
        # without "first" a visit may recur: another year is another occasion
        ("Nov 2006 – Arman pays a state visit to Steppeland.", Verdict.UNVERIFIABLE),
        # "his first visit" is not what the store calls his first state visit
        ("Nov 2006 – Arman pays his first visit to Steppeland.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_first_occasion_is_the_one_the_store_calls_first(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=STATE_VISITS)))
    (finding,) = checker.check_claim(text).findings
    assert finding.verdict is verdict, finding.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Chain stores in Steppeland: more than 900.", Verdict.CONTRADICTED),
        ("Key facts: chain stores in Steppeland – about 10.", Verdict.SUPPORTED),
    ],
)
def test_a_fact_box_label_names_its_value(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    stores = metric(
        "stores", "Chain stores in Steppeland", aliases=["chain stores"], description="Stores."
    )
    figures = figure("alpha-s", "10", 10, {"as_of": "2024-11"}, metric="stores", quote="10")
    checker = Checker(load_store(make_store(figures=figures, metrics=stores)))
    result = checker.check_claim(text)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "since" alone says something began, not what: no date of the memorandum
        ("The number of Steppe students in Hanland has tripled since 2015.", Verdict.UNVERIFIABLE),
        # with who signed it, "since" dates it
        (
            "Minister Arman's memorandum on grants for Steppe students has run since 2015.",
            Verdict.CONTRADICTED,
        ),
    ],
)
def test_a_word_of_beginning_names_an_event_only_with_who_or_where(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    events = event(
        "memorandum",
        claim("alpha", "2024-04", quote="signed a memorandum"),
        kind="agreement",
        title="Memorandum on grants for Steppe students",
        actors=["Minister Arman"],
    )
    checker = Checker(load_store(make_store(events=events)))
    (finding,) = [f for f in checker.check_claim(text).findings if f.stated == "2015"]
    assert finding.verdict is verdict, finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Arman expressed his thanks to Bora as the Steppe Studies Association was set up in 2005.",
        "The delegation Arman led to Hanland saw the Steppe Studies Association founded in 2005.",
        "The Steppe Studies Association, founded in 2005, was due to address its members.",
    ],
)
def test_words_of_cause_that_are_no_cause(make_store: StoreMaker, text: str) -> None:
    events = event(
        "founding",
        claim("alpha", "2005", quote="founded in 2005"),
        kind="founding",
        title="Steppe Studies Association founded",
        actors=["Arman Tolegen", "Bora Kim"],
        place="Hanland",
    )
    checker = Checker(load_store(make_store(events=events)))
    assert checker.check_claim(text).verdict is Verdict.SUPPORTED


PROJECTS_AND_VALUE = metric(
    "pipeline",
    "Promising Steppe–Hanland projects being developed",
    aliases=["promising projects"],
    description="Projects being developed.",
) + metric(
    "pipeline-value",
    "Value of promising Steppe–Hanland projects",
    "USD",
    aliases=["pipeline-value"],
    description="Their value.",
    value_of="pipeline",
)
PROJECT_FIGURES = figure(
    "alpha-n", "25", 25, {"as_of": "2024-06"}, metric="pipeline", quote="25"
) + figure(
    "alpha-v",
    "about $500 million",
    5e8,
    {"as_of": "2024-06"},
    metric="pipeline-value",
    qualifier="about",
    quote="about $500 million",
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Some 25 promising Steppe-Hanland projects worth $1.5 billion were under way in"
            " June 2024.",
            Verdict.CONTRADICTED,
        ),
        (
            "Some 25 promising Steppe-Hanland projects worth half a billion dollars were under"
            " way in June 2024.",
            Verdict.SUPPORTED,
        ),
    ],
)
def test_money_worth_a_count_is_its_value(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(figures=PROJECT_FIGURES, metrics=PROJECTS_AND_VALUE)))
    (money,) = [f for f in checker.check_claim(text).findings if "25" not in f.stated]
    assert money.subject == "pipeline-value"
    assert money.verdict is verdict, money.explanation


def _visit(*claims: dict[str, Any]) -> str:
    return event("visit", *claims, title="Arman's state visit to Hanland", actors=["Arman Tolegen"])


@pytest.mark.parametrize(
    ("claims", "text", "verdict"),
    [
        # the sources' days disagree (three and two): whatever the sentence says, disputed
        (
            [claim("alpha", "2024-06-11", "2024-06-13"), claim("beta", "2024-06-11", "2024-06-12")],
            "Arman wrapped up a three-day state visit to Hanland.",
            Verdict.DISPUTED,
        ),
        (
            [claim("alpha", "2024-06-11", "2024-06-13")],
            "Arman's three-day state visit to Hanland.",
            Verdict.SUPPORTED,
        ),
        (
            [claim("alpha", "2024-06-11", "2024-06-13")],
            "Arman spent five days on his state visit to Hanland.",
            Verdict.CONTRADICTED,
        ),
        # a month says nothing of how long
        (
            [claim("alpha", "2024-06")],
            "Arman's three-day state visit to Hanland.",
            Verdict.UNVERIFIABLE,
        ),
    ],
)
def test_how_many_days_an_event_lasted_is_its_sources_days(
    make_store: StoreMaker, claims: list[dict[str, Any]], text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=_visit(*claims))))
    (length,) = [f for f in checker.check_claim(text).findings if "day" in f.stated]
    assert length.verdict is verdict, length.explanation


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # days that are no length of the visit
        (
            "Arman's state visit to Hanland began on 11 June 2024; talks followed 3 days later.",
            Verdict.SUPPORTED,
        ),
        (
            "Arman's state visit to Hanland began on 11 June 2024, within 30 days of the talks.",
            Verdict.SUPPORTED,
        ),
        (
            "Arman's state visit to Hanland began on 11 June 2024 after 3 days of talks.",
            Verdict.SUPPORTED,
        ),
        # a length after a verb of lasting
        ("Arman's state visit to Hanland lasted four days.", Verdict.CONTRADICTED),
    ],
)
def test_only_a_length_is_an_events_days(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    events = _visit(claim("alpha", "2024-06-11", "2024-06-13"))
    result = Checker(load_store(make_store(events=events))).check_claim(text)
    assert result.verdict is verdict, result.explanation


def test_one_day_says_when_not_how_long(make_store: StoreMaker) -> None:
    events = _visit(claim("alpha", "2024-06-12"))
    checker = Checker(load_store(make_store(events=events)))
    (length,) = [
        f
        for f in checker.check_claim("Arman's two-day state visit to Hanland.").findings
        if "day" in f.stated
    ]
    assert length.verdict is Verdict.UNVERIFIABLE, length.explanation


@pytest.mark.parametrize(
    "text",
    [
        # "worth" far from the count, in another clause, or of each
        "Some 25 promising Steppe-Hanland projects were under way in June 2024; separately,"
        " wheat worth $1.5 billion was sold.",
        "Some 25 promising Steppe-Hanland projects worth $100 million each were under way in"
        " June 2024.",
    ],
)
def test_money_worth_something_else_is_not_the_counts_value(
    make_store: StoreMaker, text: str
) -> None:
    checker = Checker(load_store(make_store(figures=PROJECT_FIGURES, metrics=PROJECTS_AND_VALUE)))
    money = [f for f in checker.check_claim(text).findings if "$" in f.stated]
    assert all(f.verdict is Verdict.UNVERIFIABLE for f in money), money


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "In 2008 Arman Bank, with President Putin, bought 30% of the Steppe Bank.",
            Verdict.UNVERIFIABLE,
        ),
        # the first word of the name decides: "Arman" is known, whatever follows it
        (
            "In 2008 Arman Bank, with President Arman Qolbay, bought 30% of the Steppe Bank.",
            Verdict.SUPPORTED,
        ),
        (
            "In 2008 Arman Bank, with Ambassador Extraordinary Arman, bought 30% of the Steppe"
            " Bank.",
            Verdict.SUPPORTED,
        ),
    ],
)
def test_a_name_after_a_title_is_checked_by_its_first_word(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    stake = metric(
        "stake",
        "Arman Bank's stake in the Steppe Bank",
        "percent",
        aliases=["Steppe Bank"],
        description="Share Arman Bank bought, its President and an Ambassador Extraordinary"
        " present.",
    )
    figures = figure("alpha-stake", "30%", 30, {"as_of": "2008"}, metric="stake", quote="30%")
    checker = Checker(load_store(make_store(figures=figures, metrics=stake)))
    assert checker.check_claim(text).verdict is verdict


NAMESAKES = event(
    "plan",
    claim("alpha", "2024-11", quote="the plan was signed"),
    kind="agreement",
    title="Steppe–Hanland Action Plan signed",
    actors=["Minister Arman", "Kim Tae-yul"],
) + event(
    "ambassador",
    claim("alpha", "2023-05", quote="took office"),
    kind="appointment",
    title="Kim Tae-ik becomes ambassador to Steppeland",
    actors=["Kim Tae-ik"],
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Kim Tae-yul signed the Steppe–Hanland Action Plan in November 2024.", Verdict.SUPPORTED),
        # another person of the same surname in the role the store gives Kim Tae-yul
        (
            "Kim Tae-ik signed the Steppe–Hanland Action Plan in November 2024.",
            Verdict.UNVERIFIABLE,
        ),
        # a person of another surname, named alongside, takes no role from anyone
        (
            "Minister Arman, with Kim Tae-yul, signed the Steppe–Hanland Action Plan in November"
            " 2024.",
            Verdict.SUPPORTED,
        ),
    ],
)
def test_a_namesake_in_the_role_leaves_the_date_open(
    make_store: StoreMaker, text: str, verdict: Verdict
) -> None:
    checker = Checker(load_store(make_store(events=NAMESAKES)))
    (finding,) = [f for f in checker.check_claim(text).findings if "2024" in f.stated]
    assert finding.verdict is verdict, finding.explanation
