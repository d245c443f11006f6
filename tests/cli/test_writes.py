"""What export writes, and what it refuses to write over; a signal mid-write leaves nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.support.stores import ROOT, StoreMaker

runner = CliRunner()
KZKR = Path(sys.executable).parent / "kzkr"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_never_replaces_a_fifo(
    make_store: StoreMaker, tmp_path: Path, force: list[str]
) -> None:
    make_store()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["export", "--output", str(fifo), *force])
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == f"Error: {fifo} is a FIFO, not a regular file; kzkr replaces only files\n"
    )
    assert fifo.is_fifo()


def test_export_never_replaces_a_device_or_a_folder(make_store: StoreMaker, tmp_path: Path) -> None:
    make_store()
    for target, kind in ((Path(os.devnull), "a character device"), (tmp_path, "a folder")):
        result = runner.invoke(app, ["export", "--output", str(target), "--force"])
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: {target} is {kind}, not a regular file; kzkr replaces only files\n"
        )
    assert Path(os.devnull).is_char_device()


def test_export_force_still_replaces_a_regular_file(make_store: StoreMaker, tmp_path: Path) -> None:
    make_store()
    target = tmp_path / "export.json"
    target.write_text("old", encoding="utf-8")
    assert runner.invoke(app, ["export", "--output", str(target), "--force"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("{")


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated store large enough that its export takes a while to write."""
    out = tmp_path_factory.mktemp("large") / "facts"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate_store.py"), "5000", "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_export_output_leaves_no_temporary_file(
    large_store: Path, tmp_path: Path, signum: int
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.json"
    env = os.environ | {"KZKR_CACHE": "off"}
    process = subprocess.Popen(
        [str(KZKR), "export", "--facts", str(large_store), "--output", str(target)],
        env=env,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any(folder.iterdir()):
        assert process.poll() is None, "the export ended before its temporary file was seen"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signum)
    assert process.wait(timeout=60) == 128 + signum
    assert list(folder.iterdir()) == []
