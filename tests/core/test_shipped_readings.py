"""How the shipped store reads its five documents, where a reading decides what kzkr reports:
each test pins a verdict or a conflict that changes when the reading does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kzkr_cli.core.checker import Checker, Verdict
from kzkr_cli.core.conflicts import Conflict, ConflictKind, find_conflicts
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.models import Qualifier
from kzkr_cli.core.query import TimelineQuery, timeline
from kzkr_cli.core.store import Store, load_store
from tests.conftest import FACTS


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store(FACTS)


@pytest.fixture(scope="module")
def conflicts(store: Store) -> list[Conflict]:
    return find_conflicts(store)


@pytest.fixture(scope="module")
def checker(store: Store) -> Checker:
    return Checker(store)


def _conflicts_with(conflicts: list[Conflict], fact: str) -> list[Conflict]:
    return [c for c in conflicts if any(claim.fact == fact for claim in c.claims)]


def _with_claim(tmp_path: Path, event: str, claim: str) -> Store:
    """The shipped store with one more date claim for ``event``: how a new source's date
    would be read against the shipped ones."""
    copy = tmp_path / "facts"
    shutil.copytree(FACTS, copy)
    events = copy / "events.toml"
    text = events.read_text(encoding="utf-8")
    anchor = f'id = "{event}"\n'
    start = text.index(anchor)
    following = text.find("\n[[event]]\n", start)
    at = len(text) if following < 0 else following
    added = f"\n[[event.claim]]\n{claim.strip()}\n"
    events.write_text(text[:at].rstrip("\n") + "\n" + added + text[at:], encoding="utf-8")
    return load_store(copy)


def _date_conflicts(store: Store, event: str) -> list[Conflict]:
    return [c for c in find_conflicts(store) if c.kind is ConflictKind.DATE and c.subject == event]


# -------------------------------------------------- 1. an uncertain date is not a duration


@pytest.mark.parametrize(
    "event",
    [
        "cooperation-action-plan-2025-2027",  # signed on an unstated day of the Nov. 3-5 visit
        "nurtleu-cho-tae-yul-meeting-2024",
        "c5k-ministerial-meeting-2024",
    ],
)
def test_a_source_dating_it_to_4_november_agrees_with_the_3_to_5_november_visit(
    tmp_path: Path, event: str
) -> None:
    store = _with_claim(
        tmp_path, event, 'source = "astana-times-2024-11"\ndate = "2024-11-04"\nquote = "Nov. 4"'
    )
    assert not _date_conflicts(store, event)


def test_a_day_outside_the_visit_still_conflicts(tmp_path: Path) -> None:
    event = "cooperation-action-plan-2025-2027"
    store = _with_claim(
        tmp_path, event, 'source = "astana-times-2024-11"\ndate = "2024-11-07"\nquote = "Nov. 7"'
    )
    (conflict,) = _date_conflicts(store, event)
    assert {c.source for c in conflict.claims} >= {"arystanov-2024", "astana-times-2024-11"}


def test_the_late_1930s_may_be_any_of_its_years(tmp_path: Path, store: Store) -> None:
    """One time within 1937-1939, not a deportation lasting from 1937 to 1939: a source that
    dates it to 1938 agrees, and a timeline of 1938 lists it."""
    event = "deportation-of-koreans"
    dated = _with_claim(tmp_path, event, 'source = "wikipedia"\ndate = "1938"\nquote = "1938"')
    assert not _date_conflicts(dated, event)
    listed = timeline(store, TimelineQuery(since=_day("1938"), until=_day("1938")), set())
    assert event in {entry.event.id for entry in listed}


def test_the_november_report_bounds_the_visit_without_inventing_its_days(
    tmp_path: Path,
) -> None:
    """The 5 November report dates the visit only by the meeting of the 4th: a source that
    has the visit end on the 6th contradicts 'no later than the report'; one that has it
    start on 1 November does not."""
    event = "nurtleu-official-visit-2024"
    late = _with_claim(
        tmp_path / "late",
        event,
        'source = "wikipedia"\ndate = "2024-11-04"\nend = "2024-11-06"\nquote = "x"',
    )
    assert {c.source for c in _date_conflicts(late, event)[0].claims} >= {"astana-times-2024-11"}
    early = _with_claim(
        tmp_path / "early",
        event,
        'source = "wikipedia"\ndate = "2024-11-01"\nend = "2024-11-05"\nquote = "x"',
    )
    conflicting = {c.source for conflict in _date_conflicts(early, event) for c in conflict.claims}
    assert "astana-times-2024-11" not in conflicting


# -------------------------------------------------- 2. sources dated as their text allows


def test_no_figure_is_dated_more_coarsely_than_its_source_but_towards_the_past(
    store: Store,
) -> None:
    """A figure as of its source's writing is dated by the days the source may be from; one
    dated more widely either names that date in its text ("As of 2024") or reaches back
    from the source's last possible day (what it reports as past, "no later than"), never
    rounds the source's days out to a year ("as of 2024" for a review of May-June)."""
    for figure in store.figures.values():
        as_of = figure.period.as_of
        published = store.sources[figure.source].published
        if as_of is None or as_of == published or not as_of.contains(published):
            continue
        named = as_of.iso() in (figure.period.text or "")
        assert named or as_of.last_day() == published.last_day(), figure.id
    sixth = store.figures["kazinform-investor-rank"].period.as_of
    assert sixth is not None and sixth.iso() == "2024-05..2024-06-10"


def test_a_review_written_by_june_is_not_set_against_the_november_report(
    conflicts: list[Conflict],
) -> None:
    """Kazinform's 'sixth' (written by 10 June) and the 5 November 'top five' speak of
    different moments; against Wikipedia's '5th' as of 2024 the review is the older source."""
    assert not [c for c in conflicts if c.id == "rank:investor-rank:as-of-2024-11-05"]
    (rank,) = [c for c in conflicts if c.subject == "investor-rank"]
    assert "astana-times-2024-11" not in {c.source for c in rank.claims}
    assert "older source: kazinform-2024 (2024-05..2024-06-10)" in rank.explanation


def test_a_visit_announced_before_it_happened_comes_from_the_older_source(
    conflicts: list[Conflict],
) -> None:
    (visit,) = [c for c in conflicts if c.subject == "yoon-state-visit-2024"]
    assert "older source: kazinform-2024" in visit.explanation


def _day(text: str) -> PartialDate:
    return PartialDate.parse(text)


# ---------------------------------------------------------------- 3. a metric counts one thing


def test_joint_ventures_are_a_part_of_the_companies_with_korean_capital(store: Store) -> None:
    ventures = store.metrics[store.figures["at06-joint-ventures"].metric]
    companies = store.figures["wiki-korean-capital-companies"].metric
    assert ventures.id != companies
    assert ventures.part_of == companies


def test_a_count_of_joint_ventures_is_not_held_against_the_companies(checker: Checker) -> None:
    """'About 705' ventures fits 'more than 700' ventures; the 'about 740' companies, a larger
    set, do not rule it out."""
    result = checker.check_claim(
        "About 705 joint ventures with Korean capital operate in Kazakhstan."
    )
    assert result.verdict is not Verdict.CONTRADICTED
    assert {e.fact for e in result.evidence} == {"at06-joint-ventures"}


def test_the_companies_are_still_checked_against_their_own_count(checker: Checker) -> None:
    result = checker.check_claim("Some 720 companies with Korean capital operate in Kazakhstan.")
    assert result.verdict is Verdict.CONTRADICTED
    assert {e.fact for e in result.evidence} == {"wiki-korean-capital-companies"}


def test_58_implemented_and_55_joint_projects_are_not_one_figure(
    store: Store, conflicts: list[Conflict], checker: Checker
) -> None:
    assert not _conflicts_with(conflicts, "kazinform-joint-projects")
    assert not _conflicts_with(conflicts, "wiki-joint-projects")
    value = store.metrics[store.figures["kazinform-joint-projects-value"].metric]
    assert value.value_of == store.figures["kazinform-joint-projects"].metric
    # A sentence that does not say which count it means is not settled by either.
    ambiguous = checker.check_claim("There are 58 joint investment projects in Kazakhstan.")
    assert ambiguous.verdict is Verdict.UNVERIFIABLE


# -------------------------------------------------- 6. smaller readings


def test_the_undated_zhambyl_terms_are_not_tied_to_the_revision_year(tmp_path: Path) -> None:
    """'Under the agreement, the consortium will own 27%': the agreement is undated, so the
    revision's 2024 does not decide what the share is compared with; another source's 40%
    under the agreement, dated 2010, disagrees with it."""
    copy = tmp_path / "facts"
    shutil.copytree(FACTS, copy)
    (copy / "figures" / "extra.toml").write_text(
        "[[figure]]\n"
        'id = "extra-zhambyl-share"\n'
        'metric = "zhambyl-consortium-share"\n'
        "value = 40\n"
        'as_written = "40%"\n'
        'period = { as_of = "2010" }\n'
        'source = "kazinform-2024"\n'
        'quote = "40%"\n',
        encoding="utf-8",
    )
    found = _conflicts_with(find_conflicts(load_store(copy)), "extra-zhambyl-share")
    assert [{c.fact for c in conflict.claims} for conflict in found] == [
        {"extra-zhambyl-share", "wiki-zhambyl-share"}
    ]


def test_undated_things_reported_as_past_are_not_dated_to_the_revision_year(
    store: Store, checker: Checker
) -> None:
    """The Zhambyl agreement's terms and Koryo Ilbo's centenary are not dated by the text:
    as of no later than the revision, so no year, 2024 included, is confirmed for them."""
    for fid in ("wiki-zhambyl-share", "wiki-zhambyl-option", "wiki-koryo-ilbo-100th"):
        as_of = store.figures[fid].period.as_of
        assert as_of is not None and not PartialDate(2024).contains(as_of), fid
    for year in (2010, 2024):
        said = f"Koryo Ilbo celebrated its 100th anniversary in {year}."
        assert checker.check_claim(said).verdict is Verdict.UNVERIFIABLE, year


def test_an_estimate_is_hedged_without_admitting_nothing(store: Store) -> None:
    """'The field is estimated to hold 1 billion barrels': about, and about 1 billion is
    half to one and a half billion, not 0 to 2."""
    reserves = store.figures["wiki-zhambyl-reserves"]
    assert reserves.qualifier is Qualifier.ABOUT
    interval = store.interval(reserves)
    assert (interval.low, interval.high) == (0.5e9, 1.5e9)
