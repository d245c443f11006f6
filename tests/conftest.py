"""Shared fixtures: the shipped store, synthetic stores, and the store chosen by environment."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.stores import DOCUMENTS as DOCUMENTS
from tests.support.stores import FACTS as FACTS
from tests.support.stores import MINIMAL_METRICS as MINIMAL_METRICS
from tests.support.stores import MINIMAL_SOURCES as MINIMAL_SOURCES
from tests.support.stores import StoreMaker as StoreMaker

settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")
"""In CI (which sets $CI) hypothesis draws the same examples every run, so a red build is
one anyone can reproduce and never a lucky draw; locally each run explores new examples."""


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Tests never read the developer's $KZKR_FACTS or colour settings, and never read or
    write the developer's store cache: theirs is a fresh temporary folder."""
    monkeypatch.delenv("KZKR_FACTS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("KZKR_CACHE", raising=False)
    monkeypatch.setenv("KZKR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def shipped_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped store, selected through $KZKR_FACTS."""
    copy = tmp_path / "facts"
    shutil.copytree(FACTS, copy)
    monkeypatch.setenv("KZKR_FACTS", str(copy))
    return copy


@pytest.fixture
def make_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StoreMaker:
    """Write a small synthetic store: make_store(figures=figure(...) + figure(...), ...).

    Each part is TOML text, usually built with tests.support.stores' source(), metric(),
    figure() and event(); raw TOML is for tests of what the loader refuses.

    Two sources (alpha, beta) and two metrics (trade, investor-rank) come with it unless
    ``sources`` or ``metrics`` replace them; the store is selected through $KZKR_FACTS.
    """

    def make(
        figures: str = "",
        events: str = "",
        sources: str = MINIMAL_SOURCES,
        metrics: str = MINIMAL_METRICS,
        texts: dict[str, str] | None = None,
    ) -> Path:
        root = tmp_path / "store"
        root.mkdir(exist_ok=True)
        for name, body in {
            "sources": sources,
            "metrics": metrics,
            "figures": figures,
            "events": events,
        }.items():
            if body:
                (root / f"{name}.toml").write_text(textwrap.dedent(body), encoding="utf-8")
        if texts:
            docs = root / "documents"
            docs.mkdir(exist_ok=True)
            for name, body in texts.items():
                (docs / name).write_text(body, encoding="utf-8")
        monkeypatch.setenv("KZKR_FACTS", str(root))
        return root

    return make
