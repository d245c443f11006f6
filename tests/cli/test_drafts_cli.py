"""Drafts take part in every query and are marked there; validate counts them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.conftest import StoreMaker

runner = CliRunner()

FIGURES = """
[[figure]]
id = "alpha-trade"
metric = "trade"
value = 6e9
as_written = "$6 billion"
period = { start = "2023" }
source = "alpha"
quote = "trade reached $6 billion in 2023"

[[figure]]
id = "beta-trade"
metric = "trade"
value = 8e9
as_written = "$8 billion"
period = { start = "2023" }
source = "beta"
quote = "trade of $8 billion in 2023"
status = "draft"
"""
EVENTS = """
[[event]]
id = "visit"
kind = "visit"
title = "State visit to Astana"
actors = ["Yoon Suk Yeol"]

[[event.claim]]
source = "alpha"
date = "2024-06-11"
quote = "visited on 11 June 2024"

[[event.claim]]
source = "beta"
date = "2024-06-14"
quote = "visited on 14 June 2024"
status = "draft"
"""
TEXTS = {
    "alpha.txt": "In all, trade reached $6 billion in 2023. Yoon visited on 11 June 2024.",
    "beta.txt": "A trade of $8 billion in 2023. He visited on 14 June 2024.",
}


@pytest.fixture
def drafted(make_store: StoreMaker) -> None:
    make_store(figures=FIGURES, events=EVENTS, texts=TEXTS)


@pytest.mark.usefixtures("drafted")
def test_validate_counts_drafts_and_strict_fails_on_them() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(
        "every quote found in its document; 2 drafts await review (1 figures, 1 date claims)\n"
    )
    strict = runner.invoke(app, ["validate", "--strict"])
    assert strict.exit_code == 2
    assert strict.stderr.endswith(
        "Error: 2 drafts await review (1 figures, 1 date claims) (--strict)\n"
    )


def test_strict_passes_without_drafts(make_store: StoreMaker) -> None:
    make_store(figures=FIGURES.replace('status = "draft"', ""), texts=TEXTS)
    assert runner.invoke(app, ["validate", "--strict"]).exit_code == 0


@pytest.mark.usefixtures("drafted")
def test_export_gives_every_figure_and_claim_a_status() -> None:
    data = json.loads(runner.invoke(app, ["export"]).stdout)
    assert {f["id"]: f["status"] for f in data["figures"]} == {
        "alpha-trade": "reviewed",
        "beta-trade": "draft",
    }
    assert [c["status"] for c in data["events"][0]["claims"]] == ["reviewed", "draft"]


@pytest.mark.usefixtures("drafted")
def test_figure_and_timeline_mark_drafts() -> None:
    figure = runner.invoke(app, ["figure", "trade", "--format", "tsv"]).stdout.splitlines()
    header = figure[0].split("\t")
    marks = {
        row.split("\t")[header.index("id")]: row.split("\t")[header.index("mark")]
        for row in figure[1:]
    }
    assert marks == {"alpha-trade": "conflict", "beta-trade": "conflict, draft"}
    timeline = runner.invoke(app, ["timeline", "--format", "tsv"]).stdout.splitlines()
    assert timeline[1].split("\t")[-1] == "conflict, draft"


@pytest.mark.usefixtures("drafted")
def test_conflicts_mark_the_draft_side() -> None:
    table = runner.invoke(app, ["conflicts", "--kind", "figure", "--format", "tsv"]).stdout
    assert '"$8 billion" (beta) draft' in table
    assert '"$6 billion" (alpha) draft' not in table
    (conflict,) = json.loads(
        runner.invoke(app, ["conflicts", "--kind", "figure", "--format", "json"]).stdout
    )
    assert conflict["drafts"] == ["beta-trade"]


@pytest.mark.usefixtures("drafted")
def test_check_marks_draft_evidence() -> None:
    claim = "Trade turnover was $6 billion in 2023."
    result = runner.invoke(app, ["check", claim, "--format", "json"])
    evidence = {e["fact"]: e["status"] for e in json.loads(result.stdout)["evidence"]}
    assert evidence == {"alpha-trade": "reviewed", "beta-trade": "draft"}
    tsv = runner.invoke(app, ["check", claim, "--format", "tsv"])
    assert "beta-trade (beta, draft)" in tsv.stdout


UNDECIDED = """
[[figure]]
id = "beta-jobs"
candidates = ["trade", "investor-rank"]
value = 1500
as_written = "about 1,500"
qualifier = "about"
period = { as_of = "2024" }
source = "beta"
quote = "about 1,500 jobs"
status = "draft"
"""


def test_an_undecided_draft_is_counted_shown_and_exported_but_never_compared(
    make_store: StoreMaker,
) -> None:
    make_store(
        figures=FIGURES + UNDECIDED,
        events=EVENTS,
        texts={**TEXTS, "beta.txt": TEXTS["beta.txt"] + " It brings about 1,500 jobs."},
    )
    checked = runner.invoke(app, ["validate"])
    assert checked.exit_code == 0, checked.stderr
    assert "3 drafts await review (2 figures, 1 with the metric undecided, 1 date claims)" in (
        checked.stdout
    )
    data = json.loads(runner.invoke(app, ["export"]).stdout)
    (undecided,) = [f for f in data["figures"] if f["id"] == "beta-jobs"]
    assert (undecided["metric"], undecided["candidates"], undecided["status"]) == (
        None,
        ["trade", "investor-rank"],
        "draft",
    )
    shown = runner.invoke(app, ["show", "beta-jobs", "--format", "tsv"]).stdout
    assert "status\tdraft, metric undecided" in shown
    assert "candidates\ttrade, investor-rank" in shown
    figure = runner.invoke(app, ["figure", "trade", "--format", "tsv"]).stdout
    assert "beta-jobs" not in figure
