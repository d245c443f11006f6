"""kzkr review through the runner: the interactive flow fed by input, and --accept-all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.conftest import MINIMAL_METRICS, StoreMaker

runner = CliRunner()

ARTICLE = (
    "Trade turnover between the two countries reached $7 billion in 2024.\n"
    "The new plant will employ about 1,500 people in 2025.\n"
    "Diplomatic relations were established in January 1992.\n"
)
EVENTS = """
[[event]]
id = "relations"
kind = "agreement"
title = "Diplomatic relations established"
actors = ["Kazakhstan", "South Korea"]
aliases = ["diplomatic relations"]

[[event.claim]]
source = "alpha"
date = "1992-01-28"
quote = "relations were established on 28 January 1992"
"""

JOBS = """
[[metric]]
id = "plant-jobs"
name = "Jobs at the plant"
unit = "count"
description = "People employed at the plant."
"""


@pytest.fixture
def drafted(make_store: StoreMaker, tmp_path: Path) -> Path:
    root = make_store(
        metrics=MINIMAL_METRICS + JOBS,
        events=EVENTS,
        texts={
            "alpha.txt": "Diplomatic relations were established on 28 January 1992.",
            "beta.txt": "",
        },
    )
    (root / "events.toml").write_text(
        "# Events, with a comment that must survive edits.\n" + (root / "events.toml").read_text(),
        encoding="utf-8",
    )
    document = tmp_path / "gamma.txt"
    document.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "add",
            str(document),
            "--source",
            "gamma",
            "--title",
            "Gamma",
            "--publisher",
            "Gamma News",
            "--published",
            "2025-02-03",
            "--format",
            "tsv",
        ],
    )
    assert result.exit_code == 0, result.stderr
    ids = [line.split("\t")[2] for line in result.stdout.splitlines()[1:]]
    assert ids == ["gamma-figure-1", "gamma-figure-2", "relations"], result.stdout
    return root


def _records() -> tuple[dict[str, dict[str, object]], list[dict[str, object]]]:
    data = json.loads(runner.invoke(app, ["export"]).stdout)
    figures = {f["id"]: f for f in data["figures"] if f["source"] == "gamma"}
    (event,) = [e for e in data["events"] if e["id"] == "relations"]
    return figures, [c for c in event["claims"] if c["source"] == "gamma"]


def test_review_one_by_one_writes_each_decision(drafted: Path) -> None:
    # accept the trade figure; give the undecided count a metric (a money metric is refused),
    # write out its words in full, accept it; drop the date
    answers = "a\na\nm\ntrade\nm\nplant-jobs\nv\nabout 1,500 people\na\nd\n"
    result = runner.invoke(app, ["review", "gamma"], input=answers)
    assert result.exit_code == 0, result.output
    assert "gamma-figure-2: choose its metric first" in result.stdout
    assert "'about 1,500' does not read as USD (metric trade)" in result.stdout
    assert result.stderr == "2 accepted, 1 dropped, 0 drafts left\n"
    figures, claims = _records()
    assert {k: (f["status"], f["metric"], f["value"]) for k, f in figures.items()} == {
        "gamma-figure-1": ("reviewed", "trade", 7e9),
        "gamma-figure-2": ("reviewed", "plant-jobs", 1500),
    }
    assert claims == []
    figures_file = (drafted / "figures" / "gamma.toml").read_text(encoding="utf-8")
    assert 'as_written = "about 1,500 people"' in figures_file
    assert (drafted / "events.toml").read_text().startswith("# Events, with a comment")
    assert runner.invoke(app, ["validate", "--strict"]).exit_code == 0


def test_quitting_keeps_what_was_decided(drafted: Path) -> None:
    result = runner.invoke(app, ["review", "gamma"], input="a\nq\n")
    assert result.exit_code == 0
    assert result.stderr == "1 accepted, 0 dropped, 2 drafts left\n"
    figures, claims = _records()
    assert figures["gamma-figure-1"]["status"] == "reviewed"
    assert figures["gamma-figure-2"]["status"] == "draft"
    assert [c["status"] for c in claims] == ["draft"]


def test_a_bad_edit_is_refused_and_asked_again(drafted: Path) -> None:
    result = runner.invoke(app, ["review", "gamma"], input="p\n2024-13\np\nas of 2024-06\nq\n")
    assert "2024-13" in result.stdout and "now: as of 2024-06" in result.stdout
    figures, _ = _records()
    assert figures["gamma-figure-1"]["period"]["as_of"] == "2024-06"  # type: ignore[index]


def test_accept_all_leaves_undecided_drafts(drafted: Path) -> None:
    result = runner.invoke(app, ["review", "gamma", "--accept-all"])
    assert result.exit_code == 0
    assert result.stderr == "2 accepted, 0 dropped, 1 draft left\n"
    figures, claims = _records()
    assert figures["gamma-figure-2"]["status"] == "draft"
    assert [c["status"] for c in claims] == ["reviewed"]
    again = runner.invoke(app, ["review", "gamma", "--accept-all"])
    assert again.stderr == "0 accepted, 0 dropped, 1 draft left\n"


def test_review_of_a_source_without_drafts_exits_1(make_store: StoreMaker) -> None:
    make_store(texts={"alpha.txt": "", "beta.txt": ""})
    result = runner.invoke(app, ["review", "alpha"])
    assert (result.exit_code, result.stderr) == (1, "alpha has no drafts to review\n")
    unknown = runner.invoke(app, ["review", "nobody"])
    assert (unknown.exit_code, unknown.stderr) == (2, "Error: unknown source 'nobody'\n")
