"""The claim checker's rules, each on a small synthetic store, plus its readers."""

from __future__ import annotations

import calendar
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core import conflicts
from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.checker import index as index_module
from kzkr_cli.core.checker.sentences import split_sentences
from kzkr_cli.core.checker.when import find_times
from kzkr_cli.core.checker.words import directions, reverses, stem
from kzkr_cli.core.conflicts import Conflict
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import Raw, StoreMaker, claim, event, figure, metric


def trade_figures(beta: float = 6e9, written: str = "$6 billion") -> str:
    """Trade in 2023 from two sources (the second one's figure varies) and in early 2024."""
    return (
        figure("alpha-trade-2023", "$6 billion", 6e9, quote="trade reached $6 billion in 2023")
        + figure(
            "beta-trade-2023", written, beta, source="beta", quote=f"trade was {written} in 2023"
        )
        + figure(
            "alpha-trade-2024-jan-apr",
            "$1.4 billion",
            1.4e9,
            {"start": "2024-01", "end": "2024-04"},
            quote="trade was $1.4 billion in January-April 2024",
        )
    )


RANK_METRICS = metric(
    "trade", "Trade turnover", "USD", aliases=["turnover"], description="Annual trade turnover."
) + metric(
    "investor-rank",
    "Rank among investors",
    "rank",
    aliases=["investor"],
    description="Korea's rank among foreign investors.",
)

RANKS = figure(
    "alpha-rank-old", "ninth", 9, {"as_of": "2020"}, metric="investor-rank", quote="ninth"
) + figure(
    "beta-rank-new",
    "fifth",
    5,
    {"as_of": "2024-06"},
    metric="investor-rank",
    source="beta",
    quote="fifth",
)

EVENTS = (
    event(
        "embassy-opened",
        claim("alpha", "1996", quote="opened in 1996"),
        kind="opening",
        title="Kazakhstan opens its embassy in Seoul",
        actors=["Kazakhstan"],
        place="Seoul",
    )
    + event(
        "envoy-visit",
        claim("alpha", "2019-05", quote="visited in May 2019"),
        title="Envoy Zorbek visits Busan",
        actors=["Zorbek"],
        place="Busan",
    )
    + event(
        "plan-signed",
        claim("alpha", "2024-11", quote="signed in November 2024"),
        kind="agreement",
        title="Harbour Action Plan for 2025-2027 signed",
        actors=["Harbour ministry"],
    )
    + event(
        "treaty-signed",
        claim("alpha", "2003", quote="signed in 2003"),
        claim("beta", "2009", quote="signed in 2009"),
        kind="agreement",
        title="Fisheries treaty signed in Ulsan",
        actors=["Fisheries ministry"],
        place="Ulsan",
    )
)


def checker(root: Path) -> Checker:
    return Checker(load_store(root))


def trade_store(make_store: StoreMaker, beta: float = 6e9, written: str = "$6 billion") -> Path:
    return make_store(figures=trade_figures(beta, written))


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Trade turnover reached $6 billion in 2023.", Verdict.SUPPORTED),
        ("Trade turnover reached US$6.2 bn in 2023.", Verdict.SUPPORTED),
        ("Trade turnover was 6 billion dollars in 2023.", Verdict.SUPPORTED),
        ("Trade turnover reached $9 billion in 2023.", Verdict.CONTRADICTED),
        ("Trade turnover reached nearly $4 billion in 2023.", Verdict.CONTRADICTED),
        ("Trade turnover reached $6 billion in 2021.", Verdict.UNVERIFIABLE),
        ("Trade turnover reached 700 billion tenge in 2023.", Verdict.UNVERIFIABLE),
        ("In the first four months of 2024 turnover was $1.4 billion.", Verdict.SUPPORTED),
        ("In the first four months of 2024 turnover was $3 billion.", Verdict.CONTRADICTED),
    ],
)
def test_figure_verdicts_when_sources_agree(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = checker(trade_store(make_store)).check_claim(claim)
    assert result.verdict is verdict, result.explanation
    assert result.explanation


def test_supported_claim_cites_every_agreeing_source(make_store: StoreMaker) -> None:
    result = checker(trade_store(make_store)).check_claim("Turnover hit $6 billion in 2023.")
    assert {(e.fact, e.source, e.agrees) for e in result.evidence} == {
        ("alpha-trade-2023", "alpha", True),
        ("beta-trade-2023", "beta", True),
    }
    assert {(e.period, e.date) for e in result.evidence} == {("2023", None)}


def test_disputed_when_the_claim_sides_with_one_conflicting_source(
    make_store: StoreMaker,
) -> None:
    check = checker(trade_store(make_store, 9e9, "$9 billion"))
    sided = check.check_claim("Turnover reached $9 billion in 2023.")
    assert sided.verdict is Verdict.DISPUTED
    assert {e.source: e.agrees for e in sided.evidence} == {"alpha": False, "beta": True}
    assert "$6 billion" in sided.explanation and "$9 billion" in sided.explanation
    # A value neither side allows is contradicted by both, not disputed.
    assert check.check_claim("Turnover reached $20 billion in 2023.").verdict is (
        Verdict.CONTRADICTED
    )


def test_without_a_period_a_flow_is_only_ever_supported(make_store: StoreMaker) -> None:
    check = checker(trade_store(make_store))
    supported = check.check_claim("Trade turnover has reached $1.4 billion.")
    assert supported.verdict is Verdict.SUPPORTED
    assert [e.fact for e in supported.evidence] == ["alpha-trade-2024-jan-apr"]
    unknown = check.check_claim("Trade turnover has reached $3 billion.")
    assert unknown.verdict is Verdict.UNVERIFIABLE
    assert "no period" in unknown.explanation


def test_present_tense_stock_reads_the_latest_moment(make_store: StoreMaker) -> None:
    check = checker(make_store(figures=RANKS, metrics=RANK_METRICS))
    assert check.check_claim("Korea is the fifth largest investor.").verdict is (Verdict.SUPPORTED)
    assert check.check_claim("Korea is the ninth largest investor.").verdict is (
        Verdict.CONTRADICTED
    )
    assert check.check_claim("As of 2020, Korea was the 9th largest investor.").verdict is (
        Verdict.SUPPORTED
    )
    assert check.check_claim("Korea ranks among the top five investors.").verdict is (
        Verdict.SUPPORTED
    )


def test_a_rank_needs_a_rank_metric_and_money_a_money_metric(make_store: StoreMaker) -> None:
    figures = RANKS + trade_figures(6e9, "$6 bn")
    check = checker(make_store(figures=figures, metrics=RANK_METRICS))
    # "fifth" cannot be a value of trade (USD), and "$5 billion" not of a rank.
    trade_rank = check.check_claim("In 2023 trade turnover was fifth.")
    assert trade_rank.verdict is Verdict.UNVERIFIABLE
    money_rank = check.check_claim("Korea's investor rank is $5 billion.")
    assert money_rank.verdict is Verdict.UNVERIFIABLE


STORE_METRICS = metric(
    "stores",
    "Convenience stores planned",
    aliases=["convenience stores"],
    description="Stores planned.",
)


def stores(make_store: StoreMaker, value: int, written: str, qualifier: str = "exact") -> Checker:
    figures = figure(
        "alpha-stores",
        written,
        value,
        {"as_of": "2024"},
        metric="stores",
        qualifier=qualifier,
        quote=f"{written} stores",
    )
    return checker(make_store(figures=figures, metrics=STORE_METRICS))


def test_a_round_number_is_supported_only_if_it_agrees_read_exactly(
    make_store: StoreMaker,
) -> None:
    check = stores(make_store, 1040, "1,040")
    assert check.check_claim("1,040 convenience stores are planned.").verdict is (Verdict.SUPPORTED)
    # "1,000" read as a round figure (950..1,050) holds 1,040; read exactly it does not.
    loose = check.check_claim("1,000 convenience stores are planned.")
    assert loose.verdict is Verdict.UNVERIFIABLE
    assert "round figure" in loose.explanation
    # A hedge says the number is rounded: it is not also read as exact.
    assert check.check_claim("About 1,000 convenience stores are planned.").verdict is (
        Verdict.SUPPORTED
    )
    assert check.check_claim("2,000 convenience stores are planned.").verdict is (
        Verdict.CONTRADICTED
    )


def test_figures_that_only_touch_at_a_rounding_boundary_disagree(
    make_store: StoreMaker,
) -> None:
    # "510" (505..515) and "500" (495..505) share only 505.
    check = stores(make_store, 500, "500")
    assert check.check_claim("510 convenience stores are planned.").verdict is (
        Verdict.CONTRADICTED
    )
    assert check.check_claim("505 convenience stores are planned.").verdict is (Verdict.SUPPORTED)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("About 1,000 convenience stores are planned.", Verdict.SUPPORTED),
        ("More than 800 convenience stores are planned.", Verdict.SUPPORTED),
        # "over 1,000" neither confirms nor rules out a number well above it ...
        ("5,000 convenience stores are planned.", Verdict.UNVERIFIABLE),
        ("More than 2,000 convenience stores are planned.", Verdict.UNVERIFIABLE),
        # ... but rules out one below it.
        ("About 300 convenience stores are planned.", Verdict.CONTRADICTED),
    ],
)
def test_an_open_bound_confirms_only_what_reaches_it(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = stores(make_store, 1000, "over 1,000", "more_than").check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if verdict is Verdict.UNVERIFIABLE:
        assert [e.agrees for e in result.evidence] == [None]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A claim's "about" is read at its own precision, not a whole step wider ...
        ("Trade turnover reached about $7 billion in 2023.", Verdict.CONTRADICTED),
        ("Trade turnover reached about $6 billion in 2023.", Verdict.SUPPORTED),
        # ... and "nearly" is just below the number, not anything below it.
        ("Trade turnover reached nearly $6.5 billion in 2023.", Verdict.SUPPORTED),
        ("Trade turnover reached nearly $9 billion in 2023.", Verdict.CONTRADICTED),
        ("Trade turnover reached more than $2 billion in 2023.", Verdict.SUPPORTED),
    ],
)
def test_a_claims_hedge_is_read_as_written(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = checker(trade_store(make_store)).check_claim(claim)
    assert result.verdict is verdict, result.explanation


def test_a_duration_matches_spans_of_that_length(make_store: StoreMaker) -> None:
    figures = figure(
        "alpha-fdi",
        "about $9.2 billion",
        9.2e9,
        {"start": "2006", "end": "2023"},
        metric="fdi",
        qualifier="about",
        quote="over the past 18 years",
    )
    metrics = metric(
        "fdi",
        "Korean investment, cumulative",
        "USD",
        aliases=["investment"],
        description="Cumulative.",
    )
    check = checker(make_store(figures=figures, metrics=metrics))
    assert (
        check.check_claim("Over the past 18 years investment reached $9.2 billion.").verdict
        is Verdict.SUPPORTED
    )
    assert check.check_claim("Over the past 10 years investment reached $9.2 billion.").verdict is (
        Verdict.UNVERIFIABLE
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Kazakhstan opened its embassy in Seoul in 1996.", Verdict.SUPPORTED),
        ("Kazakhstan opened its embassy in Seoul in 1994.", Verdict.CONTRADICTED),
        ("Envoy Zorbek visited Busan in May 2019.", Verdict.SUPPORTED),
        ("Envoy Zorbek visited Busan in June 2019.", Verdict.CONTRADICTED),
        # A visit may recur: another year is another occasion, not a contradiction ...
        ("Envoy Zorbek visited Busan in 2022.", Verdict.UNVERIFIABLE),
        ("Zorbek's aides visited Busan in 2022.", Verdict.UNVERIFIABLE),
        # ... unless the sentence names it as its party's own: that is the one recorded.
        ("Envoy Zorbek's visit to Busan took place in 2022.", Verdict.CONTRADICTED),
        ("Zorbek's first official visit to Busan came in May 2019.", Verdict.SUPPORTED),
        ("The Fisheries treaty was signed in Ulsan in 2003.", Verdict.DISPUTED),
        ("The Fisheries treaty was signed in Ulsan in 2015.", Verdict.CONTRADICTED),
        ("The two countries will open a spaceport in 2030.", Verdict.UNVERIFIABLE),
        # A span in an event's name is the thing's period, not its date: the plan is for it.
        ("The Harbour Action Plan for 2025-2027 was signed.", Verdict.SUPPORTED),
        ("The Harbour Action Plan for 2024-2026 was signed.", Verdict.CONTRADICTED),
        ("The Harbour Action Plan for 2025-2027 was signed in November 2024.", Verdict.SUPPORTED),
    ],
)
def test_date_verdicts(make_store: StoreMaker, claim: str, verdict: Verdict | None) -> None:
    check = checker(make_store(events=EVENTS))
    result = check.check_claim(claim)
    if verdict is None:
        assert result.findings == ()
        assert result.verdict is Verdict.UNVERIFIABLE
    else:
        assert result.verdict is verdict, result.explanation


def test_disputed_date_shows_each_side(make_store: StoreMaker) -> None:
    result = checker(make_store(events=EVENTS)).check_claim(
        "The Fisheries treaty was signed in Ulsan in 2009."
    )
    assert result.verdict is Verdict.DISPUTED
    assert {(e.source, e.date, e.agrees) for e in result.evidence} == {
        ("alpha", "2003", False),
        ("beta", "2009", True),
    }


def test_check_text_positions_point_at_the_sentences(make_store: StoreMaker) -> None:
    check = checker(trade_store(make_store))
    text = (
        "Intro line without numbers\n"
        "Trade turnover reached $6 billion in 2023. The weather was fine.\n"
        "  Trade turnover was $9 billion in 2023, they say."
    )
    results = list(check.check_text(text))
    assert [(r.line, r.verdict) for r in results] == [
        (2, Verdict.SUPPORTED),
        (3, Verdict.CONTRADICTED),
    ]
    for result in results:
        assert result.start is not None and result.end is not None
        assert text[result.start : result.end] == result.claim


def test_the_store_is_indexed_once_however_long_the_text(
    make_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = conflicts.find_conflicts

    def counting(store: Store) -> list[Conflict]:
        calls.append(1)
        return real(store)

    monkeypatch.setattr(index_module, "find_conflicts", counting)
    check = checker(trade_store(make_store))
    sentence = "Trade turnover reached $6 billion in 2023. "
    assert len(list(check.check_text(sentence * 200))) == 200
    assert len(list(check.check_text(sentence * 1000))) == 1000
    assert calls == [1]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in 2023", "2023"),
        ("in June 2024", "2024-06"),
        ("on January 28, 1992", "1992-01-28"),
        ("from 12 to 14 November 2003", "2003-11-12/2003-11-14"),
        ("on 16-17 of August, 2021", "2021-08-16/2021-08-17"),
        ("in the first four months of 2024", "2024-01/2024-04"),
        ("over the past 18 years", "a span of 18 years"),
        ("over the past three decades", "a span of 30 years"),
        ("as of 2024", "as of 2024"),
        ("in the late 1930s", "1937/1939"),
        ("Kim Chang Geun 1993.11", "1993-11"),
        ("in January-April 2024", "2024-01/2024-04"),
        ("in Jan-Apr 2023", "2023-01/2023-04"),
        ("in January–April 2024", "2024-01/2024-04"),
        ("between January and September 2024", "2024-01/2024-09"),
        ("from November 2023 to March 2024", "2023-11/2024-03"),
        ("between 1995 and 2016", "1995/2016"),
        ("from June 11 to June 13, 2024", "2024-06-11/2024-06-13"),
        ("from 11 June to 13 June 2024", "2024-06-11/2024-06-13"),
        ("30 June - 2 July 2024", "2024-06-30/2024-07-02"),
    ],
)
def test_times_are_read_at_their_precision(text: str, label: str) -> None:
    (when,) = find_times(text)
    assert when.label() == label


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # "and" makes a span only after "between": otherwise it names two dates.
        # (a month listed before one with a year shares its year)
        ("in April and August 2024", ["2024-04", "2024-08"]),
        ("in 1995 and 2016", ["1995", "2016"]),
        # A range that runs backwards is no range.
        ("April-January 2024", ["2024-01"]),
        ("on 11 June and 13 June 2024", ["2024-06-11", "2024-06-13"]),
        ("June 13 to June 11, 2024", ["June 13", "2024-06-11"]),
    ],
)
def test_two_dates_are_not_a_span(text: str, labels: list[str]) -> None:
    assert [w.label() for w in find_times(text)] == labels


@given(
    year=st.integers(1900, 2099),
    months=st.lists(st.integers(1, 12), min_size=2, max_size=2, unique=True).map(sorted),
    dash=st.sampled_from(["-", "–", " to ", " - "]),
    short=st.booleans(),
)
def test_a_month_range_reads_back_as_its_span(
    year: int, months: list[int], dash: str, short: bool
) -> None:
    first, last = (calendar.month_abbr[m] if short else calendar.month_name[m] for m in months)
    (when,) = find_times(f"Trade in {first}{dash}{last} {year} was high.")
    assert (when.first, when.last) == (PartialDate(year, months[0]), PartialDate(year, months[1]))


def test_a_date_without_a_year_keeps_month_and_days() -> None:
    (when,) = find_times("on Nov. 3-5")
    assert (when.first, when.month, when.days) == (None, 11, (3, 5))


def test_sentences_survive_abbreviations_and_keep_offsets() -> None:
    text = "He went to S. Korea on Nov. 3-5. Trade grew.\nA new line"
    found = list(split_sentences(text))
    assert [s.text for s in found] == [
        "He went to S. Korea on Nov. 3-5.",
        "Trade grew.",
        "A new line",
    ]
    assert [s.line for s in found] == [1, 1, 2]
    assert all(text[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("a", "b"),
    [("traded", "trade"), ("investments", "invested"), ("opened", "opening"), ("plans", "planned")],
)
def test_inflections_meet_at_one_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_people_are_not_their_adjective() -> None:
    assert stem("Koreans") != stem("Korean")


NAMED_EVENTS = (
    event(
        "maritime-accord",
        claim("alpha", "1998", quote="concluded in 1998"),
        kind="agreement",
        title="Hanbit maritime accord concluded",
        actors=["Hanbit"],
        aliases=["maritime ties"],
    )
    + event(
        "institute-founded",
        claim("alpha", "2001", quote="founded in 2001"),
        kind="founding",
        title="Busan Institute of Steppe Studies founded",
        actors=["Busan Institute of Steppe Studies"],
    )
    + event(
        "envoy-stay",
        claim("alpha", "2024-06-11", "2024-06-12", quote="stayed on June 11-12"),
        claim("beta", "2024-06-11", "2024-06-13", quote="stayed from 11 to 13 June"),
        title="Envoy Zorbek's stay in Busan",
        actors=["Zorbek"],
        place="Busan",
    )
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # An alias names the event together with a word saying what happened ...
        ("Maritime ties between the two ports date back to 1998.", Verdict.SUPPORTED),
        ("Maritime ties between the two ports were set up in 1995.", Verdict.CONTRADICTED),
        # ... and not without one: deepening ties is not concluding the accord.
        ("Maritime ties between the two ports deepened in 2024.", Verdict.UNVERIFIABLE),
        # "Became" says when a state began, as "set up" or "since" do.
        ("The two ports became partners in maritime ties in 1998.", Verdict.SUPPORTED),
        ("The two ports became partners in maritime ties in 2004.", Verdict.CONTRADICTED),
        # Words of a kind beyond its own name: "set up" for a founding.
        ("The Busan Institute of Steppe Studies was set up in 2001.", Verdict.SUPPORTED),
        ("The Busan Institute of Steppe Studies was created in 2003.", Verdict.CONTRADICTED),
    ],
)
def test_events_are_named_by_aliases_and_words_of_their_kind(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = checker(make_store(events=NAMED_EVENTS)).check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if verdict is Verdict.UNVERIFIABLE:
        assert "No event" in result.explanation


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A stated range is compared start with start and end with end ...
        ("Envoy Zorbek stayed in Busan from 11 to 13 June 2024.", Verdict.DISPUTED),
        ("Envoy Zorbek stayed in Busan on June 11-12, 2024.", Verdict.DISPUTED),
        ("Envoy Zorbek stayed in Busan from 20 to 22 June 2024.", Verdict.CONTRADICTED),
        ("Envoy Zorbek stayed in Busan from June 11 to June 13, 2024.", Verdict.DISPUTED),
        ("Envoy Zorbek stayed in Busan from 11 June to 13 June 2024.", Verdict.DISPUTED),
        # ... a single day only has to fall within the stay.
        ("Envoy Zorbek was in Busan on June 12, 2024.", Verdict.SUPPORTED),
        ("Envoy Zorbek visited Busan in June 2024.", Verdict.SUPPORTED),
    ],
)
def test_a_range_of_days_must_match_at_both_ends(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = checker(make_store(events=NAMED_EVENTS)).check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if verdict is Verdict.DISPUTED:
        assert {e.agrees for e in result.evidence} == {True, False}


COUNT_METRICS = (
    metric(
        "envoy-visits",
        "Visits of Envoy Zorbek to Busan",
        aliases=["envoy-visits"],
        description="How often the envoy went to Busan in a span.",
    )
    + metric(
        "diaspora",
        "Ethnic Koreans living in Kazakhstan",
        aliases=["Korean diaspora"],
        description="Ethnic Koreans in Kazakhstan at a moment.",
    )
    + metric(
        "joint-projects",
        "Kazakh-Korean joint projects",
        aliases=["projects"],
        description="Joint projects at a moment.",
    )
    + metric(
        "implementation-projects",
        "Korean projects at the implementation stage",
        aliases=["implementation stage"],
        description="Projects under way at a moment.",
    )
    + metric(
        "partnership-age",
        "Age of the strategic partnership",
        "years",
        aliases=["anniversary"],
        description="Years since the partnership began.",
    )
)

COUNTS = (
    figure(
        "alpha-envoy-visits",
        "two",
        2,
        {"start": "2019"},
        metric="envoy-visits",
        quote="two visits in 2019",
    )
    + figure(
        "alpha-diaspora",
        "120,000",
        120000,
        {"as_of": "2024"},
        metric="diaspora",
        quote="120,000 ethnic Koreans",
    )
    + figure(
        "alpha-joint-projects",
        "55",
        55,
        {"as_of": "2024"},
        metric="joint-projects",
        quote="55 joint projects",
    )
    + figure(
        "alpha-implementation",
        "5",
        5,
        {"as_of": "2024"},
        metric="implementation-projects",
        quote="5 projects at the implementation stage",
    )
    + figure(
        "alpha-partnership-age",
        "15th anniversary",
        15,
        {"as_of": "2024"},
        metric="partnership-age",
        quote="the 15th anniversary",
    )
)

PARTNERSHIP = event(
    "partnership-begun",
    claim("alpha", "2009", quote="established in 2009"),
    kind="agreement",
    title="Hanbit strategic partnership established",
    actors=["Hanbit"],
    aliases=["strategic partnership"],
)


@pytest.mark.parametrize(
    ("claim", "verdict", "subject"),
    [
        # "twice" is a count; the words of the metric's name stand in for an alias ...
        ("Zorbek went to Busan twice in 2019.", Verdict.SUPPORTED, "envoy-visits"),
        # ... and "times" counts anything, so it leaves the subject to the sentence.
        ("Zorbek went to Busan three times in 2019.", Verdict.CONTRADICTED, "envoy-visits"),
        ("The Korean diaspora numbers 200,000 people.", Verdict.CONTRADICTED, "diaspora"),
        # A count's noun phrase may run over a few words: "projects" is what is counted.
        (
            "Five Kazakh-Korean projects are at the implementation stage.",
            Verdict.SUPPORTED,
            "implementation-projects",
        ),
        # A year that dates a figure is not also checked against the event the figure
        # is about, unless the sentence says what happened in it.
        (
            "The Hanbit strategic partnership marked its 15th anniversary in 2024.",
            Verdict.SUPPORTED,
            "partnership-age",
        ),
    ],
)
def test_counts_are_read_by_what_they_count(
    make_store: StoreMaker, claim: str, verdict: Verdict, subject: str
) -> None:
    check = checker(make_store(figures=COUNTS, metrics=COUNT_METRICS, events=PARTNERSHIP))
    result = check.check_claim(claim)
    assert result.verdict is verdict, result.explanation
    assert [f.subject for f in result.findings] == [subject]


def test_a_stated_event_year_is_still_checked(make_store: StoreMaker) -> None:
    check = checker(make_store(figures=COUNTS, metrics=COUNT_METRICS, events=PARTNERSHIP))
    result = check.check_claim("The Hanbit strategic partnership was established in 2024.")
    assert result.verdict is Verdict.CONTRADICTED, result.explanation


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A party the store never mentions: its records do not settle the claim.
        ("Trade turnover with Freedonia reached $6 billion in 2023.", Verdict.UNVERIFIABLE),
        ("Freedonia's trade turnover reached $9 billion in 2023.", Verdict.UNVERIFIABLE),
        # A name opening a clause is who says it, not what it is about.
        ("Trade turnover reached $6 billion in 2023, Reuters reported.", Verdict.SUPPORTED),
        # Months are not parties.
        ("Trade turnover in January-April 2024 was $1.4 billion.", Verdict.SUPPORTED),
    ],
)
def test_a_party_unknown_to_the_store_is_not_checked(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = checker(trade_store(make_store)).check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if verdict is Verdict.UNVERIFIABLE:
        assert '"Freedonia"' in result.explanation


FLOW_METRICS = (
    metric(
        "visitors-in",
        "Visitors to Freedonia",
        aliases=["tourist flow from Ruritania"],
        description="Ruritanians visiting Freedonia in a span.",
    )
    + metric(
        "visitors-out",
        "Freedonians visiting Ruritania",
        aliases=["tourist flow from Freedonia"],
        description="Freedonians visiting Ruritania in a span.",
    )
    + metric(
        "visitors-out-change",
        "Change in Freedonians visiting Ruritania",
        "percent",
        aliases=["outbound-change"],
        description="Change in Freedonians visiting Ruritania over a year earlier.",
        change_of="visitors-out",
    )
)

FLOWS = figure(
    "alpha-out-2023",
    "5,000",
    5000,
    metric="visitors-out",
    quote="5,000 Freedonians visited Ruritania in 2023",
) + figure(
    "alpha-out-change-2023",
    "10%",
    10,
    metric="visitors-out-change",
    quote="the tourist flow from Freedonia grew 10% in 2023",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The tourist flow from Freedonia grew 10% in 2023.", Verdict.SUPPORTED),
        ("The tourist flow from Freedonia to Ruritania grew 10% in 2023.", Verdict.SUPPORTED),
        # The same words with the direction turned round name another flow, which the
        # store does not measure, not the change it records (named by its parent's alias).
        ("The tourist flow to Freedonia grew 10% in 2023.", Verdict.UNVERIFIABLE),
        ("Ruritania's tourist flow to Freedonia grew 10% in 2023.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_direction_turned_round_is_another_subject(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    result = checker(make_store(figures=FLOWS, metrics=FLOW_METRICS)).check_claim(claim)
    assert result.verdict is verdict, result.explanation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tourist flow from South Korea", {("from", "south"), ("from", "korea")}),
        ("FDI into Kazakhstan", {("to", "kazakhstan")}),
        ("rose from 10 to 42 flights a week", set()),
        ("From the Soviet Union", {("from", "soviet"), ("from", "union")}),
    ],
)
def test_directions_name_places_only(text: str, expected: set[tuple[str, str]]) -> None:
    assert directions(text) == expected


def test_reversal_needs_the_opposite_way_to_the_same_place() -> None:
    meant = directions("tourist flow from Kazakhstan")
    assert reverses(directions("flow to Kazakhstan"), meant)
    assert not reverses(directions("flow from Kazakhstan to Korea"), meant)
    assert not reverses(directions("flow to Korea"), meant)
    # A subject named both ways is turned round by neither.
    assert not reverses(directions("to Kazakhstan"), directions("from Kazakhstan; to Kazakhstan"))


SPAN_IN_DISPUTE = event(
    "summit",
    claim("alpha", Raw("2024-06-11"), Raw("2024-06-13"), quote="11-13 June 2024"),
    claim("beta", Raw("2024-06-11"), Raw("2024-06-12"), quote="June 11-12"),
    title="President Zorbek's state visit to Busan",
    actors=["Zorbek"],
    place="Busan",
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Zorbek paid a state visit to Busan on June 11-12.", Verdict.DISPUTED),
        ("Zorbek paid a state visit to Busan on June 11-13.", Verdict.DISPUTED),
        ("Zorbek paid a state visit to Busan in June.", Verdict.SUPPORTED),
        ("Zorbek paid a state visit to Busan in March.", Verdict.UNVERIFIABLE),
    ],
)
def test_a_date_without_a_year_is_read_in_the_events_year(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    """The sources agree on the year but not on the last day: a claim that names no year
    still takes a side, and still cannot contradict them."""
    assert checker(make_store(events=SPAN_IN_DISPUTE)).check_claim(claim).verdict is verdict


LOOK_ALIKES = metric(
    "ferries",
    "Ferries a week in operation",
    aliases=["ferries a week"],
    description="Ferries a week now running.",
) + metric(
    "ferries-agreed",
    "Sailings agreed by the harbour board",
    description="Weekly sailings the harbour board agreed to.",
    plan_of="ferries",
)
LOOK_ALIKE_FIGURES = figure(
    "now", "10", 10, {"as_of": "2024"}, metric="ferries", quote="10 ferries"
) + figure("agreed", "42", 42, {"as_of": "2024"}, metric="ferries-agreed", quote="42 ferries")


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The route will get 42 ferries a week.", Verdict.UNVERIFIABLE),
        ("The route has 10 ferries a week.", Verdict.SUPPORTED),
        ("The route will get 30 ferries a week.", Verdict.CONTRADICTED),
    ],
)
def test_a_look_alike_that_agrees_keeps_a_claim_from_being_contradicted(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    """The sentence names "ferries a week"; "ferries-agreed" extends that metric's id and
    holds 42, so a claim of 42 may mean it: unverifiable, not contradicted."""
    store = make_store(metrics=LOOK_ALIKES, figures=LOOK_ALIKE_FIGURES)
    assert checker(store).check_claim(claim).verdict is verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Zorbek's state visit to Busan ended on June 13, 2024.", Verdict.DISPUTED),
        ("Zorbek's state visit to Busan took place on June 12, 2024.", Verdict.SUPPORTED),
        ("Zorbek's state visit to Busan took place on June 14, 2024.", Verdict.CONTRADICTED),
    ],
)
def test_a_single_day_takes_the_side_of_the_sources_it_agrees_with(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    """The sources end the visit on different days: a day inside one source's span and
    outside the other's sides with the first."""
    assert checker(make_store(events=SPAN_IN_DISPUTE)).check_claim(claim).verdict is verdict
