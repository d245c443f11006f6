"""kzkr report: writes one HTML file atomically, never over a file without --force."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app

runner = CliRunner()


def test_writes_the_report(shipped_facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="conflict-figure_3Afdi-inflow-cumulative_3A2006_2F2023"' in page
    assert 'id="figure-wiki-fdi-18y"' in page
    assert 'id="timeline"' in page
    assert '<p class="odd-one-out">&quot;$10.2 billion&quot; (arystanov-2024, 2023)' in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts", "report.html"]


def test_refuses_to_overwrite_without_force(shipped_facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["report", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {target} exists; add --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(app, ["report", "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_metric_and_a_source_narrow_it(shipped_facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "fdi.html"
    args = ["report", "-o", str(target), "--metric", "fdi", "--source", "wikipedia"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert 'id="figure-wiki-fdi-18y"' in page
    assert 'id="figure-kazinform-fdi-18y"' not in page
    assert 'id="timeline"' not in page
    assert "(only fdi, wikipedia)" in page


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--metric", "nothing"], "Error: unknown metric 'nothing'\n"),
        (
            ["--source", "nobody"],
            "Error: unknown source 'nobody'\n",
        ),
    ],
)
def test_unknown_names_exit_2(
    shipped_facts: Path, tmp_path: Path, option: list[str], message: str
) -> None:
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-o", str(target), *option])
    assert result.exit_code == 2
    assert result.stderr == message
    assert not target.exists()


def test_a_failed_write_is_reported_and_leaves_nothing(shipped_facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.html"
    result = runner.invoke(app, ["report", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write {target}: No such file or directory\n"


def test_the_installed_command_writes_it(shipped_facts: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    done = subprocess.run(
        [sys.executable, "-m", "kzkr_cli", "report", "-o", str(target)],
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 0


def test_the_file_is_readable_by_others_as_the_umask_allows(
    shipped_facts: Path, tmp_path: Path
) -> None:
    target = tmp_path / "r.html"
    mask = os.umask(0o022)
    try:
        result = runner.invoke(app, ["report", "-o", str(target)])
    finally:
        os.umask(mask)
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o644
