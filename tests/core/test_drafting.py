"""Drafting as a rule over any text: what it drafts is always quoted verbatim, reads back
as its value, and validates; nothing it is given makes it fail."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.dates import PartialDate, parse_dating
from kzkr_cli.core.drafting import Drafting, draft_records
from kzkr_cli.core.drafting.toml_edit import record_table
from kzkr_cli.core.models import Figure, Source
from kzkr_cli.core.numbers import parse_quantity
from kzkr_cli.core.quotes import normalise
from kzkr_cli.core.store import Store, load_store
from tests.drafting_articles import ARTICLES, shipped
from tests.support.stores import SUMMIT_EVENTS, StoreMaker, claim, event, metric

PIECES = [
    sentence.strip() + "."
    for path in sorted(ARTICLES.glob("*.txt"))
    for sentence in path.read_text(encoding="utf-8").split(".")
    if sentence.strip()
]
SOURCE = Source(
    id="anything",
    title="Anything",
    publisher="Test",
    kind="news",  # type: ignore[arg-type]
    published=PartialDate(2024, 10, 17),
    document="anything.txt",
)

texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.sampled_from(list("0123456789 $%.,-–\n abcKZT")), max_size=40),
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_every_draft_is_quoted_verbatim_and_reads_back(text: str) -> None:
    store, index = shipped()
    drafting = draft_records(store, SOURCE, text, index)
    document = normalise(text)
    for figure in drafting.figures:
        assert normalise(figure.quote) in document
        assert figure.as_written in text
        read = parse_quantity(figure.as_written)
        assert math.isclose(read.value, figure.value, rel_tol=1e-9, abs_tol=1e-9)
        if isinstance(figure, Figure):
            assert figure.metric in store.metrics
    for drafted in drafting.claims:
        assert normalise(drafted.claim.quote) in document
        assert drafted.new_event is not None or drafted.event_id in store.events


def test_numbers_inside_names_are_skipped_with_the_reason() -> None:
    store, index = shipped()
    text = "Flights land at Terminal 2 of the airport, flown by a Boeing 787-9 of Air Astana.\n"
    drafting = draft_records(store, SOURCE, text, index)
    assert drafting.figures == []
    assert [(s.text, s.reason) for s in drafting.skipped if s.reason.endswith("name")] == [
        ("2", "a number inside a name"),
        ("787", "a number inside a name"),
        ("9", "a number inside a name"),
    ]


def test_a_total_since_a_year_runs_to_the_publication_year() -> None:
    store, index = shipped()
    text = "Trade turnover since 2019 totalled $30 billion.\n"
    (figure,) = draft_records(store, SOURCE, text, index).figures
    assert figure.period.label() == "2019/2024"
    assert figure.period.text == "since 2019"


def test_a_count_in_digits_before_a_plural_noun_is_drafted_undecided() -> None:
    store, index = shipped()
    text = "The factory will employ 2,300 workers, and the two countries will share nine rooms.\n"
    drafting = draft_records(store, SOURCE, text, index)
    assert [(f.as_written, type(f).__name__) for f in drafting.figures] == [
        ("2,300", "UndecidedFigure")
    ]
    assert "nine" in {s.text for s in drafting.skipped}


def test_a_date_announced_in_advance_is_drafted_as_planned() -> None:
    store, index = shipped()
    text = (
        "The new plant will open on 12 March 2025 in Kostanay.\n"
        "The first plant opened on 3 February 2023 in Kostanay, and it will grow.\n"
    )
    claims = draft_records(store, SOURCE, text, index).claims
    assert [(str(c.claim.date), c.claim.planned) for c in claims] == [
        ("2025-03-12", True),
        ("2023-02-03", False),  # the future after the date speaks of something else
    ]
    tables = [record_table(c.claim).as_string() for c in claims]
    assert "planned = true" in tables[0] and "planned" not in tables[1]


def test_a_present_tense_figure_is_as_of_the_range_its_source_is_dated_by() -> None:
    store, index = shipped()
    undated = SOURCE.model_copy(update={"published": parse_dating("2024-05..2024-06-10")})
    text = "Currently, 14 joint projects worth $2.7 billion are at the implementation stage.\n"
    periods = {f.as_written: f.period for f in draft_records(store, undated, text, index).figures}
    assert periods["$2.7 billion"].as_of == parse_dating("2024-05..2024-06-10")


def test_a_year_inside_a_name_dates_nothing() -> None:
    store, index = shipped()
    text = (
        "Yoon attended a business forum at the Expo 2017 exhibition grounds.\n"
        "The Kostanay car plant opened in June 2017.\n"
        "The Kostanay car plant opened in Spring 2019.\n"
    )
    drafting = draft_records(store, SOURCE, text, index)
    assert [str(c.claim.date) for c in drafting.claims] == ["2017-06", "2019"]
    assert ("2017", "a year inside a name") in {(s.text, s.reason) for s in drafting.skipped}


def test_of_look_alikes_the_draft_takes_the_one_whose_figures_share_its_period_shape() -> None:
    """An annual and a cumulative inflow are named alike; "in 2023" is a span of a year,
    like the annual metric's figures, while "over the past 18 years" is one of several."""
    store, index = shipped()
    text = (
        "In 2023, the gross inflow of direct investment from Korea amounted to $1.2 billion.\n"
        "Over the past 18 years, the gross inflow of direct investment from Korea reached"
        " $9.5 billion.\n"
    )
    drafted = {f.as_written: f for f in draft_records(store, SOURCE, text, index).figures}
    annual, total = drafted["$1.2 billion"], drafted["$9.5 billion"]
    assert isinstance(annual, Figure) and isinstance(total, Figure)
    assert (annual.metric, total.metric) == ("fdi-inflow-annual", "fdi-inflow-cumulative")


def _drafted(store: Store, text: str, published: str = "2024-06-12") -> Drafting:
    source = SOURCE.model_copy(update={"published": parse_dating(published)})
    return draft_records(store, source, text, StoreIndex.build(store))


def test_of_tied_events_the_one_named_nearest_the_date_is_dated(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(events=SUMMIT_EVENTS))
    # The visit is named inside the date's span; "began" (an agreement's word too) is far.
    text = (
        "The Korean president arrived in Astana on Tuesday for a summit visit through"
        " Thursday, which began the summit.\n"
    )
    (drafted,) = _drafted(store, text).claims
    assert (drafted.event_id, str(drafted.claim.date)) == ("summit-visit", "2024-06-11")
    assert str(drafted.claim.end) == "2024-06-13"


TWIN_VISITS = event(
    "visit-then",
    claim("alpha", "2019-04-22", quote="the first visit"),
    title="Summit visit of the Korean president to Astana",
) + event(
    "visit-now",
    claim("alpha", "2024-06-11", "2024-06-13", quote="the state visit"),
    title="Summit visit of the Korean president to Astana",
)
"""Two visits a sentence names alike: only its date can tell them apart."""


def test_of_tied_events_the_one_the_date_may_fall_on_is_dated(make_store: StoreMaker) -> None:
    store = load_store(make_store(events=TWIN_VISITS))
    text = "The Korean president arrived in Astana for a summit visit on 13 June 2024.\n"
    (drafted,) = _drafted(store, text).claims
    assert drafted.event_id == "visit-now"


def test_a_date_no_tied_event_may_fall_on_is_a_new_event_naming_them(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(events=TWIN_VISITS))
    text = "The Korean president arrived in Astana for a summit visit on 2 April 2025.\n"
    (drafted,) = _drafted(store, text).claims
    assert drafted.new_event is not None and drafted.new_event.kind.value == "visit"
    assert drafted.claim.note is not None
    assert "visit-then" in drafted.claim.note and "visit-now" in drafted.claim.note


def test_a_date_said_twice_in_a_sentence_is_drafted_once(make_store: StoreMaker) -> None:
    store = load_store(make_store(events=SUMMIT_EVENTS))
    text = "ASTANA, June 12 (News) -- The Korean president arrived Wednesday for a summit visit.\n"
    drafting = _drafted(store, text)
    assert [str(c.claim.date) for c in drafting.claims] == ["2024-06-12"]
    assert ("Wednesday", "the same date again") in {(s.text, s.reason) for s in drafting.skipped}


def test_the_years_a_plan_is_for_are_no_date_of_it() -> None:
    store, index = shipped()
    text = "The Cooperation Action Plan for 2025-2027 was signed in Seoul last November.\n"
    source = SOURCE.model_copy(update={"published": parse_dating("2025-02-10")})
    drafting = draft_records(store, source, text, index)
    assert [str(c.claim.date) for c in drafting.claims] == ["2024-11"]
    assert ("2025-2027", "the years a plan is for, not a date") in {
        (s.text, s.reason) for s in drafting.skipped
    }


PLANT_METRICS = metric(
    "plant-investment", "Investment in the Kostanay car plant", "USD", aliases=["Kostanay plant"]
) + metric("plant-capacity", "Capacity of the Kostanay car plant", "vehicles/year")


@pytest.mark.parametrize(
    ("between", "metric_id"),
    [
        (" ", "plant-investment"),  # the sentence before names the subject
        ("\n\n", None),  # another paragraph names nothing of this one
    ],
)
def test_a_figure_takes_its_subject_from_the_sentence_before(
    make_store: StoreMaker, between: str, metric_id: str | None
) -> None:
    store = load_store(make_store(metrics=PLANT_METRICS))
    text = (
        "The Kostanay plant is being built by a joint venture."
        + between
        + "The cost of the project is estimated at $270 million.\n"
    )
    (drafted,) = _drafted(store, text).figures
    assert getattr(drafted, "metric", None) == metric_id
    if metric_id is not None:
        assert drafted.note == "Its subject is named in the sentence before."


def test_one_day_of_two_events_in_a_sentence_is_drafted_for_each() -> None:
    store, index = shipped()
    text = (
        "In 2009 President Lee Myung-bak visited Kazakhstan and in 2009 an agreement on"
        " Korean investment in energy was signed.\n"
    )
    claims = draft_records(store, SOURCE, text, index).claims
    assert len({c.event_id for c in claims}) == len(claims) == 2


def test_a_sentence_naming_its_own_subject_takes_none_from_the_one_before(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(metrics=PLANT_METRICS))
    text = (
        "The Kostanay plant is being built by a joint venture."
        " Samsung's revenue was $200 billion.\n"
    )
    (drafted,) = _drafted(store, text).figures
    assert getattr(drafted, "metric", None) is None
