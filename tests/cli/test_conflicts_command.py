"""kzkr conflicts: the output contract for people and for scripts, and its exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.support.stores import StoreMaker, claim, event, figure

runner = CliRunner()

FIGURES = (
    figure("alpha-trade", "$6 billion", 6e9, quote="trade reached $6 billion")
    + figure(
        "beta-trade",
        "more than $8 billion",
        8e9,
        qualifier="more_than",
        source="beta",
        quote="more than $8 billion",
    )
    + figure(
        "alpha-rank",
        "top ten",
        10,
        {"as_of": "2024"},
        metric="investor-rank",
        qualifier="top",
        quote="among the top ten",
    )
)

EVENTS = event(
    "visit",
    claim("alpha", "2024-06-11", "2024-06-13", quote="from 11 to 13 June"),
    claim("beta", "2024-06-11", "2024-06-12", quote="on June 11-12"),
    title="A visit [bold]not bold[/bold] \\u001b[31mred",
)


@pytest.fixture
def store(make_store: StoreMaker) -> Path:
    return make_store(figures=FIGURES, events=EVENTS)


def test_rows_for_scripts_one_conflict_a_line(store: Path) -> None:
    result = runner.invoke(app, ["conflicts"])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [line[0] for line in lines] == ["figure:trade:2023", "date:visit"]
    assert lines[0][1:6] == [
        "0.188",
        "figure",
        "trade",
        "2023",
        '"$6 billion" (alpha); "more than $8 billion" (beta)',
    ]
    assert "the end dates differ by 1 day" in lines[1][6]


def test_json_carries_claims_groups_and_open_ends(store: Path) -> None:
    result = runner.invoke(app, ["conflicts", "--format", "json"])
    assert result.exit_code == 0
    figure_conflict, date_conflict = json.loads(result.stdout)
    assert figure_conflict["groups"] == [["alpha-trade"], ["beta-trade"]]
    beta = figure_conflict["claims"][1]
    assert (beta["low"], beta["high"], beta["as_written"]) == (
        8000000000,
        None,
        "more than $8 billion",
    )
    assert [c["key"] for c in date_conflict["claims"]] == ["visit.claim.1", "visit.claim.0"]
    assert {c["fact"] for c in date_conflict["claims"]} == {"visit"}
    assert date_conflict["period"] is None


def test_csv_has_a_header_and_every_column(store: Path) -> None:
    result = runner.invoke(app, ["conflicts", "-f", "csv", "--kind", "date"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "id",
        "severity",
        "kind",
        "subject",
        "period",
        "claims",
        "explanation",
        "odd_one_out",
    ]
    assert [row["id"] for row in rows] == ["date:visit"]


def test_the_table_shows_store_text_as_text(store: Path) -> None:
    result = runner.invoke(app, ["conflicts", "-f", "table", "--explain", "--kind", "date"])
    assert result.exit_code == 0
    assert "[bold]not bold[/bold]" in result.stdout
    assert "\x1b" not in result.stdout
    assert "\\u001b" in result.stdout
    assert "1 conflict (1 date)" in result.stdout


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--kind", "DATE"], ["date:visit"]),
        (["-k", "figure", "-k", "date"], ["figure:trade:2023", "date:visit"]),
        (["--metric", "turnover"], ["figure:trade:2023"]),
        (["--event", "visit"], ["date:visit"]),
        (["--min-severity", "0.1"], ["figure:trade:2023"]),
    ],
)
def test_options_select_conflicts(store: Path, args: list[str], ids: list[str]) -> None:
    result = runner.invoke(app, ["conflicts", "-f", "jsonl", *args])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids


def test_no_conflict_exits_1_saying_what_matched_nothing(store: Path) -> None:
    result = runner.invoke(app, ["conflicts", "--metric", "rank"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "no conflict matches --metric rank\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--metric", "nosuch"], "Error: unknown metric 'nosuch'\n"),
        (["--source", "alpah"], "Error: unknown source 'alpah'; did you mean alpha?\n"),
        (["--event", "visits"], "Error: unknown event 'visits'; did you mean visit?\n"),
    ],
)
def test_an_unknown_name_exits_2_with_the_message(
    store: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["conflicts", *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize(
    "args", [["--min-severity", "2"], ["--kind", "colour"], ["--format", "yaml"]]
)
def test_a_bad_option_is_a_usage_error(store: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["conflicts", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_an_invalid_store_exits_2_naming_the_problem(make_store: StoreMaker) -> None:
    make_store(figures=FIGURES.replace('source = "beta"', 'source = "gamma"'))
    result = runner.invoke(app, ["conflicts"])
    assert result.exit_code == 2
    assert "figure beta-trade: source: unknown source 'gamma'" in result.stderr
    assert result.stderr.endswith("Error: the fact store is invalid (1 problem)\n")


def test_the_shipped_store_reports_its_known_disagreements(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["conflicts", "-f", "json"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    kinds = {c["kind"] for c in found}
    assert {"figure", "rank", "date"} <= kinds
    severities = [c["severity"] for c in found]
    assert severities == sorted(severities, reverse=True)
    for conflict in found:
        keys = {c["key"] for c in conflict["claims"]}
        assert len(conflict["groups"]) >= 2
        assert {key for group in conflict["groups"] for key in group} == keys


KZKR = shutil.which("kzkr")
installed = pytest.mark.skipif(KZKR is None, reason="kzkr is not installed")


@installed
def test_installed_kzkr_lists_conflicts_as_json(store: Path) -> None:
    done = subprocess.run(
        [str(KZKR), "conflicts", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [c["id"] for c in json.loads(done.stdout)] == ["figure:trade:2023", "date:visit"]


@installed
def test_installed_kzkr_exit_codes(store: Path) -> None:
    def code(*args: str) -> int:
        return subprocess.run(
            [str(KZKR), "conflicts", *args], capture_output=True, check=False, timeout=60
        ).returncode

    assert (code(), code("--metric", "rank"), code("--metric", "nosuch")) == (0, 1, 2)


MANY_VISITS = "".join(
    event(
        f"visit-{n}",
        claim("alpha", "2020-01-01", quote="on 1 January 2020"),
        claim("beta", "2021-06-01", quote="on 1 June 2021"),
        title=f"Visit number {n}",
    )
    for n in range(150)
)
"""A hundred and fifty dated conflicts: their listing is far larger than a pipe holds, so kzkr is
still writing when the reader goes."""


@installed
def test_installed_kzkr_stops_quietly_when_the_reader_goes(make_store: StoreMaker) -> None:
    make_store(events=MANY_VISITS)
    with subprocess.Popen(
        [str(KZKR), "conflicts", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as kzkr:
        assert kzkr.stdout is not None and kzkr.stderr is not None
        assert kzkr.stdout.read(1) == b"["
        kzkr.stdout.close()
        stderr = kzkr.stderr.read().decode()
        code = kzkr.wait(timeout=60)
    assert (code, stderr) == (0, "")


def test_check_gates_on_any_conflict(store: Path) -> None:
    found = runner.invoke(app, ["conflicts", "--check", "-f", "json"])
    assert found.exit_code == 1
    assert json.loads(found.stdout)
    none = runner.invoke(app, ["conflicts", "--check", "--min-severity", "1"])
    assert (none.exit_code, none.stdout) == (0, "")
