"""kzkr check: verdicts for one claim, or for every check-worthy sentence of a text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

if TYPE_CHECKING:
    from kzkr_cli.core.checker import CheckResult


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
    # The checker is imported here, not at the top, so other commands do not pay for it.
    from kzkr_cli.core.checker import Checker
    from kzkr_cli.core.compiled.build import whole_store
    from kzkr_cli.core.compiled.queries import all_conflicts
    from kzkr_cli.render.check_view import check_listing

    compiled = open_store(facts)
    store = whole_store(compiled.connection, compiled.root)
    checker = Checker(store, all_conflicts(compiled))
    if file is None:
        results = [checker.check_claim(text)]
    else:
        results = list(checker.check_text(text))
        if not results:
            warn("no sentence with a figure, rank or date the store can check")
    emit(check_listing(results, single=file is None), fmt, no_color)
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
    from kzkr_cli.core.checker import Verdict

    verdicts = {r.verdict for r in results}
    if verdicts & {Verdict.CONTRADICTED, Verdict.DISPUTED}:
        return ExitCode.NO_MATCH
    if Verdict.UNVERIFIABLE in verdicts:
        return ExitCode.UNVERIFIABLE
    return ExitCode.OK
