"""Running the installed kzkr in a real pseudo-terminal of a given width."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from dataclasses import dataclass
from pathlib import Path

KZKR = Path(sys.executable).parent / "kzkr"


@dataclass(frozen=True)
class TerminalRun:
    code: int
    stdout: str
    stderr: str


def run_in_terminal(args: list[str], columns: int, timeout: float = 60) -> TerminalRun:
    """kzkr with stdout on a pseudo-terminal ``columns`` wide (and COLUMNS set, as a shell
    sets it), stderr on a pipe; the store and cache come from the environment."""
    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = os.environ | {"COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "xterm"}
    process = subprocess.Popen(
        [str(KZKR), *args],
        stdin=subprocess.DEVNULL,
        stdout=side,
        stderr=subprocess.PIPE,
        env=env,
        close_fds=True,
    )
    os.close(side)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal's other side closed: the command ended
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    code = process.wait(timeout=timeout)
    return TerminalRun(code, b"".join(chunks).decode().replace("\r\n", "\n"), stderr)
