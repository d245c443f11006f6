"""kzkr check: verdicts for one claim, or for every check-worthy sentence of a text."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kzkr_cli.cli.common import (
    CheckFormatOption,
    ExitCode,
    FactsOption,
    NoColorOption,
    WideOption,
    emit,
    fail,
    open_store,
    stdout_is_terminal,
    warn,
    write_text,
)
from kzkr_cli.core.links import web_url
from kzkr_cli.render import OutputFormat

if TYPE_CHECKING:
    from kzkr_cli.core.checker import CheckResult
    from kzkr_cli.render.claimreview import Publication

ORGANISATION_VARIABLE = "KZKR_ORG"
_REVIEW = "ClaimReview (--format claimreview)"


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
    fmt: CheckFormatOption = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            help=f"{_REVIEW}: the organisation publishing the fact check"
            f" (default: ${ORGANISATION_VARIABLE}).",
            show_default=False,
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option("--url", help=f"{_REVIEW}: the fact check's page.", show_default=False),
    ] = None,
    claim_author: Annotated[
        str | None,
        typer.Option("--claim-author", help=f"{_REVIEW}: who made the claim.", show_default=False),
    ] = None,
    claim_url: Annotated[
        list[str] | None,
        typer.Option(
            "--claim-url",
            help=f"{_REVIEW}: where the claim appeared; the first is where it first did"
            " (repeat for several).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=f"{_REVIEW}: the review's publication date, YYYY-MM-DD (default: today).",
            show_default=False,
        ),
    ] = None,
    facts: FactsOption = None,
    no_color: NoColorOption = False,
    wide: WideOption = False,
) -> None:
    """Check a claim against the store: supported, contradicted, disputed or unverifiable.

    Exit status: 0 every checked claim is supported; 1 a claim is contradicted or disputed;
    3 a claim is unverifiable and none is contradicted or disputed; 2 usage error.
    """
    if claim is not None and file is not None:
        fail("give a claim or --file, not both")
    review_options = [org, url, claim_author, claim_url, date]
    if fmt is not OutputFormat.CLAIMREVIEW and any(o is not None for o in review_options):
        fail("--org, --url, --claim-author, --claim-url and --date need --format claimreview")
    publication = (
        _publication(org, url, claim_author, claim_url or [], date)
        if fmt is OutputFormat.CLAIMREVIEW
        else None
    )
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
    from kzkr_cli.render.views import check_listing

    compiled = open_store(facts)
    store = whole_store(compiled.connection, compiled.root)
    checker = Checker(store, all_conflicts(compiled))
    if file is None:
        _warn_if_the_shell_ate_a_number(text)
        results = [checker.check_claim(text)]
    else:
        results = list(checker.check_text(text))
        if not results:
            warn("no sentence with a figure, rank or date the store can check")
    if publication is None:
        emit(check_listing(results, single=file is None), fmt, no_color, wide)
    else:
        from kzkr_cli.render.claimreview import write_claim_reviews

        for gap in publication.missing():
            warn(f"warning: the ClaimReview has no {gap}")
        out = io.StringIO()
        write_claim_reviews(
            results, store.sources, publication, out, single=file is None, tty=stdout_is_terminal()
        )
        write_text(out.getvalue())
    raise typer.Exit(int(_exit_code(results)))


def _warn_if_the_shell_ate_a_number(claim: str) -> None:
    from kzkr_cli.core.checker.claims import scales_without_number

    bare = scales_without_number(claim)
    if bare:
        words = ", ".join(f'"{word}"' for word in dict.fromkeys(bare))
        warn(
            f"warning: no number before {words}: inside double quotes the shell replaces"
            " $7 with nothing; put the claim in single quotes ('... $7 billion ...')"
        )


def _publication(
    org: str | None, url: str | None, author: str | None, claim_urls: list[str], date: str | None
) -> Publication:
    """The review's own facts from the options, each checked: bad ones exit 2, all at once."""
    from kzkr_cli.render.claimreview import Publication

    problems = []
    for option, value in [("--url", url), *(("--claim-url", u) for u in claim_urls)]:
        if value is not None and web_url(value) is None:
            problems.append(f"{option}: {value!r} is not an http or https URL")
    day = dt.datetime.now(dt.UTC).astimezone().date()
    if date is not None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise ValueError
            day = dt.date.fromisoformat(date)
        except ValueError:
            problems.append(f"--date: {date!r} is not a date (YYYY-MM-DD)")
    organisation = org if org is not None else os.environ.get(ORGANISATION_VARIABLE)
    for option, text in [("--org", organisation), ("--claim-author", author)]:
        if text is not None and not text.strip():
            problems.append(f"{option}: give a name, not an empty text")
    if problems:
        for problem in problems[:-1]:
            warn(f"Error: {problem}")
        fail(problems[-1])
    return Publication(
        date=day,
        organisation=organisation.strip() if organisation else None,
        url=url,
        claim_author=author.strip() if author else None,
        claim_urls=tuple(claim_urls),
    )


MAX_TEXT_BYTES = 1024 * 1024
"""The most ``check --file`` reads (1 MiB, a long report several times over): the read stops
one byte past it, so an endless input (``/dev/zero``) is refused, never read to exhaustion."""


def _read(file: str) -> str:
    try:
        if file == "-":
            data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        else:
            with Path(file).open("rb") as handle:
                data = handle.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            name = "standard input" if file == "-" else file
            fail(f"{name} is larger than {MAX_TEXT_BYTES} bytes, the most check --file reads")
        return data.decode("utf-8")
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
