"""The claim checker's results as a listing."""

from __future__ import annotations

from kzkr_cli.core.checker import CheckResult, Evidence, Verdict
from kzkr_cli.core.models import Status
from kzkr_cli.render.listing import Column, Listing, Style

_STYLE = {
    Verdict.SUPPORTED: Style.GOOD,
    Verdict.CONTRADICTED: Style.BAD,
    Verdict.DISPUTED: Style.CONFLICT,
    Verdict.UNVERIFIABLE: Style.MUTED,
}


def _evidence(item: Evidence) -> str:
    draft = ", draft" if item.status is Status.DRAFT else ""
    return f"{item.fact} ({item.source}{draft})"


def check_listing(results: list[CheckResult], *, single: bool) -> Listing:
    columns = [
        Column("verdict", "Verdict"),
        Column("claim", "Claim"),
        Column("explanation", "Explanation"),
        Column("evidence", "Evidence"),
    ]
    if not single:
        columns.insert(0, Column("line", "Line", numeric=True))
    rows = [
        {
            "line": r.line,
            "verdict": r.verdict.value,
            "claim": r.claim,
            "explanation": r.explanation,
            "evidence": ", ".join(dict.fromkeys(_evidence(e) for e in r.evidence)),
        }
        for r in results
    ]
    objects = [r.to_object(position=not single) for r in results]
    counts = {v: sum(1 for r in results if r.verdict is v) for v in Verdict}
    summary = ", ".join(f"{n} {v.value}" for v, n in counts.items() if n)
    return Listing(
        columns=columns,
        rows=rows,
        objects=objects[0] if single else objects,
        title="Claim check",
        summary=[summary] if summary else [],
        styles=[_STYLE[r.verdict] for r in results],
    )
