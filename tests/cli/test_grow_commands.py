"""init, add and review through the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from kzkr_cli.core import locate

runner = CliRunner()


def test_init_then_validate_the_copy(tmp_path: Path) -> None:
    target = tmp_path / "grow"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"created {target}: 8 TOML files, 5 documents;"
        f" use it with --facts {target} or KZKR_FACTS={target}\n"
    )
    checked = runner.invoke(app, ["validate", "--facts", str(target)])
    assert checked.exit_code == 0, checked.stderr
    assert checked.stderr == f"store: {target} (from --facts)\n"


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path} exists and is not an empty folder\n"


def test_sources_says_when_it_reads_the_installed_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import FACTS

    monkeypatch.setattr(locate, "installed_facts", lambda: FACTS.resolve())
    monkeypatch.setattr(locate, "shipped_facts", lambda: FACTS.resolve())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 0
    assert result.stderr == f"store: {FACTS.resolve()} (the read-only copy installed with kzkr)\n"
