"""kzkr check: verdicts for one claim, or for every check-worthy sentence of a text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kzkr_cli.cli.common import (
    ExitCode,
    FactsOption,
    FormatOption,
    NoColorOption,
    emit,
    fail,
    open_store,
    warn,
)
from kzkr_cli.core.checker import Checker, CheckResult, Verdict
from kzkr_cli.render import Column, Listing, Style

_STYLE = {
    Verdict.SUPPORTED: Style.GOOD,
    Verdict.CONTRADICTED: Style.BAD,
    Verdict.DISPUTED: Style.CONFLICT,
    Verdict.UNVERIFIABLE: Style.MUTED,
}


def check(
    claim: Annotated[
        str | None, typer.Argument(help="The claim to check, in quotes.", show_default=False)
    ] = None,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            help="Check every sentence with a figure, rank or date in this text file"
            " ('-' reads stdin).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Check a claim against the store: supported, contradicted, disputed or unverifiable.

    Exit status: 0 every checked claim is supported; 1 a claim is contradicted or disputed;
    3 a claim is unverifiable and none is contradicted or disputed; 2 usage error.
    """
    if claim is not None and file is not None:
        fail("give a claim or --file, not both")
    if file is not None:
        text = _read(file)
    elif claim is not None and claim.strip():
        text = claim
    else:
        fail("give a claim to check, or --file PATH")
    checker = Checker(open_store(facts))
    if file is None:
        results = [checker.check_claim(text)]
    else:
        results = list(checker.check_text(text))
        if not results:
            warn("no sentence with a figure, rank or date the store can check")
    emit(_listing(results, single=file is None), fmt, no_color)
    raise typer.Exit(int(_exit_code(results)))


def _read(file: str) -> str:
    try:
        if file == "-":
            return sys.stdin.read()
        return Path(file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{file} is not UTF-8 text")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")


def _exit_code(results: list[CheckResult]) -> ExitCode:
    verdicts = {r.verdict for r in results}
    if verdicts & {Verdict.CONTRADICTED, Verdict.DISPUTED}:
        return ExitCode.NO_MATCH
    if Verdict.UNVERIFIABLE in verdicts:
        return ExitCode.UNVERIFIABLE
    return ExitCode.OK


def _listing(results: list[CheckResult], *, single: bool) -> Listing:
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
            "evidence": ", ".join(dict.fromkeys(f"{e.fact} ({e.source})" for e in r.evidence)),
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
