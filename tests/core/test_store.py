"""Loading the store: every failure mode gives the store's own error, naming file and place."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.quotes import check_quotes, normalise
from kzkr_cli.core.store import load_store
from tests.support.broken import BROKEN, CASES
from tests.support.stores import DOCUMENTS as DOCUMENTS_FOLDER
from tests.support.stores import FACTS, StoreMaker, event, figure, metric, source


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
        figures=(
            figure("one", "1", 1, metric="nope", quote="q")
            + figure("two", "1", "x", source="nobody", quote="q")
        )
    )
    with pytest.raises(StoreError) as caught:
        load_store(root)
    messages = [str(p) for p in caught.value.problems]
    assert any("figure one: metric: unknown metric 'nope'" in m for m in messages)
    assert any("figure two: value: Input should be a valid number" in m for m in messages)
    assert len(messages) == 2


def test_as_written_must_read_as_the_value(make_store: StoreMaker) -> None:
    root = make_store(figures=figure("t", "$6 billion", 6.5e9, quote="q"))
    with pytest.raises(StoreError, match=r"6500000000 does not match as_written '\$6 billion'"):
        load_store(root)


def test_hedge_word_must_match_qualifier(make_store: StoreMaker) -> None:
    root = make_store(figures=figure("t", "about $6 billion", 6e9, quote="q"))
    with pytest.raises(StoreError, match=r"qualifier: 'exact' but as_written .* reads as 'about'"):
        load_store(root)


def test_rank_must_read_as_a_rank(make_store: StoreMaker) -> None:
    root = make_store(
        figures=figure("r", "5", 5, {"as_of": "2024"}, metric="investor-rank", quote="q")
    )
    with pytest.raises(StoreError, match=r"'5' does not read as rank"):
        load_store(root)


def test_alias_taken_twice_is_refused(make_store: StoreMaker) -> None:
    root = make_store(
        metrics=(metric("a", "A", aliases=["shared"]) + metric("b", "B", aliases=["shared"]))
    )
    with pytest.raises(StoreError, match=r"alias 'shared' is already taken by a"):
        load_store(root)


def test_quotes_are_found_modulo_whitespace_and_quote_marks(make_store: StoreMaker) -> None:
    root = make_store(
        figures=(
            figure("t", "$6 billion", 6e9, quote="the partners' trade   reached $6 billion")
            + figure("u", "$6 billion", 6e9, {"start": "2022"}, quote="trade reached $7 billion")
        ),
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


def test_a_folder_that_cannot_be_listed_is_a_problem_naming_it(
    make_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, which can list any folder, so listing is refused the way the
    operating system would refuse it to another user."""
    root = make_store()
    hidden = root / "figures"
    hidden.mkdir()
    (hidden / "more.toml").write_text("", encoding="utf-8")
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> Any:
        if Path(path) == hidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(StoreError) as caught:
        load_store(root)
    assert [str(p) for p in caught.value.problems] == [
        f"{hidden}: folder cannot be read: Permission denied"
    ]


def test_a_nul_in_any_text_field_is_refused(make_store: StoreMaker) -> None:
    root = make_store(
        sources=source("alpha", document="al\x00pha.txt") + source("beta"),
        events=event("visit", ("alpha", "2024-06-11", None), actors=["Yoon\x00"]),
    )
    with pytest.raises(StoreError) as caught:
        load_store(root)
    fields = sorted((p.record, p.field, p.message) for p in caught.value.problems)
    assert fields == [
        ("event visit", "actors.0", "contains a NUL character (\\u0000)"),
        ("source alpha", "document", "contains a NUL character (\\u0000)"),
    ]
