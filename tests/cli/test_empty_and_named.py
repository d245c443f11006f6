"""A new user's first queries: an empty result says what matched nothing and what would, a
name that fits several metrics says so, and every option that takes a name suggests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.support.stores import StoreMaker, event, figure, metric

runner = CliRunner()

FIGURES = (
    figure("alpha-trade-2023", "$6 billion", 6e9)
    + figure("beta-trade-2021", "$4 billion", 4e9, {"start": "2020", "end": "2021"}, source="beta")
    + figure("alpha-rank", "fifth", 5, {"as_of": "2023"}, metric="investor-rank")
    + figure("alpha-trade-yearly", "$6.1 billion", 6.1e9, metric="trade-yearly")
    + figure("beta-4m", "$2 billion", 2e9, {"start": "2024-01", "end": "2024-04"}, source="beta")
)
METRICS = (
    metric("trade", "Trade turnover", "USD", aliases=["turnover"])
    + metric("trade-yearly", "Yearly trade turnover", "USD", aliases=["annual turnover"])
    + metric("investor-rank", "Rank among investors", "rank", aliases=["rank"])
)
EVENTS = event("visit-2024", ("alpha", "2024-06-11", None)) + event(
    "ties-1992", ("beta", "1992-01-28", None), kind="agreement", title="Diplomatic ties"
)


@pytest.fixture
def store(make_store: StoreMaker) -> Path:
    return make_store(figures=FIGURES, metrics=METRICS, events=EVENTS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["figure", "trade", "--year", "23"],
            "no figure of trade for 23; its figures cover 2020–2021, 2023;"
            " shorter periods: 2024-01/2024-04",
        ),
        (
            ["figure", "trade", "--year", "2024"],
            "no figure of trade for 2024; its figures cover 2020–2021, 2023;"
            " shorter periods: 2024-01/2024-04",
        ),
        (
            ["figure", "trade", "--year", "2022", "--source", "alpha"],
            "no figure of trade for 2022 from alpha; its figures from alpha cover 2023",
        ),
        (
            ["figure", "--year", "1990"],
            "no figure of any metric for 1990; the store's figures cover 2020–2021, 2023;"
            " shorter periods: 2024-01/2024-04",
        ),
        (
            ["timeline", "--from", "2025"],
            "no event matches --from 2025; the store's 2 events run from 1992-01-28 to 2024-06-11",
        ),
        (
            ["timeline", "--from", "2024-07", "--to", "2024-06"],
            "--from 2024-07 is after --to 2024-06",
        ),
        (
            ["timeline", "--kind", "meeting", "--grep", "x"],
            "no event matches --kind meeting --grep 'x'; the store's 2 events run from 1992-01-28"
            " to 2024-06-11",
        ),
        (["conflicts", "--kind", "date"], "no conflict matches --kind date"),
    ],
)
def test_an_empty_result_says_why_on_stderr_and_exits_1(
    store: Path, args: list[str], message: str
) -> None:
    for fmt in ([], ["--format", "json"]):
        result = runner.invoke(app, [*args, *fmt])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")


@pytest.mark.parametrize("year", ["0", "-1", "10000", "99999999999999999999"])
def test_a_year_out_of_range_is_a_usage_error(store: Path, year: str) -> None:
    result = runner.invoke(app, ["figure", "trade", "--year", year])
    assert result.exit_code == 2
    assert "Invalid value for '--year'" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--source", "alph"], "unknown source 'alph'; did you mean alpha?"),
        (["figure", "trade", "--source", "bet"], "unknown source 'bet'; did you mean beta?"),
        (["conflicts", "--source", "alpah"], "unknown source 'alpah'; did you mean alpha?"),
        (["report", "--source", "bta", "-o", "r.html"], "unknown source 'bta'; did you mean beta?"),
        (["conflicts", "--event", "visit"], "unknown event 'visit'; did you mean visit-2024?"),
        (["conflicts", "--metric", "trad"], "'trad' is ambiguous: it could be trade, trade-yearly"),
        (
            ["show", "alpha-trade-2032"],
            "no record with id 'alpha-trade-2032'; did you mean alpha-trade-2023,"
            " beta-trade-2021, alpha-trade-yearly, alpha-rank?",
        ),
    ],
)
def test_every_option_that_takes_a_name_suggests_close_ones(
    store: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (2, f"Error: {message}\n")


def test_a_name_that_fits_other_metrics_names_them(store: Path) -> None:
    result = runner.invoke(app, ["figure", "turnover", "--format", "json"])
    assert result.exit_code == 0
    assert {r["metric"] for r in json.loads(result.stdout)} == {"trade"}
    assert result.stderr == ("'turnover' also fits trade-yearly; give an id to see its figures\n")
    exact = runner.invoke(app, ["figure", "trade-yearly", "--format", "json"])
    assert exact.stderr == ""


def test_others_are_named_only_when_they_have_figures_for_the_query(store: Path) -> None:
    result = runner.invoke(app, ["figure", "trade", "--year", "2021"])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_year_or_source_without_a_metric_lists_across_metrics(store: Path) -> None:
    result = runner.invoke(app, ["figure", "--year", "2023", "--format", "json"])
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == [
        "alpha-trade-2023",
        "alpha-trade-yearly",
        "alpha-rank",
    ]
    by_source = runner.invoke(app, ["figure", "--source", "beta", "--format", "tsv"])
    rows = [line.split("\t") for line in by_source.stdout.splitlines()]
    assert rows[0][-1] == "metric" and [r[-1] for r in rows[1:]] == ["trade", "trade"]


def test_across_metrics_the_table_groups_by_metric_and_summarises_each(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzkr_cli.cli.common.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    result = runner.invoke(app, ["figure", "--year", "2023", "--no-color"])
    text = " ".join(result.stdout.split())
    assert "Figures for 2023" in text
    assert "trade: 1 figure from 1 source: agree within their stated precision" in text
    assert "investor-rank: 1 figure from 1 source" in text


def test_show_accepts_what_figure_accepts(store: Path) -> None:
    by_alias = runner.invoke(app, ["show", "annual turnover", "--format", "json"])
    assert by_alias.exit_code == 0
    assert json.loads(by_alias.stdout)["id"] == "trade-yearly"
    by_prefix = runner.invoke(app, ["show", "investor", "--format", "json"])
    assert json.loads(by_prefix.stdout)["id"] == "investor-rank"


def test_h_works_like_help(store: Path) -> None:
    for args in (["-h"], ["figure", "-h"], ["check", "-h"]):
        short, long = runner.invoke(app, args), runner.invoke(app, [*args[:-1], "--help"])
        assert short.exit_code == 0
        assert short.stdout == long.stdout
        assert "-h, --help" in short.stdout
