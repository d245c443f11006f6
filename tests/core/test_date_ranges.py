"""Dates with uncertainty: one day within a range is not a span it lasted, and two claims
conflict only when no day can satisfy both."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.dates import DateRange, PartialDate, parse_dating
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.intervals import Interval, percent_change
from kzkr_cli.core.models import DateClaim, Figure, Metric, Source
from kzkr_cli.core.periods import same_moment
from kzkr_cli.core.query import TimelineQuery, compare_figures, timeline, why_no_figures
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import StoreMaker, figure, metric, source


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


# ------------------------------------------------ figures as of a moment within a range


INVESTOR_RANK = metric(
    "investor-rank",
    "Rank among investors",
    "rank",
    aliases=["investor"],
    description="South Korea's rank among foreign investors in Kazakhstan.",
)
"""A rank metric a claim can name ("investor") and whose parties the sentence names."""


def _ranks(*moments: tuple[str, str, int]) -> str:
    """Investor ranks from sources alpha and beta, each as of its moment."""
    return "".join(
        figure(
            f"rank-{n}",
            f"{value}th",
            value,
            {"as_of": as_of},
            metric="investor-rank",
            source=src,
        )
        for n, (src, as_of, value) in enumerate(moments)
    )


@pytest.mark.parametrize(
    ("first", "second", "compared"),
    [
        ("2024-05..2024-06-10", "2024-11-05", False),  # the review was written by June
        ("2024-05..2024-06-10", "2024-06", True),  # 1-10 June may be either moment
        ("2024-05..2024-06-10", "2024", True),
        # no later than 10 June 2024 may be years before any other moment: too vague to set
        # against one; bounded to the same year, it may be compared
        ("..2024-06-10", "2023-02", False),
        ("2024..2024-06-10", "2024-02", True),
        ("2020..2024", "2022", False),
        ("2024-06..", "2024-05-31", False),  # no earlier than
        ("2024-06-12..2024-06", "2024-06-11", False),
        ("2024-06-12..2024-06", "2024-05..2024-06-12", True),  # both ranges: one day shared
    ],
)
def test_moments_are_compared_when_some_day_may_be_both(
    make_store: StoreMaker, first: str, second: str, compared: bool
) -> None:
    figures = _ranks(("alpha", first, 6), ("beta", second, 5))
    conflicts = find_conflicts(load_store(make_store(figures=figures)))
    assert bool(conflicts) is compared
    if compared:
        (conflict,) = conflicts
        narrower = min((first, second), key=lambda d: _days(parse_dating(d)))
        assert conflict.period == f"as of {narrower}"  # reported at the finer moment


def _days(dating: DateRange | PartialDate) -> int:
    return (dating.last_day() - dating.first_day()).days


def test_each_pair_of_moments_is_compared_once(make_store: StoreMaker) -> None:
    """Overlapping ranges that do not nest still give one conflict per disagreement."""
    figures = _ranks(
        ("alpha", "2024-05..2024-06-10", 6),
        ("beta", "2024-06", 5),
        ("beta", "2024", 5),
    )
    conflicts = find_conflicts(load_store(make_store(figures=figures)))
    pairs = sorted(tuple(sorted(c.fact for c in conflict.claims)) for conflict in conflicts)
    assert pairs == [("rank-0", "rank-1"), ("rank-0", "rank-2")]


def test_a_figure_within_a_range_is_in_a_year_only_when_all_its_days_are(
    make_store: StoreMaker,
) -> None:
    figures = _ranks(
        ("alpha", "2024-05..2024-06-10", 6),
        ("alpha", "..2024-06-10", 7),
        ("beta", "2023-12..2024-01", 5),
    )
    store = load_store(make_store(figures=figures))
    metric = store.metrics["investor-rank"]
    listed = {
        year: [r.figure.id for r in compare_figures(store, metric, [], year).rows]
        for year in (2023, 2024)
    }
    assert listed == {2023: [], 2024: ["rank-0"]}
    assert "shorter periods: as of ..2024-06-10, as of 2023-12..2024-01" in why_no_figures(
        store, [metric], 2022, None
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("South Korea is the fifth-largest investor in Kazakhstan.", Verdict.DISPUTED),
        ("South Korea is the sixth-largest investor in Kazakhstan.", Verdict.DISPUTED),
        ("South Korea is the third-largest investor in Kazakhstan.", Verdict.CONTRADICTED),
    ],
)
def test_a_claim_with_no_moment_meets_the_latest_and_whoever_disputes_it(
    make_store: StoreMaker, claim: str, verdict: Verdict
) -> None:
    """Judged as of the latest moment (a year, "As of 2024"); a review written by June that
    disagrees with that year's figure takes part, though a November figure does not."""
    figures = _ranks(
        ("alpha", "2024-05..2024-06-10", 6),
        ("beta", "2024", 5),
    ) + figure(
        "rank-late",
        "top five",
        5,
        {"as_of": "2024-11-05"},
        metric="investor-rank",
        source="beta",
        qualifier="top",
    )
    store = load_store(make_store(figures=figures, metrics=INVESTOR_RANK))
    result = Checker(store).check_claim(claim)
    assert result.verdict is verdict
    assert "rank-0" in {e.fact for e in result.evidence}


SIGNING = """
[[event]]
id = "e"
kind = "agreement"
title = "Kazakhstan and South Korea sign the action plan"
actors = ["Kazakhstan", "South Korea"]

[[event.claim]]
source = "alpha"
{dated}
quote = "signed the action plan"
"""


@pytest.mark.parametrize(
    ("dated", "claim", "verdict"),
    [
        # one day of the 3-5 November visit: a day inside it is not confirmed, one outside
        # is ruled out, and a date holding every day of the range is confirmed
        ('date = "2024-11-03..2024-11-05"', "on 4 November 2024", Verdict.UNVERIFIABLE),
        ('date = "2024-11-03..2024-11-05"', "on 9 November 2024", Verdict.CONTRADICTED),
        ('date = "2024-11-03..2024-11-05"', "in November 2024", Verdict.SUPPORTED),
        # no later than 5 November: any earlier day is possible, none is confirmed
        ('date = "..2024-11-05"', "in October 2024", Verdict.UNVERIFIABLE),
        ('date = "..2024-11-05"', "in December 2024", Verdict.CONTRADICTED),
        # a span, lasting from the 3rd to the 5th: it was under way on the 4th
        ('date = "2024-11-03"\nend = "2024-11-05"', "on 4 November 2024", Verdict.SUPPORTED),
        # the same for a calendar date: a month confirms the month, not a day of it
        ('date = "2024-11-04"', "on 4 November 2024", Verdict.SUPPORTED),
        ('date = "2024-11"', "on 4 November 2024", Verdict.UNVERIFIABLE),
        ('date = "2024-11"', "in November 2024", Verdict.SUPPORTED),
        ('date = "2024-11-01..2024-11-30"', "on 4 November 2024", Verdict.UNVERIFIABLE),
    ],
)
def test_a_day_within_a_range_confirms_only_what_holds_all_of_it(
    make_store: StoreMaker, dated: str, claim: str, verdict: Verdict
) -> None:
    store = load_store(make_store(events=SIGNING.format(dated=dated)))
    text = f"Kazakhstan and South Korea signed the action plan {claim}."
    assert Checker(store).check_claim(text).verdict is verdict


@pytest.mark.parametrize(
    ("as_of", "claim", "verdict"),
    [
        # a moment speaks for a claim only when all of it lies in the claim's days, however
        # it is written: as of 2024 speaks for "in 2024", not for "in December 2024"
        ("2024", "In 2024, about 740 companies with Korean capital operated", Verdict.SUPPORTED),
        (
            "2024",
            "In December 2024, about 740 companies with Korean capital operated",
            Verdict.UNVERIFIABLE,
        ),
        # a moment known to within a range speaks for a claim only when all of it lies in
        # the claim's days: some day from June to December is not confirmed as December
        (
            "2024-06..2024",
            "In 2024, about 740 companies with Korean capital operated",
            Verdict.SUPPORTED,
        ),
        (
            "2024-06..2024",
            "In December 2024, about 740 companies with Korean capital operated",
            Verdict.UNVERIFIABLE,
        ),
        (
            "..2024",
            "In 2010, about 740 companies with Korean capital operated",
            Verdict.UNVERIFIABLE,
        ),
        (
            "..2024",
            "In 2010, about 300 companies with Korean capital operated",
            Verdict.UNVERIFIABLE,
        ),
    ],
)
def test_a_moment_within_a_range_confirms_only_a_claim_that_holds_it(
    make_store: StoreMaker, as_of: str, claim: str, verdict: Verdict
) -> None:
    companies = metric(
        "companies",
        "Companies with Korean capital operating in Kazakhstan",
        "count",
        aliases=["companies with Korean capital"],
    )
    figures = figure(
        "alpha-companies", "about 740", 740, {"as_of": as_of}, metric="companies", qualifier="about"
    )
    store = load_store(make_store(figures=figures, metrics=companies))
    assert Checker(store).check_claim(f"{claim} in Kazakhstan.").verdict is verdict


def test_the_latest_moment_is_one_known_to_within_a_year(make_store: StoreMaker) -> None:
    """ "No later than 2024" sorts last, but it may be any earlier day: a claim with no moment
    is judged against the latest moment the store dates within a year."""
    figures = _ranks(("alpha", "..2024", 9), ("beta", "2024-06", 5))
    store = load_store(make_store(figures=figures, metrics=INVESTOR_RANK))
    result = Checker(store).check_claim("South Korea is the fifth-largest investor in Kazakhstan.")
    assert result.verdict is Verdict.SUPPORTED
    assert [e.fact for e in result.evidence] == ["rank-1"]


def test_an_event_sorts_by_its_narrowest_date_and_is_listed_by_any(
    make_store: StoreMaker,
) -> None:
    """Three possible days are more precise than a year: the partnership dated to some day
    of a November 2003 visit by one source and to 2009 by another sorts in 2003, and a
    window of either year lists it."""
    events = VISIT.format(first='date = "2003-11-12..2003-11-14"', second='date = "2009"')
    store = load_store(make_store(events=events))
    assert store.events["e"].headline.date.iso() == "2003-11-12..2003-11-14"
    for year in (2003, 2009):
        query = TimelineQuery(since=PartialDate(year), until=PartialDate(year))
        assert [e.event.id for e in timeline(store, query, set())] == ["e"], year
    nothing = TimelineQuery(since=PartialDate(2005), until=PartialDate(2006))
    assert timeline(store, nothing, set()) == []


def test_moments_that_may_be_different_days_are_named_as_a_cause(
    make_store: StoreMaker,
) -> None:
    apart = _ranks(("alpha", "2024-05..2024-06-10", 6), ("beta", "2024", 5))
    (conflict,) = find_conflicts(load_store(make_store(figures=apart)))
    assert "they may speak of different days (as of 2024" in conflict.explanation
    same = _ranks(("alpha", "2024-06-01", 6), ("beta", "2024-06-01", 5))
    (conflict,) = find_conflicts(load_store(make_store(figures=same)))
    assert "different days" not in conflict.explanation


_days_2024 = st.integers(min_value=0, max_value=3 * 365)
_unit_or_range = st.one_of(
    st.builds(
        lambda y, m: f"{2023 + y}" if m == 0 else f"{2023 + y}-{m:02d}",
        st.integers(0, 2),
        st.integers(0, 12),
    ),
    st.builds(
        lambda a, width: (
            f"{dt.date(2023, 1, 1) + dt.timedelta(days=a)}"
            f"..{dt.date(2023, 1, 1) + dt.timedelta(days=a + width)}"
        ),
        _days_2024,
        st.integers(0, 500),
    ),
    st.builds(lambda a: f"..{dt.date(2023, 1, 1) + dt.timedelta(days=a)}", _days_2024),
    st.builds(lambda a: f"{dt.date(2023, 1, 1) + dt.timedelta(days=a)}..", _days_2024),
)


@given(st.lists(_unit_or_range, min_size=2, max_size=7))
def test_every_pair_of_moments_that_may_coincide_is_compared(moments: list[str]) -> None:
    """Against brute force: figures with different values at moments that may be the same
    (``same_moment``) always meet in a conflict, however the engine looks them up."""
    metric = Metric.model_validate(
        {"id": "m", "name": "M", "unit": "rank", "description": "A rank."}
    )
    store = Store(root=Path(), metrics={"m": metric})
    store.sources["s"] = Source.model_validate(
        {
            "id": "s",
            "title": "S",
            "publisher": "P",
            "kind": "news",
            "published": "2026",
            "document": "s.txt",
        }
    )
    for n, moment in enumerate(moments):
        figure = Figure.model_validate(
            {
                "id": f"f{n}",
                "metric": "m",
                "value": n + 1,
                "as_written": f"{n + 1}th",
                "period": {"as_of": moment},
                "source": "s",
                "quote": "q",
            }
        )
        store.figures[figure.id] = figure
        store.steps[figure.id] = 0.0
    met = {
        frozenset((a.fact, b.fact))
        for conflict in find_conflicts(store)
        for a in conflict.claims
        for b in conflict.claims
        if a.fact != b.fact
    }
    for i, j in itertools.combinations(range(len(moments)), 2):
        if same_moment(parse_dating(moments[i]), parse_dating(moments[j])):
            assert frozenset((f"f{i}", f"f{j}")) in met, (moments[i], moments[j])


KOREANS = metric(
    "koreans",
    "Ethnic Koreans in Kazakhstan",
    "count",
    aliases=["ethnic Koreans"],
    description="Ethnic Koreans living in Kazakhstan, at a moment.",
) + metric(
    "koreans-change",
    "Change in the number of ethnic Koreans in Kazakhstan",
    "percent",
    aliases=["change"],
    description="Change in the number of ethnic Koreans in Kazakhstan.",
    change_of="koreans",
)
GROWTH = (
    figure("k2015", "100,000", 100000, {"as_of": "2015"}, metric="koreans")
    + figure("k2024", "120,000", 120000, {"as_of": "2024"}, metric="koreans", source="beta")
    + figure(
        "kchg",
        "50%",
        50,
        {"start": "2015", "end": "2024"},
        metric="koreans-change",
        source="beta",
        change={"before": "k2015", "after": "k2024"},
    )
)


def test_the_figures_a_stated_change_links_are_of_other_moments(make_store: StoreMaker) -> None:
    """A +50% stated between 100,000 (2015) and 120,000 (2024) is an arithmetic conflict,
    not a dispute about now: "120,000 live there" is judged as of 2024 alone, and the
    change's conflict does not call its two dates a cause."""
    store = load_store(make_store(figures=GROWTH, metrics=KOREANS))
    (conflict,) = find_conflicts(store)
    assert "different days" not in conflict.explanation
    result = Checker(store).check_claim("120,000 ethnic Koreans live in Kazakhstan.")
    assert result.verdict is Verdict.SUPPORTED, result.explanation
    assert [e.fact for e in result.evidence] == ["k2024"]
