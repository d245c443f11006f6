"""Shared fixtures: the shipped store, synthetic stores, and the store chosen by environment."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
DOCUMENTS = FACTS / "documents"

MINIMAL_SOURCES = """
[[source]]
id = "alpha"
title = "Alpha report"
publisher = "Alpha News"
kind = "news"
published = "2024-06"
document = "alpha.txt"

[[source]]
id = "beta"
title = "Beta review"
publisher = "Beta Agency"
kind = "news"
published = "2024"
document = "beta.txt"
"""

MINIMAL_METRICS = """
[[metric]]
id = "trade"
name = "Trade turnover"
unit = "USD"
aliases = ["turnover"]
description = "Annual trade turnover between the two countries, both directions."

[[metric]]
id = "investor-rank"
name = "Rank among investors"
unit = "rank"
aliases = ["rank"]
description = "Korea's rank among foreign investors in Kazakhstan, at a moment."
"""


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


StoreMaker = Callable[..., Path]


@pytest.fixture
def make_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StoreMaker:
    """Write a small synthetic store: make_store(figures=\"...\", events=\"...\", ...).

    Two sources (alpha, beta) and two metrics (trade, investor-rank) come with it unless
    ``sources`` or ``metrics`` replace them; ``texts`` go to its documents/ folder; the store
    is selected through $KZKR_FACTS.
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
