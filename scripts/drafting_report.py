"""Recall and precision of `kzkr add`'s drafting on the test articles, per kind.

Run: python scripts/drafting_report.py   (prints the Markdown table of docs/drafting.md)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.drafting_articles import KINDS, measure


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.0%} ({part:g}/{whole:g})" if whole else "–"


def report() -> str:
    """The Markdown table of docs/drafting.md, measured now."""
    lines: list[str] = []
    out = lines.append
    table = measure()
    out(
        "| kind | expected | right value and qualifier | right metric or event"
        " (where one exists) | right period | drafts | drafts that are real |"
    )
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals: dict[str, float] = {}
    for kind in KINDS:
        row = table[kind]
        for key, value in row.items():
            if kind != "dates":
                totals[key] = totals.get(key, 0) + value
        real = row.get("drafted", 0) - row.get("not real", 0)
        period = _share(row.get("period right", 0), row.get("expected", 0))
        out(
            f"| {kind} | {row.get('expected', 0)} |"
            f" {_share(row.get('value right', 0), row.get('expected', 0))} |"
            f" {_share(row.get('metric right', 0), row.get('with a metric', 0))} |"
            f" {period if kind != 'dates' else '–'} | {row.get('drafted', 0)} |"
            f" {_share(real, row.get('drafted', 0))} |"
        )
    real = totals.get("drafted", 0) - totals.get("not real", 0)
    out(
        f"| all figures | {totals.get('expected', 0):g} |"
        f" {_share(totals.get('value right', 0), totals.get('expected', 0))} |"
        f" {_share(totals.get('metric right', 0), totals.get('with a metric', 0))} |"
        f" {_share(totals.get('period right', 0), totals.get('expected', 0))} |"
        f" {totals.get('drafted', 0):g} | {_share(real, totals.get('drafted', 0))} |"
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(report())
