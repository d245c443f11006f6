"""The store cache seen from the command line: the same output with and without it, any
change to the store seen at once, and the installed command on a store large enough to use it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from kzkr_cli.core import cache
from tests.support.stores import MINIMAL_METRICS, MINIMAL_SOURCES, StoreMaker, figure, metric

runner = CliRunner()


@pytest.fixture
def cache_dir(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own cache folder (set by conftest), with every store large enough to use it."""
    monkeypatch.setattr(cache, "MIN_STORE_BYTES", 0)
    return Path(os.environ["KZKR_CACHE_DIR"])


def test_output_is_the_same_with_and_without_the_cache(
    shipped_facts: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = [
        ["export"],
        ["figure", "trade", "--year", "2023", "-f", "json"],
        ["timeline", "-f", "json"],
        ["conflicts", "-f", "json"],
        ["check", "Trade between Kazakhstan and South Korea reached $6.5 billion in 2023."],
    ]
    monkeypatch.setenv("KZKR_CACHE", "off")
    without = [runner.invoke(app, args) for args in commands]
    assert list(cache_dir.iterdir()) == []
    monkeypatch.delenv("KZKR_CACHE")
    cold = [runner.invoke(app, args) for args in commands]
    assert len(list(cache_dir.iterdir())) == 1
    warm = [runner.invoke(app, args) for args in commands]
    for a, b, c in zip(without, cold, warm, strict=True):
        assert (a.exit_code, a.stdout) == (b.exit_code, b.stdout) == (c.exit_code, c.stdout)
    assert json.loads(warm[0].stdout)["figures"]


def test_a_store_broken_after_caching_is_reported(shipped_facts: Path, cache_dir: Path) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 0
    events = shipped_facts / "events.toml"
    text = events.read_bytes()
    events.write_bytes(text[: len(text) // 2])
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "events.toml" in result.stderr
    assert result.stderr.endswith("Error: the fact store is invalid (1 problem)\n")
    events.write_bytes(text)
    assert runner.invoke(app, ["validate"]).exit_code == 0


def test_a_damaged_cache_file_changes_nothing(shipped_facts: Path, cache_dir: Path) -> None:
    expected = runner.invoke(app, ["export"])
    (location,) = cache_dir.iterdir()
    location.write_bytes(b"garbage")
    result = runner.invoke(app, ["export"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


def large_store(make_store: StoreMaker) -> Path:
    """A valid store of just over ``MIN_STORE_BYTES``: many metrics with long descriptions."""
    words = "Annual count of a synthetic measure, described at length. " * 30
    per_metric = len(words) + 120
    count = cache.MIN_STORE_BYTES // per_metric + 10
    metrics = MINIMAL_METRICS + "".join(
        metric(f"measure-{n}", f"Measure {n}", aliases=[f"m{n}"], description=words)
        for n in range(count)
    )
    figures = figure("t", "$6 billion", 6e9, quote="trade reached $6 billion")
    root = make_store(metrics=metrics, figures=figures, sources=MINIMAL_SOURCES)
    assert sum(p.stat().st_size for p in root.glob("*.toml")) > cache.MIN_STORE_BYTES
    return root


KZKR = shutil.which("kzkr")


@pytest.mark.skipif(KZKR is None, reason="kzkr is not installed")
def test_installed_kzkr_caches_a_large_store(make_store: StoreMaker, tmp_path: Path) -> None:
    root = large_store(make_store)
    folder = Path(os.environ["KZKR_CACHE_DIR"])

    def kzkr(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(KZKR), *args, "--facts", str(root)],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env=os.environ | env,
            cwd=tmp_path,
        )

    off = kzkr("export", KZKR_CACHE="off")
    assert off.returncode == 0, off.stderr
    assert list(folder.iterdir()) == []
    cold = kzkr("export")
    (location,) = folder.iterdir()
    written = location.stat().st_mtime_ns
    warm = kzkr("export")
    assert location.stat().st_mtime_ns == written, "the warm run rewrote the cache"
    assert off.stdout == cold.stdout == warm.stdout
    assert (cold.stderr, warm.stderr) == ("", "")
    figures = root / "figures.toml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(
        text.replace("$6 billion", "$7 billion").replace("6e9", "7e9"), encoding="utf-8"
    )
    changed = kzkr("figure", "trade", "-f", "json")
    assert changed.returncode == 0, changed.stderr
    assert [f["as_written"] for f in json.loads(changed.stdout)] == ["$7 billion"]
    assert location.stat().st_mtime_ns != written
