"""The atomic writer: only regular files are replaced, and a signal mid-write leaves no
temporary file behind."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import TextIO

import pytest

from kzkr_cli.core.files import WriteError, write_atomically


def test_a_fifo_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match=r"pipe is a FIFO, not a regular file"):
        write_atomically(fifo, "x", overwrite=True)
    assert fifo.is_fifo()
    assert list(tmp_path.iterdir()) == [fifo]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT])
def test_a_signal_mid_write_ends_through_the_cleanup(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "out.json"

    def write(stream: TextIO) -> None:
        stream.write("{")
        os.kill(os.getpid(), signum)  # as if sent from outside, halfway through
        for _ in range(1000):
            stream.write('"more": 1,')

    before = signal.getsignal(signum)
    with pytest.raises(SystemExit) as stopped:
        write_atomically(target, write)
    assert stopped.value.code == 128 + signum
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signum) == before


def test_a_signal_after_the_rename_keeps_the_whole_file_and_still_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"

    def write(stream: TextIO) -> None:
        stream.write("whole")

    real_replace = Path.replace

    def replace_then_signal(self: Path, other: Path) -> Path:
        done = real_replace(self, other)
        os.kill(os.getpid(), signal.SIGTERM)
        return done

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "replace", replace_then_signal)
        with pytest.raises(SystemExit):
            write_atomically(target, write, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert target.read_text(encoding="utf-8") == "whole"
