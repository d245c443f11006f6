"""Tables in a real pseudo-terminal at 60, 80 and 120 columns: no line is wider than the
terminal, and no word, id or number is split across lines; what does not fit is hidden
and said so, and --wide brings it back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.support.terminal import KZKR, TerminalRun, run_in_terminal

COMMANDS = [
    ["timeline", "--from", "2024-06", "--to", "2024-07"],
    ["timeline", "--to", "1996"],
    ["sources"],
    ["figure"],
    ["figure", "trade", "--year", "2023"],
    ["figure", "fdi-inflow-annual", "--quotes"],
    ["conflicts"],
    ["conflicts", "--explain"],
    ["show", "wiki-fdi-18y"],
    ["show", "yoon-state-visit-2024"],
    ["check", "Korean investment in Kazakhstan over 18 years stands at $9.2 billion."],
]
NOTE_WORDS = {"column", "columns", "hidden", "shown", "under", "--wide", "shows", "all"}


def tokens(text: str) -> set[str]:
    """Whitespace-separated words, without the punctuation a list or note puts after them;
    rules and chart bars, whose length follows the width, and counts are left out."""
    words = {word.strip(",;:") for word in text.split()}
    return {w for w in words if w and not w.isdigit() and w.strip("─█")}


_WHOLE: dict[tuple[str, ...], TerminalRun] = {}


def _unwrapped(command: tuple[str, ...]) -> TerminalRun:
    """The command at a width where nothing wraps: every token as it really is. Each test
    copies the same shipped store, so one run per command serves every width."""
    if command not in _WHOLE:
        _WHOLE[command] = run_in_terminal([*command, "--wide"], 1000)
    return _WHOLE[command]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_a_table_fits_the_terminal_and_splits_no_token(
    shipped_facts: Path, command: list[str], columns: int
) -> None:
    whole = _unwrapped(tuple(command))
    assert whole.code in (0, 1), whole.stderr
    known = tokens(whole.stdout) | NOTE_WORDS
    run = run_in_terminal(command, columns)
    assert run.code == whole.code, run.stderr
    lines = run.stdout.splitlines()
    too_wide = [line for line in lines if cell_len(line) > columns]
    assert not too_wide
    # Only a token too long to sit beside another column (a 60-character conflict id at
    # 60 columns) may be folded.
    unfittable = [word for word in known if cell_len(word) > columns // 2]
    fragments = {t for t in tokens(run.stdout) - known if not any(t in word for word in unfittable)}
    assert not fragments, f"split or unknown tokens: {sorted(fragments)}"


def test_sources_at_80_columns_hide_what_does_not_fit_and_say_so(shipped_facts: Path) -> None:
    run = run_in_terminal(["sources"], 80)
    note = " ".join(run.stdout.split()[-10:])
    # The shipped sources are dated as ranges ("2024-05..2024-06-10"), so Published is wide
    # and Kind and Publisher no longer fit beside it.
    assert note.endswith("4 columns hidden: Kind, Publisher, Title, Document; --wide shows all")
    assert "Document" not in run.stdout.split("Sources", 1)[1].splitlines()[2]
    wide = run_in_terminal(["sources", "--wide"], 80)
    header = next(line for line in wide.stdout.splitlines() if "Source" in line and "Kind" in line)
    assert re.search(r"Title\s+Document", header)
    assert "hidden" not in wide.stdout


def test_a_summary_line_wraps_at_spaces(shipped_facts: Path) -> None:
    run = run_in_terminal(["figure", "trade-turnover"], 60)
    summary = run.stdout.split("\n\n")[-1]
    assert "DISAGREE" in summary or "agree" in summary
    for line in summary.splitlines():
        assert cell_len(line) <= 60
    assert "USD" in tokens(run.stdout)


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            ["figure", "trade", "--year", "23"],
            "no figure of trade-turnover for 23; its figures cover 2023; shorter periods:"
            " 2023-01/2023-04, 2024-01/2024-04\n",
        ),
        (
            ["timeline", "--from", "2024-07", "--to", "2024-06"],
            "--from 2024-07 is after --to 2024-06\n",
        ),
    ],
)
def test_an_empty_result_on_a_terminal_says_why_on_stderr(
    shipped_facts: Path, command: list[str], message: str
) -> None:
    run = run_in_terminal(command, 80)
    assert (run.code, run.stdout, run.stderr) == (1, "", message)


def test_the_shell_eating_a_dollar_number_is_named(shipped_facts: Path) -> None:
    """What a user pastes into bash: "$7" inside double quotes expands to nothing."""
    done = subprocess.run(
        ["bash", "-c", f'"{KZKR}" check "Trade reached $7 billion in 2023"'],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.stderr == (
        'warning: no number before "billion": inside double quotes the shell replaces $7 with'
        " nothing; put the claim in single quotes ('... $7 billion ...')\n"
    )
    quoted = subprocess.run(
        ["bash", "-c", f"\"{KZKR}\" check 'Trade reached $7 billion in 2023'"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert quoted.stderr == ""
    assert "$7 billion" in quoted.stdout
