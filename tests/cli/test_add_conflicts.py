"""A second source added with kzkr add is compared with the store at once: its drafts take
part in kzkr conflicts, marked as drafts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.drafting_articles import ARTICLES, expected

runner = CliRunner()


def _add(root: Path, document: Path, source: str, published: str) -> None:
    result = runner.invoke(
        app,
        [
            "add",
            str(document),
            "--source",
            source,
            "--title",
            f"Report {source}",
            "--publisher",
            "Test News",
            "--published",
            published,
            "--facts",
            str(root),
        ],
    )
    assert result.exit_code == 0, result.stderr


def _conflicts(root: Path) -> list[dict[str, object]]:
    result = runner.invoke(app, ["conflicts", "--facts", str(root), "--format", "json"])
    return list(json.loads(result.stdout)) if result.exit_code == 0 else []


def test_two_added_sources_that_disagree_show_as_a_conflict_of_drafts(tmp_path: Path) -> None:
    root = tmp_path / "store"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(
        "Trade turnover between Kazakhstan and South Korea reached $8.1 billion in 2025.\n",
        encoding="utf-8",
    )
    second.write_text(
        "In 2025, Kazakhstan-Korea trade turnover stood at $9.4 billion, officials said.\n",
        encoding="utf-8",
    )
    _add(root, first, "first-news", "2026-01-20")
    assert not [c for c in _conflicts(root) if c["period"] == "2025"]
    _add(root, second, "second-news", "2026-02-02")
    (conflict,) = [c for c in _conflicts(root) if c["period"] == "2025"]
    assert sorted(conflict["drafts"]) == ["first-news-figure-1", "second-news-figure-1"]  # type: ignore[call-overload]


def test_the_kia_plant_articles_conflict_after_the_second_add(tmp_path: Path) -> None:
    root = tmp_path / "store"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, source in (
        ("02_kazinform-kia-kostanay-construction", "kazinform-kia"),
        ("06_yonhap-kia-kostanay-opening", "yonhap-kia"),
    ):
        _add(root, ARTICLES / f"{name}.txt", source, expected(name)["published"])
    values = [{claim["value"] for claim in c["claims"]} for c in _conflicts(root)]  # type: ignore[attr-defined]
    assert any({270e6, 310e6} <= found for found in values)
