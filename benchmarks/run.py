"""The benchmark, run by hand (never a timed test in CI). It prints Markdown tables:

1. start-up on the shipped store: each command's wall time beside the floor of the stack
   (benchmarks/floor_app.py, measured in the same run), target 1.25x the floor;
2. scale on synthetic stores (benchmarks/generate_store.py): tomli alone, the cold compile
   into SQLite, the first run after editing one file, and each command warm beside the
   floor, jq on the export and a bare indexed ``sqlite3`` query, as ratios, with peak memory.

    python benchmarks/run.py                       # everything: 100k and 1M
    python benchmarks/run.py --sizes 10000 100000  # quicker

Every command runs as a real subprocess of the installed ``kzkr``, so each time includes
the interpreter's start-up, as a user's shell loop would pay it. The cache is kept in a
temporary folder, never the user's own.
"""

from __future__ import annotations

import argparse
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
    argv: Sequence[str],
    stdout_path: Path | None = None,
    env: dict[str, str] | None = None,
    *,
    capture: bool = False,
) -> Run:
    """Wall time and peak resident memory of one subprocess (its own, from wait4). Output
    goes to ``stdout_path``, else is captured when asked, else discarded: a large output
    read into this process would be inherited by the next child's peak memory."""
    with (stdout_path or Path(os.devnull)).open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            stdout=subprocess.PIPE if capture and not stdout_path else sink,
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
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


PARSE_ONLY = """
import sys, pathlib, tomli
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.toml")):
    tomli.loads(path.read_text(encoding="utf-8"))
"""
"""tomli alone parsing every file of a store: what a compile cannot be faster than."""

FIGURE_SQL = (
    "SELECT id, as_written, value, source FROM figures WHERE metric = 'trade-turnover'"
    " AND period_earliest <= '2023-12-31' AND period_latest >= '2023-01-01'"
)
"""The bare indexed query behind ``kzkr figure trade --year 2023`` (its candidate rows)."""

WARM = {
    "figure": ["figure", "trade", "--year", "2023", "--format", "json"],
    "timeline": ["timeline", "--format", "json"],
    "conflicts": ["conflicts", "--format", "json"],
    "conflicts (tsv)": ["conflicts"],
    "show": ["show", "fig-0000017"],
    "sources": ["sources"],
    "check": ["check", SYNTHETIC_CLAIM, "--format", "json"],
}


def median_run(argv: Sequence[str], repeat: int, env: dict[str, str] | None = None) -> Run:
    runs = sorted((run_once(argv, env=env) for _ in range(repeat)), key=lambda r: r.seconds)
    return runs[len(runs) // 2]


def scale(
    sizes: Sequence[int],
    repeat: int,
    jq: str | None,
    scratch: Path,
    warm: Sequence[str] = tuple(WARM),
    *,
    edit: bool = True,
) -> tuple[list[str], list[str]]:
    """Each size: tomli alone, the cold compile, the run after editing one file, then each
    command warm (median of ``repeat``) beside the floor, jq on the export and a bare indexed
    sqlite3 query, as ratios."""
    kzkr = kzkr_command()
    sqlite = shutil.which("sqlite3")
    lines: list[str] = []
    notes: list[str] = []
    for size in sizes:
        root = ensure_store(size)
        facts = ["--facts", str(root)]
        toml_bytes = sum(p.stat().st_size for p in root.rglob("*.toml"))
        cache = scratch / f"cache-{size}"
        shutil.rmtree(cache, ignore_errors=True)
        env = {"KZKR_CACHE_DIR": str(cache)}
        parse = run_once([sys.executable, "-c", PARSE_ONLY, str(root)])
        cold = run_once([*kzkr, *WARM["figure"], *facts], env=env)
        (database,) = cache.iterdir()
        after_edit: Run | None = None
        if edit:
            figure_files = sorted((root / "figures").glob("*.toml"))
            edited = figure_files[len(figure_files) // 2]
            original = edited.read_bytes()
            edited.write_bytes(original + b"# edited\n")
            try:
                after_edit = run_once([*kzkr, *WARM["figure"], *facts], env=env)
            finally:
                edited.write_bytes(original)
            run_once([*kzkr, *WARM["figure"], *facts], env=env)  # compiled again, as it was
        lines += [
            f"### {label_of(size)}: {toml_bytes / 1e6:.1f} MB of TOML,"
            f" database {database.stat().st_size / 1e6:.1f} MB",
            "",
            "| step | time | ratio | peak memory |",
            "|---|---:|---:|---:|",
            f"| tomli alone parsing the files | {secs(parse.seconds)} | 1.00 |"
            f" {mib(parse.peak_bytes)} |",
            f"| cold compile (first `kzkr figure`) | {secs(cold.seconds)} |"
            f" {cold.seconds / parse.seconds:.2f}× tomli (target ≤ 2.5×)"
            f" | {mib(cold.peak_bytes)} |",
        ]
        if after_edit is not None:
            lines.append(
                f"| next command after editing one file | {secs(after_edit.seconds)} |"
                f" {after_edit.seconds / cold.seconds:.2f}× cold (target ≤ 0.10×) |"
                f" {mib(after_edit.peak_bytes)} |"
            )
        lines += [
            "",
            "| warm command | median | × floor | other | peak memory |",
            "|---|---:|---:|---:|---:|",
        ]
        floor = median_run([sys.executable, str(FLOOR_APP)], repeat)
        lines.append(
            f"| floor (Typer + pydantic) | {secs(floor.seconds)} | 1.00 | |"
            f" {mib(floor.peak_bytes)} |"
        )
        others: dict[str, tuple[str, Run]] = {}
        if jq is not None:
            export_path = scratch / f"export-{size}.json"
            run_once([*kzkr, "export", *facts], export_path, env)
            others["figure"] = ("jq", median_run([jq, "-c", JQ_FIGURES, str(export_path)], repeat))
            others["timeline"] = ("jq", median_run([jq, ".events", str(export_path)], repeat))
        if sqlite is not None:
            bare = median_run([sqlite, str(database), FIGURE_SQL], repeat)
            lines.append(
                f"| bare `sqlite3` indexed query | {secs(bare.seconds)} |"
                f" {bare.seconds / floor.seconds:.2f} | | {mib(bare.peak_bytes)} |"
            )
        for name in warm:
            args = WARM[name]
            run = median_run([*kzkr, *args, *facts], repeat, env)
            other = ""
            if name in others:
                tool, measured = others[name]
                other = f"{run.seconds / measured.seconds:.2f}× {tool} ({secs(measured.seconds)})"
            lines.append(
                f"| `{name}` (exit {run.returncode}) | {secs(run.seconds)} |"
                f" {run.seconds / floor.seconds:.2f} | {other} | {mib(run.peak_bytes)} |"
            )
        lines.append("")
    return lines, notes


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
        "--sizes", type=int, nargs="*", default=[100_000, 1_000_000], help="Store sizes."
    )
    parser.add_argument("--repeat", type=int, default=15, help="Start-up runs per command.")
    parser.add_argument("--scale-repeat", type=int, default=5, help="Warm runs (median).")
    parser.add_argument("--skip-start-up", action="store_true")
    parser.add_argument("--skip-jq", action="store_true", help="No export, no jq.")
    parser.add_argument("--skip-edit", action="store_true", help="No run after an edit.")
    parser.add_argument(
        "--warm", nargs="*", choices=list(WARM), default=list(WARM), help="Warm commands."
    )
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
            jq = None if args.skip_jq else shutil.which("jq")
            table, notes = scale(
                args.sizes, args.scale_repeat, jq, Path(scratch), args.warm, edit=not args.skip_edit
            )
            print("\n".join(table))
            print()
            print("\n".join(f"- {n}" for n in notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
