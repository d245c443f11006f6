"""Making a store to grow, and which stores kzkr may write to."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzkr_cli.core import locate
from kzkr_cli.core.errors import ReadOnlyStoreError, TargetExistsError
from kzkr_cli.core.locate import Chosen, StoreLocation, locate_facts
from kzkr_cli.core.new_store import init_store, writable
from kzkr_cli.core.quotes import check_quotes
from kzkr_cli.core.store import load_store
from tests.conftest import FACTS


def test_init_copies_the_shipped_store_with_its_documents(tmp_path: Path) -> None:
    made = init_store(tmp_path / "grow", template=FACTS)
    store = load_store(made.path)
    assert set(store.sources) == set(load_store(FACTS).sources)
    assert made.documents == len(store.sources) == 5
    assert list(check_quotes(store)) == []
    assert [p.name for p in tmp_path.iterdir()] == ["grow"]


def test_init_empty_keeps_the_vocabulary_only(tmp_path: Path) -> None:
    made = init_store(tmp_path / "grow", empty=True, template=FACTS)
    store = load_store(made.path)
    assert store.metrics.keys() == load_store(FACTS).metrics.keys()
    assert not store.sources and not store.figures and not store.events
    assert (made.path / "documents").is_dir()


def test_init_accepts_an_empty_folder_and_refuses_a_full_one(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    init_store(tmp_path / "empty", empty=True, template=FACTS)
    with pytest.raises(TargetExistsError, match="exists and is not an empty folder"):
        init_store(tmp_path / "empty", template=FACTS)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(TargetExistsError):
        init_store(tmp_path / "file", template=FACTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "file"]


def test_the_installed_copy_is_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "site" / "facts"
    installed.mkdir(parents=True)
    monkeypatch.setattr(locate, "installed_facts", lambda: installed)
    location = StoreLocation(installed, Chosen.SHIPPED)
    assert location.installed
    assert "read-only copy installed with kzkr" in location.describe()
    with pytest.raises(ReadOnlyStoreError):
        writable(location)
    other = tmp_path / "mine"
    assert writable(StoreLocation(other, Chosen.OPTION)) == other


def test_location_says_how_the_store_was_chosen(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    assert locate_facts(tmp_path / "x", {}, tmp_path).chosen is Chosen.OPTION
    assert locate_facts(None, {"KZKR_FACTS": "y"}, tmp_path).chosen is Chosen.ENVIRONMENT
    assert locate_facts(None, {}, tmp_path).chosen is Chosen.WORKING_FOLDER
    assert locate_facts(None, {}, tmp_path / "nowhere").chosen is Chosen.SHIPPED
