"""The compiled store seen from the command line: the same output with and without it, any
change to the store seen at once, validate reading the TOML, and the installed command with
its database damaged, or compiled by eight first runs at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import tomli
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.support.stores import StoreMaker

runner = CliRunner()


@pytest.fixture
def cache_dir() -> Path:
    """The test's own cache folder (set by conftest)."""
    return Path(os.environ["KZKR_CACHE_DIR"])


COMMANDS = [
    ["export"],
    ["figure", "trade", "--year", "2023", "-f", "json"],
    ["figure", "-f", "json"],
    ["timeline", "-f", "json"],
    ["timeline", "--source", "kazinform-2024", "--from", "2000", "-f", "json"],
    ["conflicts", "-f", "json"],
    ["conflicts", "--metric", "fdi", "--source", "wikipedia", "-f", "json"],
    ["show", "wiki-fdi-18y", "-f", "json"],
    ["show", "wikipedia", "-f", "json"],
    ["show", "trade-turnover", "-f", "json"],
    ["sources", "-f", "json"],
    ["check", "Trade between Kazakhstan and South Korea reached $6.5 billion in 2023."],
]


def test_output_is_the_same_with_and_without_a_database(
    shipped_facts: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KZKR_CACHE", "off")
    without = [runner.invoke(app, args) for args in COMMANDS]
    assert list(cache_dir.iterdir()) == []
    monkeypatch.delenv("KZKR_CACHE")
    cold = [runner.invoke(app, args) for args in COMMANDS]
    assert len(list(cache_dir.iterdir())) == 1
    warm = [runner.invoke(app, args) for args in COMMANDS]
    for a, b, c in zip(without, cold, warm, strict=True):
        assert (a.exit_code, a.stdout) == (b.exit_code, b.stdout) == (c.exit_code, c.stdout)
    assert json.loads(warm[0].stdout)["figures"]


def test_a_store_broken_after_compiling_is_reported(shipped_facts: Path, cache_dir: Path) -> None:
    assert runner.invoke(app, ["timeline"]).exit_code == 0
    events = shipped_facts / "events.toml"
    text = events.read_bytes()
    events.write_bytes(text[: len(text) // 2])
    for command in (["validate"], ["timeline"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert "events.toml" in result.stderr
        assert result.stderr.endswith("Error: the fact store is invalid (1 problem)\n")
    events.write_bytes(text)
    assert runner.invoke(app, ["validate"]).exit_code == 0


def test_validate_reads_the_toml_even_when_the_database_is_current(
    shipped_facts: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["timeline"]).exit_code == 0
    parsed: list[str] = []
    real = tomli.loads

    def counting(text: str, **kwargs: Any) -> dict[str, Any]:
        parsed.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomli, "loads", counting)
    assert runner.invoke(app, ["timeline"]).exit_code == 0
    assert parsed == []
    assert runner.invoke(app, ["validate"]).exit_code == 0
    assert len(parsed) == len(list(shipped_facts.rglob("*.toml")))


def test_a_damaged_database_changes_nothing(shipped_facts: Path, cache_dir: Path) -> None:
    expected = runner.invoke(app, ["export"])
    (location,) = cache_dir.iterdir()
    location.write_bytes(b"garbage")
    result = runner.invoke(app, ["export"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


KZKR = shutil.which("kzkr")


def _kzkr(root: Path, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    assert KZKR is not None
    return subprocess.run(
        [KZKR, *args, "--facts", str(root)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=os.environ | env,
        cwd=cwd,
    )


@pytest.mark.skipif(KZKR is None, reason="kzkr is not installed")
def test_installed_kzkr_compiles_once_and_sees_an_edit(
    make_store: StoreMaker, tmp_path: Path
) -> None:
    figures = """
    [[figure]]
    id = "t"
    metric = "trade"
    value = 6e9
    as_written = "$6 billion"
    period = { start = "2023" }
    source = "alpha"
    quote = "trade reached $6 billion"
    """
    root = make_store(figures=figures)
    folder = Path(os.environ["KZKR_CACHE_DIR"])
    off = _kzkr(root, tmp_path, "export", KZKR_CACHE="off")
    assert off.returncode == 0, off.stderr
    assert list(folder.iterdir()) == []
    cold = _kzkr(root, tmp_path, "export")
    (location,) = folder.iterdir()
    written = location.stat().st_ino
    warm = _kzkr(root, tmp_path, "export")
    assert location.stat().st_ino == written, "the warm run rewrote the database"
    assert off.stdout == cold.stdout == warm.stdout
    assert (cold.stderr, warm.stderr) == ("", "")
    path = root / "figures.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("$6 billion", "$7 billion").replace("6e9", "7e9"), "utf-8")
    changed = _kzkr(root, tmp_path, "figure", "trade", "-f", "json")
    assert changed.returncode == 0, changed.stderr
    assert [f["as_written"] for f in json.loads(changed.stdout)] == ["$7 billion"]
    assert location.stat().st_ino != written


@pytest.mark.skipif(KZKR is None, reason="kzkr is not installed")
def test_eight_first_runs_at_once_all_answer_right(shipped_facts: Path, tmp_path: Path) -> None:
    args = ["figure", "trade", "--year", "2023", "-f", "json"]
    expected = _kzkr(shipped_facts, tmp_path, *args, KZKR_CACHE="off")
    assert expected.returncode == 0, expected.stderr
    folder = tmp_path / "fresh-cache"
    with ThreadPoolExecutor(8) as pool:
        runs = list(
            pool.map(
                lambda _: _kzkr(shipped_facts, tmp_path, *args, KZKR_CACHE_DIR=str(folder)),
                range(8),
            )
        )
    for run in runs:
        assert (run.returncode, run.stdout, run.stderr) == (0, expected.stdout, "")
    assert len(list(folder.iterdir())) == 1, "a temporary file was left behind"
    again = _kzkr(shipped_facts, tmp_path, *args, KZKR_CACHE_DIR=str(folder))
    assert again.stdout == expected.stdout
