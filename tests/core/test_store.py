"""Loading the store: every failure mode gives the store's own error, naming file and place."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.quotes import check_quotes, normalise
from kzkr_cli.core.store import load_store
from tests.conftest import DOCUMENTS as DOCUMENTS_FOLDER
from tests.conftest import FACTS, StoreMaker

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"

CASES = [
    ("broken-toml", "store.toml", r"store\.toml:14: invalid TOML"),
    (
        "unknown-field",
        "store.toml",
        r"figure alpha-koreans: colour: Extra inputs are not permitted",
    ),
    ("wrong-type", "store.toml", r"figure alpha-koreans: value: Input should be a valid number"),
    ("missing-field", "store.toml", r"figure alpha-koreans: quote: Field required"),
    (
        "duplicate-id",
        "store.toml",
        r"alpha-koreans: id: duplicate id \(first defined in .*more\.toml",
    ),
    ("unknown-source", "store.toml", r"source: unknown source 'gamma'"),
    ("unknown-metric", "store.toml", r"metric: unknown metric 'diaspora'"),
    ("impossible-date", "store.toml", r"claim\.0\.date: 2024-02-30 does not exist"),
    ("end-before-start", "store.toml", r"claim\.0: end 2024-06-11 is before date 2024-06-13"),
    ("negative-count", "store.toml", r"value: -120000 is negative; a count cannot be"),
    ("not-utf8", "store.toml", r"is not UTF-8 text \(byte 0xe9"),
    ("empty", "", r"no \.toml files: the facts folder is empty"),
    (
        "reviewed-with-candidates",
        "store.toml",
        r"figure alpha-koreans: a reviewed figure has exactly one metric: set metric and remove"
        r" candidates",
    ),
    ("unknown-candidate", "store.toml", r"candidates\.1: unknown metric 'diaspora'"),
    ("unknown-status", "store.toml", r"status: Input should be 'draft' or 'reviewed'"),
]


@pytest.mark.parametrize(("case", "file", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_each_failure_mode_names_file_and_problem(case: str, file: str, pattern: str) -> None:
    with pytest.raises(StoreError, match=pattern) as caught:
        load_store(BROKEN / case)
    expected = BROKEN / case / file if file else BROKEN / case
    assert {Path(p.file).resolve() for p in caught.value.problems} == {expected}


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="facts folder not found"):
        load_store(tmp_path / "nowhere")


def test_all_problems_are_reported_in_one_pass(make_store: StoreMaker) -> None:
    root = make_store(
        figures="""
        [[figure]]
        id = "one"
        metric = "nope"
        value = 1
        as_written = "1"
        period = { start = "2023" }
        source = "alpha"
        quote = "q"

        [[figure]]
        id = "two"
        metric = "trade"
        value = "x"
        as_written = "1"
        period = { start = "2023" }
        source = "nobody"
        quote = "q"
        """
    )
    with pytest.raises(StoreError) as caught:
        load_store(root)
    messages = [str(p) for p in caught.value.problems]
    assert any("figure one: metric: unknown metric 'nope'" in m for m in messages)
    assert any("figure two: value: Input should be a valid number" in m for m in messages)
    assert len(messages) == 2


def test_as_written_must_read_as_the_value(make_store: StoreMaker) -> None:
    root = make_store(
        figures="""
        [[figure]]
        id = "t"
        metric = "trade"
        value = 6.5e9
        as_written = "$6 billion"
        period = { start = "2023" }
        source = "alpha"
        quote = "q"
        """
    )
    with pytest.raises(StoreError, match=r"6500000000 does not match as_written '\$6 billion'"):
        load_store(root)


def test_hedge_word_must_match_qualifier(make_store: StoreMaker) -> None:
    root = make_store(
        figures="""
        [[figure]]
        id = "t"
        metric = "trade"
        value = 6e9
        as_written = "about $6 billion"
        period = { start = "2023" }
        source = "alpha"
        quote = "q"
        """
    )
    with pytest.raises(StoreError, match=r"qualifier: 'exact' but as_written .* reads as 'about'"):
        load_store(root)


def test_rank_must_read_as_a_rank(make_store: StoreMaker) -> None:
    root = make_store(
        figures="""
        [[figure]]
        id = "r"
        metric = "investor-rank"
        value = 5
        as_written = "5"
        period = { as_of = "2024" }
        source = "alpha"
        quote = "q"
        """
    )
    with pytest.raises(StoreError, match=r"'5' does not read as rank"):
        load_store(root)


def test_alias_taken_twice_is_refused(make_store: StoreMaker) -> None:
    root = make_store(
        metrics="""
        [[metric]]
        id = "a"
        name = "A"
        unit = "count"
        aliases = ["shared"]
        description = "A."

        [[metric]]
        id = "b"
        name = "B"
        unit = "count"
        aliases = ["shared"]
        description = "B."
        """
    )
    with pytest.raises(StoreError, match=r"alias 'shared' is already taken by a"):
        load_store(root)


def test_quotes_are_found_modulo_whitespace_and_quote_marks(make_store: StoreMaker) -> None:
    root = make_store(
        figures="""
        [[figure]]
        id = "t"
        metric = "trade"
        value = 6e9
        as_written = "$6 billion"
        period = { start = "2023" }
        source = "alpha"
        quote = "the partners' trade   reached $6 billion"

        [[figure]]
        id = "u"
        metric = "trade"
        value = 6e9
        as_written = "$6 billion"
        period = { start = "2022" }
        source = "alpha"
        quote = "trade reached $7 billion"
        """,
        texts={"alpha.txt": "In 2023 the partners’ trade\nreached $6 billion.", "beta.txt": ""},
    )
    problems = list(check_quotes(load_store(root)))
    assert [(p.record, p.field) for p in problems] == [("figure u", "quote")]


def test_missing_document_is_a_problem(make_store: StoreMaker, tmp_path: Path) -> None:
    root = make_store(texts={"alpha.txt": "x"})
    problems = list(check_quotes(load_store(root)))
    assert [p.record for p in problems] == ["source beta"]


def test_normalise_folds_only_space_and_quote_marks() -> None:
    assert normalise("“Golden  bridge”\n’s") == '"Golden bridge" \'s'
    assert normalise("R -- Resources") == "R -- Resources"


def test_shipped_store_loads_and_every_quote_is_in_its_document() -> None:
    store = load_store(FACTS)
    assert store.figures and store.events
    assert list(check_quotes(store)) == []


def test_the_source_documents_are_inside_the_store() -> None:
    """The quote and --file tests read facts/documents; without a document they must fail,
    not pass on nothing (the document tests are parametrized over its files)."""
    store = load_store(FACTS)
    present = {path.name for path in DOCUMENTS_FOLDER.glob("*.txt")}
    assert {source.document for source in store.sources.values()} <= present


def test_streamed_export_is_the_same_json_as_the_whole(make_store: StoreMaker) -> None:
    import io
    import json

    from kzkr_cli.core.export import export_store, write_export

    for store in (load_store(FACTS), load_store(make_store())):
        streamed = io.StringIO()
        write_export(store, streamed)
        assert (
            streamed.getvalue()
            == json.dumps(export_store(store), indent=2, ensure_ascii=False) + "\n"
        )
