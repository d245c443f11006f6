"""kzkr check: output contract, positions, exit codes and usage errors."""

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
from tests.support.stores import DOCUMENTS as DOCUMENTS_FOLDER

runner = CliRunner()

SUPPORTED = "Korea and Kazakhstan traded $6 billion worth of goods in 2023."
DISPUTED = "Korean investment in Kazakhstan over 18 years stands at $9.2 billion."
CONTRADICTED = "About 300 Kazakh students study in South Korea."
UNVERIFIABLE = "Kazakhstan and Korea will open a joint spaceport in 2030."


@pytest.mark.parametrize(
    ("claim", "verdict", "code"),
    [
        (SUPPORTED, "supported", 0),
        (CONTRADICTED, "contradicted", 1),
        (DISPUTED, "disputed", 1),
        (UNVERIFIABLE, "unverifiable", 3),
    ],
)
def test_one_claim_as_json_with_its_exit_code(
    shipped_facts: Path, claim: str, verdict: str, code: int
) -> None:
    result = runner.invoke(app, ["check", claim, "--format", "json"])
    assert result.exit_code == code, result.output
    data = json.loads(result.stdout)
    assert {"claim", "verdict", "explanation", "evidence"} <= set(data)
    assert (data["claim"], data["verdict"]) == (claim, verdict)
    assert data["explanation"].endswith(".")
    for item in data["evidence"]:
        assert {"fact", "source", "value", "date", "quote"} <= set(item)


@pytest.mark.parametrize(
    ("claim", "subject"),
    [
        ("Trade turnover was 1.4 billion dollars in January-April 2024.", "trade-turnover"),
        ("Nazarbayev visited South Korea five times.", "nazarbayev-visits-to-korea"),
        (
            "Diplomatic ties between the two countries date back to January 1992.",
            "diplomatic-relations-established",
        ),
    ],
)
def test_issue_5_misfires_are_supported(shipped_facts: Path, claim: str, subject: str) -> None:
    result = runner.invoke(app, ["check", claim, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "supported"
    assert [f["subject"] for f in data["findings"]] == [subject]


def test_an_open_bound_is_shown_as_neither_agreeing_nor_not(shipped_facts: Path) -> None:
    claim = "Some 5,000 Kazakh students study in South Korea."
    result = runner.invoke(app, ["check", claim, "--format", "json"])
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["verdict"] == "unverifiable"
    assert [(e["fact"], e["agrees"]) for e in data["evidence"]] == [("at06-students", None)]


def test_disputed_json_shows_both_sides(shipped_facts: Path) -> None:
    data = json.loads(runner.invoke(app, ["check", DISPUTED, "-f", "json"]).stdout)
    sides = {(e["source"], e["value"], e["agrees"]) for e in data["evidence"]}
    assert sides == {("kazinform-2024", 9.2e9, True), ("wikipedia", 9.6e9, False)}


def test_file_lists_each_checkworthy_sentence_with_its_position(
    shipped_facts: Path, tmp_path: Path
) -> None:
    text = f"A heading\n{SUPPORTED} Nothing to see here.\n\n{CONTRADICTED}\n"
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", "--file", str(path), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(d["verdict"], d["line"]) for d in data] == [("supported", 2), ("contradicted", 4)]
    for item in data:
        assert text[item["start"] : item["end"]] == item["claim"]


def test_file_from_stdin_as_jsonl(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["check", "--file", "-", "-f", "jsonl"], input=UNVERIFIABLE)
    assert result.exit_code == 3
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["verdict"] == "unverifiable"


def test_piped_output_is_plain_tab_separated_rows(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["check", SUPPORTED])
    assert result.exit_code == 0
    (row,) = result.stdout.splitlines()
    verdict, claim, _, evidence = row.split("\t")
    assert (verdict, claim) == ("supported", SUPPORTED)
    assert "wiki-trade-2023 (wikipedia)" in evidence


@pytest.mark.parametrize("fmt", ["csv", "tsv", "markdown", "table"])
def test_every_listing_format_renders(shipped_facts: Path, fmt: str) -> None:
    result = runner.invoke(app, ["check", CONTRADICTED, "--format", fmt, "--no-color"])
    assert result.exit_code == 1
    assert "contradicted" in result.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows[0]["verdict"] == "contradicted"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Error: give a claim to check, or --file PATH\n"),
        (["  "], "Error: give a claim to check, or --file PATH\n"),
        (["a claim", "--file", "x.txt"], "Error: give a claim or --file, not both\n"),
    ],
)
def test_usage_errors_exit_2(shipped_facts: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["check", *args])
    assert result.exit_code == 2
    assert result.stderr == message
    assert result.stdout == ""


def test_unreadable_file_exits_2(shipped_facts: Path, tmp_path: Path) -> None:
    missing = tmp_path / "none.txt"
    result = runner.invoke(app, ["check", "--file", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot read {missing}: No such file or directory\n"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00trade")
    result = runner.invoke(app, ["check", "--file", str(binary)])
    assert (result.exit_code, result.stderr) == (2, f"Error: {binary} is not UTF-8 text\n")


def test_a_file_over_the_limit_is_refused_with_exit_2(shipped_facts: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Trade was $6 billion in 2023. " * (1024 * 1024 // 30 + 1))
    result = runner.invoke(app, ["check", "--file", str(big)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {big} is larger than 1048576 bytes, the most check --file reads\n"
    )
    result = runner.invoke(app, ["check", "--file", "-"], input=big.read_bytes())
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: standard input is larger than 1048576 bytes, the most check --file reads\n"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_file_is_refused_not_read(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["check", "--file", "/dev/zero"])
    assert result.exit_code == 2
    assert "larger than 1048576 bytes" in result.stderr


def test_claim_text_is_data_not_markup(shipped_facts: Path) -> None:
    result = runner.invoke(
        app, ["check", "[bold]Trade[/bold] \x1b[31m was $6 billion", "-f", "table"]
    )
    assert "\x1b[31m" not in result.stdout
    assert "[bold]" in result.stdout


KZKR = shutil.which("kzkr")
installed = pytest.mark.skipif(KZKR is None, reason="kzkr is not installed")


@installed
def test_installed_kzkr_checks_a_claim(shipped_facts: Path) -> None:
    done = subprocess.run(
        [str(KZKR), "check", DISPUTED, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["verdict"] == "disputed"


@installed
def test_installed_kzkr_reads_a_month_range(shipped_facts: Path) -> None:
    done = subprocess.run(
        [str(KZKR), "check", "Trade fell 44% in Jan-Apr 2024.", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    data = json.loads(line)
    assert data["verdict"] == "supported"
    assert {e["fact"] for e in data["evidence"]} == {"kazinform-trade-change-2024-jan-apr"}


DOCUMENTS = sorted(DOCUMENTS_FOLDER.glob("*.txt"))


@installed
@pytest.mark.skipif(not DOCUMENTS, reason="the source documents are not available")
def test_installed_kzkr_checks_a_document_without_contradiction(shipped_facts: Path) -> None:
    done = subprocess.run(
        [str(KZKR), "check", "--file", str(DOCUMENTS[-1]), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    verdicts = [json.loads(line)["verdict"] for line in done.stdout.splitlines()]
    assert verdicts and "contradicted" not in verdicts
    assert done.returncode == (
        1 if "disputed" in verdicts else 3 if "unverifiable" in verdicts else 0
    )
