"""Hostile data through the command line: text that looks like markup or terminal control is
shown as itself, a damaged or oversized store is refused with the store's own error, and a
failed write leaves nothing behind."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kzkr_cli.cli import app
from kzkr_cli.core.files import write_atomically
from kzkr_cli.core.store import MAX_FILE_BYTES
from tests.support.damage import copy_shipped, mutate_store, write_synthetic
from tests.support.stores import StoreMaker, claim, event, figure

runner = CliRunner()

MARKUP = "[bold]x[/bold] [/bold] :warning:"
ESCAPE = "\x1b[31mred\x1b[0m"
LINK = "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\"
RTL = "abc\u202edef"
HOSTILE = f"{MARKUP} {ESCAPE} {LINK} {RTL}"
LONG = "long " * 399 + "ends."  # 2000 characters: the most a text field holds


@pytest.fixture
def hostile_store(make_store: StoreMaker) -> Path:
    return make_store(
        figures=figure(
            "trade-2023",
            "$6 billion",
            6e9,
            {"start": "2023", "text": HOSTILE},
            quote=HOSTILE,
            note=LONG,
        ),
        events=event(
            "visit",
            claim("alpha", "2024-06-11", quote=LINK),
            title=HOSTILE,
            actors=[MARKUP, RTL],
            place=ESCAPE,
        ),
        texts={"alpha.txt": f"{HOSTILE}\n{LINK}\n", "beta.txt": ""},
    )


COMMANDS = [
    ["show", "trade-2023"],
    ["show", "visit"],
    ["timeline"],
    ["figure", "trade", "--quotes"],
]


def test_the_hostile_store_is_valid(hostile_store: Path) -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: 2 sources, 2 metrics, 1 figures, 1 events")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "markdown"])
def test_on_a_terminal_store_text_cannot_steer_it(
    hostile_store: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], fmt: str
) -> None:
    monkeypatch.setattr("kzkr_cli.cli.common.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "3000")
    result = runner.invoke(app, [*command, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "markdown":  # as it reads once rendered: Markdown's backslash escapes undone
        out = re.sub(r"\\(.)", r"\1", out)
    # The store's own escapes, links and bidi overrides arrive as visible text ...
    assert "\x1b[31m" not in out
    assert "\x1b]8;" not in out
    assert "\u202e" not in out
    assert "\\u001b[31m" in out
    assert "\\u202e" in out
    # ... and markup is not interpreted: "[bold]" and ":warning:" stay as written.
    assert "[bold]x[/bold] [/bold] :warning:" in out


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_piped_json_carries_store_text_verbatim(hostile_store: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    text = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    for part in (MARKUP, RTL, ESCAPE, LINK):
        assert json.dumps(part, ensure_ascii=False)[1:-1] in text


def test_piped_csv_and_tsv_carry_store_text_verbatim(hostile_store: Path) -> None:
    result = runner.invoke(app, ["timeline", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["title"] == HOSTILE
    result = runner.invoke(app, ["timeline", "--format", "tsv"])
    header, row = result.stdout.splitlines()
    cells = dict(zip(header.split("\t"), row.split("\t"), strict=True))
    assert tsv_unescape(cells["title"]) == HOSTILE


def tsv_unescape(cell: str) -> str:
    """TSV escapes a backslash, tab, newline and carriage return with a backslash."""
    table = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    return re.sub(r"\\[\\tnr]", lambda m: table[m.group(0)], cell)


def test_the_table_wraps_a_long_text_without_losing_it(
    hostile_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzkr_cli.cli.common.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["show", "trade-2023", "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "".join(result.stdout.split()).count("long") == LONG.count("long")


# ---------------------------------------------------------------- refused


def test_a_text_longer_than_a_field_holds_is_refused(make_store: StoreMaker) -> None:
    make_store(events=event("visit", claim("alpha", "2024", quote="q"), title=LONG + "!"))
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert re.search(
        r"events\.toml:2: event visit: title: String should have at most 2000 characters\n",
        result.stderr,
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "nested",
    ["a = " + "[" * 5000 + "]" * 5000, "a = " + "{ b = " * 5000 + "1" + " }" * 5000],
    ids=["arrays", "inline tables"],
)
def test_a_deeply_nested_file_is_refused(make_store: StoreMaker, nested: str) -> None:
    root = make_store()
    (root / "deep.toml").write_text(nested, encoding="utf-8")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert re.search(r"deep\.toml(:\d+)?: invalid TOML: .*nest", result.stderr), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_file_too_big_for_a_fact_store_is_refused_unread(make_store: StoreMaker) -> None:
    root = make_store()
    with (root / "huge.toml").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: the size is real, the disk is not used
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert f"huge.toml: {MAX_FILE_BYTES + 1} bytes is too big for a fact store file" in (
        result.stderr
    )


@pytest.mark.parametrize("make", [write_synthetic, copy_shipped], ids=["synthetic", "shipped"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_store_exits_2_naming_a_file(make: object, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        root.mkdir()
        make(root)  # type: ignore[operator]
        mutate_store(data, root)
        result = runner.invoke(app, ["validate", "--facts", str(root)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert "Traceback" not in result.output
        if result.exit_code != 0:
            assert result.exit_code == 2
            assert re.search(
                r"\nError: (the fact store is invalid \(\d+ problems?\)|\d+ quote problems?)\n$",
                "\n" + result.stderr,
            )
            assert str(root) in result.stderr
            assert result.stdout == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_claim_text_gets_an_exit_code_not_a_traceback(text: str) -> None:
    command = ["check", "--facts", str(_SHIPPED), "--format", "json", "--", text]
    result = runner.invoke(app, command)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ")
    else:
        assert result.exit_code in (0, 1, 3), result.output
        verdicts = {item["verdict"] for item in _objects(result.stdout)}
        assert verdicts <= {"supported", "contradicted", "disputed", "unverifiable"}


_SHIPPED = Path(__file__).resolve().parents[2] / "facts"


def _objects(text: str) -> list[dict[str, object]]:
    loaded = json.loads(text)
    return loaded if isinstance(loaded, list) else [loaded]


# ---------------------------------------------------------------- writes


def test_a_crash_mid_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    target.write_text("the old export\n", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "x" * 100_000, overwrite=True)
    assert target.read_text(encoding="utf-8") == "the old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_export_reports_a_failed_write_and_leaves_nothing(
    shipped_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = runner.invoke(app, ["export", "--output", str(out / "store.json")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write {out / 'store.json'}: No space left on device\n"
    assert list(out.iterdir()) == []


def test_the_installed_kzkr_refuses_to_overwrite_and_survives_hostile_text(
    hostile_store: Path, tmp_path: Path
) -> None:
    kzkr = Path(sys.executable).parent / "kzkr"
    command = [str(kzkr)] if kzkr.exists() else [sys.executable, "-m", "kzkr_cli"]
    env = {**os.environ, "KZKR_FACTS": str(hostile_store)}
    target = tmp_path / "store.json"
    first = subprocess.run(
        [*command, "export", "--output", str(target)], env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    exported = target.read_text(encoding="utf-8")
    again = subprocess.run(
        [*command, "export", "--output", str(target)], env=env, capture_output=True, text=True
    )
    assert again.returncode == 2
    assert again.stderr == f"Error: {target} exists; add --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == exported
    assert json.loads(exported)["figures"][0]["quote"] == HOSTILE
    shown = subprocess.run(
        [*command, "show", "visit", "--format", "json"], env=env, capture_output=True, text=True
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["title"] == HOSTILE


# ---------------------------------------------------------------- progress


def test_progress_is_drawn_after_the_delay_and_cleared_at_the_end() -> None:
    from kzkr_cli.cli.progress import StderrProgress

    stream = io.StringIO()
    progress = StderrProgress("loading the fact store", "files", stream, delay=0.0)
    progress(1, 3)
    progress(2, 3)
    progress(3, 3)
    drawn = stream.getvalue()
    assert "\rloading the fact store: 1/3 files" in drawn
    assert "\rloading the fact store: 2/3 files" in drawn
    assert drawn.endswith("\r" + " " * len("loading the fact store: 2/3 files") + "\r")


def test_quick_work_draws_no_progress() -> None:
    from kzkr_cli.cli.progress import StderrProgress

    stream = io.StringIO()
    progress = StderrProgress("loading", "files", stream, delay=60.0)
    progress(1, 2)
    progress(2, 2)
    assert stream.getvalue() == ""


def test_no_progress_when_stderr_is_not_a_terminal(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.stderr == f"store: {shipped_facts} (from $KZKR_FACTS)\n"


def test_a_newline_in_an_id_cannot_fake_a_problem_line(make_store: StoreMaker) -> None:
    make_store(
        figures="""
        [[figure]]
        id = "x\\nfacts/fake.toml:1: figure ok: value: forged"
        metric = "trade"
        value = 6e9
        as_written = "$6 billion"
        period = { start = "2023" }
        source = "alpha"
        quote = "q"
        """
    )
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()[1:]  # after the line naming the store
    assert len(lines) == 2, lines
    assert lines[0].endswith(
        "figure x\\u000afacts/fake.toml:1: figure ok: value: forged: id: String should match"
        " pattern '^[a-z0-9][a-z0-9._-]*$'"
    )
    assert lines[1] == "Error: the fact store is invalid (1 problem)"


def test_export_on_a_terminal_neutralises_bidi_overrides_and_stays_json(
    hostile_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kzkr_cli.cli.store_commands.stdout_is_terminal", lambda: True)
    on_terminal = runner.invoke(app, ["export"])
    assert on_terminal.exit_code == 0
    assert "\u202e" not in on_terminal.stdout and "\\u202e" in on_terminal.stdout
    piped = runner.invoke(app, ["export"])
    assert json.loads(on_terminal.stdout) == json.loads(piped.stdout)


def test_piped_export_carries_bidi_overrides_as_data(hostile_store: Path) -> None:
    assert "\u202e" in runner.invoke(app, ["export"]).stdout


@pytest.mark.parametrize("fmt", ["table", "tsv", "csv", "json", "markdown"])
def test_the_largest_float_does_not_break_any_format(
    make_store: StoreMaker, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    make_store(figures=figure("huge", "$17" + "0" * 307, 1.7e308, quote="a huge number"))
    monkeypatch.setattr("kzkr_cli.cli.common.stdout_is_terminal", lambda: fmt == "table")
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["figure", "trade", "--format", fmt, "--no-color"])
    assert result.exit_code == 0, result.output
    if fmt == "table":
        assert "1.7e+308" in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
