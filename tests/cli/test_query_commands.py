"""timeline, figure, show: the output contract for people and for scripts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app, common
from kzkr_cli.cli.completion import complete_event_kinds, complete_metrics, complete_sources
from kzkr_cli.core.dates import parse_dating
from tests.support.stores import Raw, StoreMaker, claim, event, figure, metric

runner = CliRunner()
_UNIT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
ISO = re.compile(rf"^(?:{_UNIT}|{_UNIT}\.\.(?:{_UNIT})?|\.\.{_UNIT})$")
"""A date as the store writes it: a calendar unit, or one day within a range."""

HOSTILE_EVENTS = (
    event(
        "markup",
        claim("alpha", "2024-03", quote="q"),
        title="Paris [citation needed] [/bold] :warning:",
    )
    + event(
        "escape",
        claim("beta", "2024-04-02", quote="q"),
        kind="meeting",
        title="Evil \x1b[31mred\x1b[0m \u202eoverride",
    )
    + event(
        "formula",
        claim("alpha", "2023", quote="q"),
        kind="agreement",
        title='=HYPERLINK("http://x")',
        place="+1 Almaty",
    )
)

TRADE = (
    figure("alpha-trade", "$6 billion", 6e9, quote="trade reached $6 billion")
    + figure(
        "beta-trade",
        "about $6.2 billion",
        6.2e9,
        qualifier="about",
        source="beta",
        quote="about $6.2 billion",
    )
    + figure(
        "beta-trade-2022",
        "$4 billion",
        4e9,
        {"start": "2022"},
        source="beta",
        quote="$4 billion in 2022",
    )
)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the commands believe stdout is a terminal."""
    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)


def test_figure_trade_2023_shows_the_three_sources_that_say_6_billion(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["figure", "trade", "--year", "2023", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert {r["value"] for r in rows} == {6_000_000_000}
    assert len({r["source"] for r in rows}) == 3
    assert all(r["period"]["start"] == "2023" and r["period"]["end"] == "2023" for r in rows)


def test_figure_year_selects_periods_that_cover_it_not_publication(make_store: StoreMaker) -> None:
    make_store(figures=TRADE)
    rows = json.loads(
        runner.invoke(app, ["figure", "turnover", "--year", "2022", "-f", "json"]).stdout
    )
    assert [r["id"] for r in rows] == ["beta-trade-2022"]


def test_figure_table_has_summary_and_chart(make_store: StoreMaker, terminal: None) -> None:
    make_store(figures=TRADE)
    result = runner.invoke(app, ["figure", "trade", "--year", "2023", "--no-color"])
    assert result.exit_code == 0
    assert "$6 billion" in result.stdout and "about $6.2 billion" in result.stdout
    assert "2 figures from 2 sources: agree within their stated precision" in result.stdout
    assert "spread 6 billion–6.2 billion USD (3.2%)" in " ".join(result.stdout.split())
    assert "█" in result.stdout


def test_figure_csv_and_tsv_have_headers_and_numbers(make_store: StoreMaker) -> None:
    make_store(figures=TRADE)
    tsv = runner.invoke(app, ["figure", "trade", "-f", "tsv"]).stdout.splitlines()
    header = tsv[0].split("\t")
    assert header[:3] == ["period", "as_written", "value"]
    assert tsv[1].split("\t")[2] == "4000000000"
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["figure", "trade", "-f", "csv"]).stdout))
    )
    assert sorted(r["value"] for r in rows) == ["4000000000", "6000000000", "6200000000"]


def test_figure_without_metric_lists_the_vocabulary(make_store: StoreMaker) -> None:
    make_store()
    rows = json.loads(runner.invoke(app, ["figure", "-f", "json"]).stdout)
    assert {(r["id"], tuple(r["aliases"])) for r in rows} == {
        ("trade", ("turnover",)),
        ("investor-rank", ("rank",)),
    }


def test_unknown_metric_exits_2_with_suggestions(make_store: StoreMaker) -> None:
    make_store()
    result = runner.invoke(app, ["figure", "trde"])
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown metric 'trde'; did you mean trade?\n"


def test_ambiguous_metric_exits_2(make_store: StoreMaker) -> None:
    make_store(metrics=(metric("trade-annual", "A", "USD") + metric("trade-monthly", "B", "USD")))
    result = runner.invoke(app, ["figure", "trade"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'trade' is ambiguous: it could be trade-annual, trade-monthly\n"
    )


def test_timeline_from_2024_is_chronological_and_from_2024(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["timeline", "--from", "2024", "--format", "json"])
    events = json.loads(result.stdout)
    # An event is listed when it may have started in 2024 ("2020..2024" may have).
    assert events and all(parse_dating(e["date"]).last_day() >= dt.date(2024, 1, 1) for e in events)
    keys = [parse_dating(e["date"]).sort_key() for e in events]
    assert keys == sorted(keys)


def test_timeline_piped_first_column_is_dates(shipped_facts: Path) -> None:
    lines = runner.invoke(app, ["timeline"]).stdout.splitlines()
    assert len(lines) > 10
    assert all(ISO.match(line.split("\t")[0]) for line in lines)
    assert not any(ch in runner.invoke(app, ["timeline"]).stdout for ch in "│┃━─")


def test_timeline_keeps_each_source_date_and_marks_difference(make_store: StoreMaker) -> None:
    make_store(
        events=event(
            "v",
            claim("alpha", Raw("2024-06-11"), Raw("2024-06-13"), quote="11-13 June"),
            claim("beta", Raw("2024-06-11"), Raw("2024-06-12"), quote="June 11-12"),
            title="A state visit",
        )
    )
    (line,) = runner.invoke(app, ["timeline"]).stdout.splitlines()
    cells = line.split("\t")
    assert cells[:3] == ["2024-06-11", "2024-06-13", "visit"]
    assert "alpha 2024-06-11/2024-06-13; beta 2024-06-11/2024-06-12" in cells
    assert cells[-1] in {"conflict", "dates differ"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "meeting"], ["escape"]),
        (["--source", "alpha"], ["formula", "markup"]),
        (["--from", "2024-04", "--to", "2024-04"], ["escape"]),
        (["--to", "2023"], ["formula"]),
        (["--grep", "CITATION"], ["markup"]),
    ],
)
def test_timeline_filters(make_store: StoreMaker, args: list[str], expected: list[str]) -> None:
    make_store(events=HOSTILE_EVENTS)
    result = runner.invoke(app, ["timeline", *args, "-f", "json"])
    assert [e["id"] for e in json.loads(result.stdout)] == expected


def test_exit_codes(make_store: StoreMaker) -> None:
    make_store(events=HOSTILE_EVENTS)
    assert runner.invoke(app, ["timeline"]).exit_code == 0
    nothing = runner.invoke(app, ["timeline", "--from", "2100"])
    assert (nothing.exit_code, nothing.stdout) == (1, "")
    bad = runner.invoke(app, ["timeline", "--from", "2024-13"])
    assert bad.exit_code == 2
    assert bad.stderr == "Error: --from: month 13 does not exist\n"
    assert runner.invoke(app, ["timeline", "--kind", "party"]).exit_code == 2
    unknown = runner.invoke(app, ["timeline", "--source", "gamma"])
    assert (unknown.exit_code, unknown.stderr) == (2, "Error: unknown source 'gamma'\n")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "markdown", "table"])
def test_every_format_renders_the_same_events(make_store: StoreMaker, fmt: str) -> None:
    make_store(events=HOSTILE_EVENTS)
    out = runner.invoke(app, ["timeline", "--format", fmt]).stdout
    if fmt == "json":
        assert [e["id"] for e in json.loads(out)] == ["formula", "markup", "escape"]
    elif fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.splitlines()] == [
            "formula",
            "markup",
            "escape",
        ]
    elif fmt == "csv":
        assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == [
            "formula",
            "markup",
            "escape",
        ]
    elif fmt == "tsv":
        assert out.splitlines()[0].split("\t")[:3] == ["date", "end", "kind"]
        assert len(out.splitlines()) == 4
    elif fmt == "markdown":
        assert out.splitlines()[2].startswith("| Date |")
        assert sum(line.startswith("| 202") for line in out.splitlines()) == 3
    else:
        assert all(part in out for part in ("[citation needed]", "[/bold]", ":warning:"))


def test_markup_in_data_renders_verbatim_on_a_terminal(
    make_store: StoreMaker, terminal: None
) -> None:
    make_store(events=HOSTILE_EVENTS)
    result = runner.invoke(app, ["timeline", "--grep", "Paris"])
    assert result.exit_code == 0, result.stderr
    assert "Paris [citation needed] [/bold] :warning:" in result.stdout
    assert "⚠" not in result.stdout


def test_escape_sequences_are_neutralised_on_a_terminal(
    make_store: StoreMaker, terminal: None
) -> None:
    make_store(events=HOSTILE_EVENTS)
    for args in (["timeline"], ["timeline", "-f", "tsv"], ["timeline", "-f", "json"]):
        out = runner.invoke(app, [*args, "--no-color"]).stdout
        assert "\x1b" not in out and "\u202e" not in out
        assert "\\u001b" in out and "\\u202e" in out


def test_escape_sequences_pass_through_as_data_in_a_pipe(make_store: StoreMaker) -> None:
    make_store(events=HOSTILE_EVENTS)
    (event,) = [
        e
        for e in json.loads(runner.invoke(app, ["timeline", "-f", "json"]).stdout)
        if e["id"] == "escape"
    ]
    assert event["title"] == "Evil \x1b[31mred\x1b[0m \u202eoverride"


def test_csv_defuses_formulas_and_keeps_numbers(make_store: StoreMaker) -> None:
    make_store(events=HOSTILE_EVENTS, figures=TRADE)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["timeline", "-f", "csv"]).stdout)))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
    figures = runner.invoke(app, ["figure", "trade", "-f", "csv"]).stdout
    assert "\n2022,$4 billion,4000000000," in figures


def test_colour_follows_terminal_no_color_and_flag(
    make_store: StoreMaker, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(figures=TRADE)
    assert "\x1b[" in runner.invoke(app, ["figure", "trade"]).stdout
    assert "\x1b[" not in runner.invoke(app, ["figure", "trade", "--no-color"]).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in runner.invoke(app, ["figure", "trade"]).stdout


def test_show_gives_full_provenance(make_store: StoreMaker) -> None:
    make_store(figures=TRADE)
    record = json.loads(runner.invoke(app, ["show", "beta-trade", "-f", "json"]).stdout)
    assert record["quote"] == "about $6.2 billion"
    assert (record["low"], record["high"]) == (6_100_000_000, 6_300_000_000)
    lines = runner.invoke(app, ["show", "beta-trade"]).stdout.splitlines()
    assert "source publisher\tBeta Agency" in lines
    missing = runner.invoke(app, ["show", "beta-trad"])
    assert missing.exit_code == 2
    assert missing.stderr.startswith(
        "Error: no record with id 'beta-trad'; did you mean beta-trade"
    )


def test_completion_offers_metrics_aliases_sources_and_kinds(make_store: StoreMaker) -> None:
    make_store()
    assert complete_metrics("tr") == ["trade"]
    assert complete_metrics("r") == ["rank"]
    assert complete_sources("b") == ["beta"]
    assert "visit" in complete_event_kinds("vi")


def _installed() -> str:
    executable = shutil.which("kzkr")
    if executable is None:
        pytest.skip("kzkr is not installed as a command")
    return executable


def test_installed_piped_output_is_plain_rows(shipped_facts: Path) -> None:
    result = subprocess.run([_installed(), "timeline"], capture_output=True, text=True, check=True)
    first = result.stdout.splitlines()[0].split("\t")
    assert ISO.match(first[0]) and len(first) == 7
    assert "\x1b" not in result.stdout


def test_installed_closed_pipe_ends_quietly(shipped_facts: Path) -> None:
    process = subprocess.Popen(
        [_installed(), "export"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=30) == 0
    assert error == b""
