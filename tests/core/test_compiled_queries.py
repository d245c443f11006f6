"""Each SQL query answers what the core functions answer over the whole loaded store: the
indexed prefilters (dates, kinds, sources, metrics) never drop or add a row, on the shipped
store and on a store with dates given as ranges."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzkr_cli.core.compiled import CompiledStore, open_compiled, queries
from kzkr_cli.core.conflicts import ConflictKind, ConflictQuery, conflicting_records, find_conflicts
from kzkr_cli.core.contract import conflict_object, event_object
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.errors import QueryError
from kzkr_cli.core.models import EventKind
from kzkr_cli.core.provenance import describe
from kzkr_cli.core.query import TimelineQuery, compare_figures, timeline
from kzkr_cli.core.sources import source_summaries
from kzkr_cli.core.store import Store, load_store
from kzkr_cli.core.vocabulary import resolve_metric
from tests.support.stores import FACTS, StoreMaker

RANGED_EVENTS = """
[[event]]
id = "summit"
kind = "meeting"
title = "Summit somewhere in early November"
[[event.claim]]
source = "alpha"
date = "..2024-11-05"
quote = "the summit, held by 5 November"
[[event.claim]]
source = "beta"
date = "2024-11-03..2024-11-05"
quote = "the summit of 3-5 November"

[[event]]
id = "opening"
kind = "opening"
title = "Opening, some time after 2023"
[[event.claim]]
source = "beta"
date = "2023.."
quote = "opened after 2023"

[[event]]
id = "visit"
kind = "visit"
title = "A visit in June 2024"
actors = ["Kazakhstan"]
[[event.claim]]
source = "alpha"
date = "2024-06-11"
end = "2024-06-13"
quote = "the visit of 11-13 June"
"""


def pair(root: Path, tmp_path: Path) -> tuple[Store, CompiledStore]:
    return load_store(root), open_compiled(root, folder=tmp_path / "cache")


def when(text: str | None) -> PartialDate | None:
    return None if text is None else PartialDate.parse(text)


TIMELINES = [
    (None, None, None, None),
    ("2024-06", None, None, None),
    (None, "1996", None, None),
    ("2024-06", "2024-07", None, None),
    ("2024-11", "2024-11", None, None),
    ("2000", None, EventKind.VISIT, None),
    (None, None, None, "alpha"),
    (None, None, None, "wikipedia"),
    ("2020", "2025", None, "kazinform-2024"),
]


@pytest.mark.parametrize("store_kind", ["shipped", "ranged"])
def test_timeline_queries_list_what_the_core_lists(
    store_kind: str, make_store: StoreMaker, tmp_path: Path
) -> None:
    root = FACTS if store_kind == "shipped" else make_store(events=RANGED_EVENTS)
    store, compiled = pair(root, tmp_path)
    conflicted = conflicting_records(find_conflicts(store))
    sources = set(store.sources)
    for since, until, kind, source in TIMELINES:
        if source is not None and source not in sources:
            continue
        query = TimelineQuery(when(since), when(until), kind, source=source)
        expected = [
            (event_object(e.event), e.in_conflict) for e in timeline(store, query, conflicted)
        ]
        got = [
            (event_object(e.event), e.in_conflict)
            for e in queries.timeline_entries(compiled, query)
        ]
        assert got == expected, (since, until, kind, source)


def test_figure_queries_list_what_the_core_lists(tmp_path: Path) -> None:
    store, compiled = pair(FACTS, tmp_path)
    conflicts = find_conflicts(store)
    for metric in store.metrics.values():
        figures = store.figures_of(metric.id)
        years = {f.period.first.first_day().year for f in figures} | {None, 1990}
        for year in sorted(years, key=lambda y: y or 0):
            for source in (None, "wikipedia"):
                expected = compare_figures(store, metric, conflicts, year, source)
                _, got = queries.figures(compiled, metric.id, year, source)
                assert [(r.figure, r.in_conflict) for r in got.rows] == [
                    (r.figure, r.in_conflict) for r in expected.rows
                ], (metric.id, year, source)
                assert (got.agree, got.groups) == (expected.agree, expected.groups)


@pytest.mark.parametrize("name", ["trade", "TURNOVER", "fdi", "fdi-inflow", "nonsense", "tr"])
def test_a_metric_name_resolves_as_the_core_resolves_it(name: str, tmp_path: Path) -> None:
    store, compiled = pair(FACTS, tmp_path)
    try:
        expected: object = resolve_metric(store, name).id
    except QueryError as exc:
        expected = str(exc)
    try:
        got: object = queries.resolved_metric(compiled, name).id
    except QueryError as exc:
        got = str(exc)
    assert got == expected


def test_show_describes_every_record_as_the_core_does(tmp_path: Path) -> None:
    store, compiled = pair(FACTS, tmp_path)
    conflicts = find_conflicts(store)
    for record_id in [*store.sources, *store.metrics, *store.figures, *store.events, "wiki-fdi"]:
        try:
            expected: object = describe(store, record_id, conflicts)
        except QueryError as exc:
            expected = str(exc)
        try:
            got: object = queries.record(compiled, record_id)
        except QueryError as exc:
            got = str(exc)
        assert got == expected, record_id


def test_sources_are_summed_as_the_core_sums_them(tmp_path: Path) -> None:
    store, compiled = pair(FACTS, tmp_path)
    assert queries.source_summaries(compiled) == source_summaries(store)


CONFLICT_QUERIES = [
    ConflictQuery(),
    ConflictQuery(kinds=frozenset({ConflictKind.DATE})),
    ConflictQuery(kinds=frozenset({ConflictKind.FIGURE, ConflictKind.ARITHMETIC})),
    ConflictQuery(metric="fdi"),
    ConflictQuery(metric="trade", source="wikipedia"),
    ConflictQuery(source="kazinform-2024", min_severity=0.05),
    ConflictQuery(event="yoon-state-visit-2024"),
    ConflictQuery(source="wikipedi"),
    ConflictQuery(event="yoon-state-visit"),
    ConflictQuery(metric="nonsense"),
]


@pytest.mark.parametrize("query", CONFLICT_QUERIES)
def test_conflict_queries_select_what_the_engine_selects(
    query: ConflictQuery, tmp_path: Path
) -> None:
    store, compiled = pair(FACTS, tmp_path)
    try:
        expected: object = [conflict_object(c) for c in find_conflicts(store, query)]
    except QueryError as exc:
        expected = str(exc)
    try:
        got: object = [conflict_object(c) for c in queries.conflicts(compiled, query)]
    except QueryError as exc:
        got = str(exc)
    assert got == expected


DRAFTS = """
[[figure]]
id = "t-draft"
metric = "trade"
value = 6e9
as_written = "$6 billion"
period = { start = "2023" }
source = "alpha"
quote = "trade reached $6 billion"
status = "draft"

[[figure]]
id = "t-reviewed"
metric = "trade"
value = 7e9
as_written = "$7 billion"
period = { start = "2023" }
source = "beta"
quote = "trade reached $7 billion"

[[figure]]
id = "t-undecided"
candidates = ["trade", "investor-rank"]
value = 5
as_written = "5"
period = { as_of = "2024" }
source = "beta"
quote = "five of them"
status = "draft"
"""


def test_drafts_and_undecided_figures_read_back_as_loaded(
    make_store: StoreMaker, tmp_path: Path
) -> None:
    from kzkr_cli.core.compiled.build import whole_store
    from kzkr_cli.core.drafts import draft_keys
    from kzkr_cli.core.export import export_store

    root = make_store(
        figures=DRAFTS,
        events=RANGED_EVENTS.replace(
            'quote = "the summit of 3-5 November"',
            'quote = "the summit of 3-5 November"\nstatus = "draft"',
        ),
    )
    store, compiled = pair(root, tmp_path)
    assert store.undecided and draft_keys(store)
    assert export_store(whole_store(compiled.connection, root)) == export_store(store)
    assert queries.draft_keys(compiled) == draft_keys(store)
    assert queries.source_summaries(compiled) == source_summaries(store)
    conflicts = find_conflicts(store)
    for record_id in ["t-draft", "t-undecided", "summit", "alpha", "beta", "trade"]:
        assert queries.record(compiled, record_id) == describe(store, record_id, conflicts)


def test_every_field_of_every_record_reads_back(tmp_path: Path) -> None:
    """A field added to a record type and not to the compiled store fails here."""
    from kzkr_cli.core.compiled.build import whole_store

    store, compiled = pair(FACTS, tmp_path)
    read = whole_store(compiled.connection, FACTS)
    for table in ("sources", "metrics", "figures", "events", "undecided"):
        assert getattr(read, table) == getattr(store, table), table
