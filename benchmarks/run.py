"""The benchmark, run by hand (never a timed test in CI). It prints Markdown tables:

1. start-up on the shipped store: each command's wall time beside the floor of the stack
   (benchmarks/floor_app.py, measured in the same run), target 1.25x the floor;
2. scale on synthetic stores (benchmarks/generate_store.py): load, figure, timeline,
   conflicts, check and export + jq at each size, with each command's peak memory, cold
   (``KZKR_CACHE=off``) and warm (the validated-store cache present).

    python benchmarks/run.py                      # everything: 1k, 10k and 100k
    python benchmarks/run.py --sizes 1000 10000   # quicker

Every command runs as a real subprocess of the installed ``kzkr``, so each time includes
the interpreter's start-up, as a user's shell loop would pay it. The cache is kept in a
temporary folder, never the user's own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR_APP = HERE / "floor_app.py"
STORES = HERE / "stores"
CONFLICTS_TARGET_SECONDS = 10.0
MEMORY_TARGET_BYTES = 1 << 30
GROWTH_TARGET = 12.0
CLAIM = "Trade between Kazakhstan and South Korea reached $6.5 billion in 2023."
SYNTHETIC_CLAIM = "Trade turnover between the two countries was $2 billion in 2023."

JQ_FIGURES = """
def firstday: if length == 4 then . + "-01-01" elif length == 7 then . + "-01" else . end;
def lastday: if length == 4 then . + "-12-31" elif length == 7 then . + "-31" else . end;
[.figures[]
 | select(.metric == "trade-turnover")
 | select(
     if .period.as_of != null then .period.as_of[0:4] == "2023"
     else (.period.start | firstday) <= "2023-01-01" and (.period.end | lastday) >= "2023-12-31"
     end)]
"""
"""The figures ``kzkr figure trade --year 2023`` lists, picked out of ``kzkr export`` by jq."""


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_bytes: int
    returncode: int
    stdout: bytes


def kzkr_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m kzkr_cli``."""
    script = Path(sys.executable).parent / "kzkr"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kzkr_cli"]


def run_once(
    argv: Sequence[str], stdout_path: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """Wall time and peak resident memory of one subprocess (its own, from wait4)."""
    with (stdout_path or Path(os.devnull)).open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            stdout=sink if stdout_path else subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=os.environ | (env or {}),
        )
        captured = process.stdout.read() if process.stdout is not None else b""
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stdout is not None:
        process.stdout.close()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss * 1024, process.returncode, captured)


def start_up(repeat: int) -> list[str]:
    """Floor and commands run in turn, round after round, so that whatever else the machine
    is doing weighs on all of them alike; each is reported by its median."""
    kzkr = kzkr_command()
    commands: dict[str, list[str]] = {
        "floor: one-command Typer app importing pydantic and tomli": [
            sys.executable,
            str(FLOOR_APP),
        ],
    }
    for args in (
        ["figure", "trade", "--year", "2023", "--format", "json"],
        ["timeline", "--format", "json"],
        ["conflicts", "--format", "json"],
        ["check", CLAIM],
        ["--help"],
    ):
        label = "kzkr " + " ".join(f'"{a}"' if " " in a else a for a in args)
        commands[f"`{label}`"] = [*kzkr, *args]
    runs: dict[str, list[Run]] = {label: [] for label in commands}
    for round_number in range(repeat + 1):
        for label, argv in commands.items():
            run = run_once(argv)
            if round_number:  # the first round only warms the disk cache
                runs[label].append(run)
    floor_label = next(iter(commands))
    floor_wall = statistics.median(r.seconds for r in runs[floor_label])
    floor_cpu = statistics.median(r.cpu_seconds for r in runs[floor_label])
    rows = [
        "| command | wall (median) | × floor | CPU (median) | × floor | target ≤ 1.25× |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for label, measured in runs.items():
        wall = statistics.median(r.seconds for r in measured)
        cpu = statistics.median(r.cpu_seconds for r in measured)
        verdict = "" if label == floor_label else "met" if wall / floor_wall <= 1.25 else "not met"
        codes = sorted({r.returncode for r in measured})
        exits = "" if label == floor_label else f" (exit {', '.join(map(str, codes))})"
        rows.append(
            f"| {label}{exits} | {ms(wall)} | {wall / floor_wall:.2f} | {ms(cpu)}"
            f" | {cpu / floor_cpu:.2f} | {verdict} |"
        )
    return rows


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s"


def mib(size: int) -> str:
    return f"{size / (1 << 20):.0f} MiB"


def ensure_store(size: int) -> Path:
    root = STORES / label_of(size)
    if not (root / "sources.toml").exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate_store.py"), str(size), "--out", str(root)]
            + (["--force"] if root.exists() else []),
            check=True,
        )
    return root


def label_of(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


COMMANDS = ("load", "figure", "timeline", "conflicts", "check", "export")


def scale(
    sizes: Sequence[int], repeat: int, jq: str | None, scratch: Path
) -> tuple[list[str], list[str]]:
    """Each size twice: cold (``KZKR_CACHE=off``: every run parses and validates the TOML)
    and warm (the validated-store cache written by a first run and read by every other)."""
    kzkr = kzkr_command()
    header = [
        "| store | runs | TOML | load (`validate`) | `figure trade --year 2023` | `timeline`"
        " | `conflicts` | `check` | `export` | jq on the export | peak memory |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    notes: list[str] = []
    times: dict[tuple[str, int], dict[str, float]] = {}
    peaks: dict[tuple[str, int], dict[str, int]] = {}
    for size in sizes:
        root = ensure_store(size)
        facts = ["--facts", str(root)]
        toml_bytes = sum(p.stat().st_size for p in root.rglob("*.toml"))
        jq_cell = "(no jq)"
        for mode in ("cold", "warm"):
            cache = scratch / f"cache-{size}"
            shutil.rmtree(cache, ignore_errors=True)
            env = {"KZKR_CACHE": "off"} if mode == "cold" else {"KZKR_CACHE": "on"}
            env["KZKR_CACHE_DIR"] = str(cache)
            if mode == "warm":
                first = run_once([*kzkr, "validate", *facts], env=env)
                notes.append(
                    f"{label_of(size)}: the first run after a change, which writes the cache:"
                    f" `validate` {secs(first.seconds)}, {mib(first.peak_bytes)}."
                )
            timings: dict[str, Run] = {}
            for name, args in {
                "load": ["validate", *facts],
                "figure": ["figure", "trade", "--year", "2023", "--format", "json", *facts],
                "timeline": ["timeline", "--format", "json", *facts],
                "conflicts": ["conflicts", "--format", "json", *facts],
                "check": ["check", SYNTHETIC_CLAIM, "--format", "json", *facts],
            }.items():
                runs = [run_once([*kzkr, *args], env=env) for _ in range(repeat)]
                timings[name] = min(runs, key=lambda r: r.seconds)
            export_path = scratch / f"export-{size}.json"
            timings["export"] = min(
                (run_once([*kzkr, "export", *facts], export_path, env) for _ in range(repeat)),
                key=lambda r: r.seconds,
            )
            if jq is not None and mode == "cold":
                jq_run = min(
                    (run_once([jq, "-c", JQ_FIGURES, str(export_path)]) for _ in range(repeat)),
                    key=lambda r: r.seconds,
                )
                jq_count = len(json.loads(jq_run.stdout or b"[]"))
                kzkr_count = len(json.loads(timings["figure"].stdout or b"[]"))
                same = "same" if jq_count == kzkr_count else f"kzkr found {kzkr_count}"
                jq_cell = f"{secs(jq_run.seconds)} ({jq_count} figures, {same})"
                notes.append(
                    f"{label_of(size)}: export + jq"
                    f" {secs(timings['export'].seconds + jq_run.seconds)} against"
                    f" `kzkr figure` {secs(timings['figure'].seconds)} (cold)."
                )
            heaviest = max(timings, key=lambda k: timings[k].peak_bytes)
            times[mode, size] = {k: timings[k].seconds for k in COMMANDS}
            peaks[mode, size] = {k: timings[k].peak_bytes for k in COMMANDS}
            failed = [k for k in COMMANDS if timings[k].returncode not in (0, 1, 3)]
            if failed:
                notes.append(f"{label_of(size)} {mode}: {', '.join(failed)} failed.")
            header.append(
                f"| {label_of(size)} | {mode} | {toml_bytes / 1e6:.1f} MB"
                + "".join(f" | {secs(timings[k].seconds)}" for k in COMMANDS)
                + f" | {jq_cell if mode == 'cold' else ''}"
                + f" | {mib(timings[heaviest].peak_bytes)} (`{heaviest}`) |"
            )
    notes += targets(times, peaks)
    return header, notes


def targets(
    times: dict[tuple[str, int], dict[str, float]], peaks: dict[tuple[str, int], dict[str, int]]
) -> list[str]:
    lines = []
    for mode in ("cold", "warm"):
        if (mode, 100_000) in times:
            took = times[mode, 100_000]["conflicts"]
            verdict = "met" if took < CONFLICTS_TARGET_SECONDS else "not met"
            lines.append(f"`conflicts` at 100k, {mode}: {secs(took)} (target < 10 s): {verdict}.")
            over = {k: v for k, v in peaks[mode, 100_000].items() if v >= MEMORY_TARGET_BYTES}
            memory = ", ".join(f"`{k}` {mib(v)}" for k, v in over.items()) or "none"
            lines.append(f"At 100k, {mode}, over 1 GiB of memory: {memory}.")
        if (mode, 10_000) in times and (mode, 100_000) in times:
            growth = {k: times[mode, 100_000][k] / times[mode, 10_000][k] for k in COMMANDS}
            listed = ", ".join(f"`{k}` {g:.1f}×" for k, g in growth.items())
            verdict = "met" if max(growth.values()) <= GROWTH_TARGET else "not met"
            lines.append(f"10k → 100k growth, {mode} (target ≤ 12×): {listed}: {verdict}.")
    return lines


def machine() -> list[str]:
    import pydantic

    parser = "tomli"
    cpu = platform.processor() or platform.machine()
    with_name = Path("/proc/cpuinfo")
    if with_name.exists():
        for line in with_name.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return [
        f"- {platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu})",
        f"- Python {platform.python_version()}, pydantic {pydantic.VERSION}, TOML: {parser}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure kzkr's start-up and scale.")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000], help="Store sizes."
    )
    parser.add_argument("--repeat", type=int, default=15, help="Start-up runs per command.")
    parser.add_argument("--scale-repeat", type=int, default=1, help="Runs per size (fastest).")
    parser.add_argument("--skip-start-up", action="store_true")
    args = parser.parse_args(argv)
    print("## Machine\n")
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["KZKR_CACHE_DIR"] = str(Path(scratch) / "cache")
        if not args.skip_start_up:
            print("\n## Start-up on the shipped store\n")
            print("\n".join(start_up(args.repeat)))
        if args.sizes:
            print("\n## Scale on synthetic stores (each run a fresh process)\n")
            table, notes = scale(args.sizes, args.scale_repeat, shutil.which("jq"), Path(scratch))
            print("\n".join(table))
            print()
            print("\n".join(f"- {n}" for n in notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
