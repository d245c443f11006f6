"""How `kzkr check` scales with the length of one sentence: text size -> time.

One sentence (no full stop) is built by repeating realistic clauses until it reaches each
size, with every kind of thing the checker reads in it: sums, shares, counts, ranks, dates,
spans and names from the shipped store. Each size is checked in-process (the store is
indexed once, before timing) and its best of ``--repeat`` runs printed as a Markdown table
row. A linear checker takes about twice as long for twice the text.

    python benchmarks/check_text.py                  # 1, 2, 4 and 8 KB
    python benchmarks/check_text.py --sizes 4096 8192 16384
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kzkr_cli.core.checker import Checker
from kzkr_cli.core.store import load_store

CLAUSES = (
    "bilateral trade turnover reached $6.4 billion in 2023, up 12 percent",
    "some 120,000 ethnic Koreans live in Kazakhstan",
    "Korea was the fourth-largest investor between January and April 2024",
    "Tokayev visited Seoul on 11-13 June 2024 for talks with Yoon",
    "over the past 18 years Korean firms invested more than $9 billion",
    "ten joint projects worth about half a billion dollars are under way",
    "flights rose from 10 to 42 a week",
)


def sentence(size: int) -> str:
    """One sentence of about ``size`` characters, clauses joined by commas."""
    parts: list[str] = []
    length = 0
    while length < size:
        clause = CLAUSES[len(parts) % len(CLAUSES)]
        parts.append(clause)
        length += len(clause) + 2
    return ", ".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1024, 2048, 4096, 8192])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--facts", type=Path, default=Path(__file__).parent.parent / "facts")
    args = parser.parse_args()
    checker = Checker(load_store(args.facts))
    print("| sentence | time | per KB |")
    print("|---:|---:|---:|")
    for size in args.sizes:
        text = sentence(size)
        best = float("inf")
        for _ in range(args.repeat):
            began = time.perf_counter()
            checker.check_claim(text)
            best = min(best, time.perf_counter() - began)
        print(
            f"| {size / 1024:g} KB | {best * 1000:.0f} ms | {best * 1000 / (size / 1024):.0f} ms |"
        )


if __name__ == "__main__":
    main()
