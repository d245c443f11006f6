"""What every command shares: options, loading the store, exit codes, and writing output."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from kzkr_cli.cli.progress import stderr_progress
from kzkr_cli.core.errors import ReadOnlyStoreError, StoreError
from kzkr_cli.core.locate import ENVIRONMENT_VARIABLE, StoreLocation, locate_facts
from kzkr_cli.core.new_store import writable
from kzkr_cli.render import Listing, OutputFormat, render
from kzkr_cli.render.text import one_line

if TYPE_CHECKING:  # the store's modules are imported by the commands that open it
    from kzkr_cli.core.compiled import CompiledStore
    from kzkr_cli.core.store import Store


class ExitCode(IntEnum):
    """Documented in the README; asserted in the tests."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    UNVERIFIABLE = 3


FactsOption = Annotated[
    Path | None,
    typer.Option(
        "--facts",
        help=f"Fact store folder. Default: ${ENVIRONMENT_VARIABLE}, else ./facts, else the"
        " copy shipped with kzkr.",
        show_default=False,
    ),
]


def _format_parser(formats: list[OutputFormat]) -> Callable[[str], OutputFormat]:
    """Read --format among ``formats``; a format of another command is refused by name."""

    def parse(text: str) -> OutputFormat:
        try:
            fmt = OutputFormat(text.strip().lower())
        except ValueError:
            fmt = None
        if fmt is not None and fmt in formats:
            return fmt
        if fmt is OutputFormat.CLAIMREVIEW:
            raise typer.BadParameter("claimreview is an output of kzkr check only")
        names = ", ".join(repr(f.value) for f in formats)
        raise typer.BadParameter(f"{text!r} is not one of {names}")

    return parse


def _format_option(formats: list[OutputFormat]) -> Any:
    return typer.Option(
        "--format",
        "-f",
        help="Output format. Default: a table on a terminal, tab-separated rows otherwise.",
        show_default=False,
        parser=_format_parser(formats),
        metavar=f"<{'|'.join(f.value for f in formats)}>",
    )


FormatOption = Annotated[OutputFormat | None, _format_option([f for f in OutputFormat if f.lists])]
CheckFormatOption = Annotated[OutputFormat | None, _format_option(list(OutputFormat))]
"""Check results can also be written as ClaimReview JSON-LD."""
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="No colour (also when NO_COLOR is set).")
]
WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="In a table, show every column even when the terminal is too narrow for them.",
    ),
]


def warn(message: str) -> None:
    """One line on stderr: text from the store inside it (an id with a newline) cannot
    start a line of its own or steer the terminal."""
    sys.stderr.write(one_line(message) + "\n")


def fail(message: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    warn(f"Error: {message}")
    raise typer.Exit(int(code))


def nothing(message: str) -> NoReturn:
    """A valid query that matched nothing: say what would match, on stderr, and exit 1."""
    warn(message)
    raise typer.Exit(int(ExitCode.NO_MATCH))


def open_store(facts: Path | None, *, announce: bool = False) -> CompiledStore:
    """The compiled store (compiled now when it is not current), or report every problem of
    the TOML and exit 2; with ``announce``, first say on stderr which store is read."""
    from kzkr_cli.core.compiled import cache_folder, open_compiled

    location = locate_facts(facts)
    if announce:
        warn(location.describe())
    gc.disable()
    try:
        progress = stderr_progress("compiling the fact store", "files")
        return open_compiled(location.path, progress, cache_folder())
    except StoreError as exc:
        invalid(exc)
    finally:
        # What was loaded lives until the command ends: the collector need never scan it.
        gc.freeze()
        gc.enable()


def open_whole_store(facts: Path | None) -> Store:
    """Every record of the compiled store, for commands that print or judge against all of
    it (export, check, report); exit 2 on an invalid store as ``open_store`` does."""
    from kzkr_cli.core.compiled.build import whole_store

    compiled = open_store(facts)
    return whole_store(compiled.connection, compiled.root)


def read_store(facts: Path | None, *, announce: bool = False) -> Store:
    """The store read and validated from its TOML files, never from the compiled copy (what
    validate checks and what add and review edit); or report every problem and exit 2."""
    from kzkr_cli.core.store import load_store

    location = locate_facts(facts)
    if announce:
        warn(location.describe())
    gc.disable()
    try:
        progress = stderr_progress("loading the fact store", "files")
        return load_store(location.path, progress)
    except StoreError as exc:
        invalid(exc)
    finally:
        gc.freeze()
        gc.enable()


def invalid(error: StoreError) -> NoReturn:
    for problem in error.problems:
        warn(str(problem))
    count = len(error.problems)
    fail(f"the fact store is invalid ({count} problem{'s' if count != 1 else ''})")


def writable_store(facts: Path | None) -> StoreLocation:
    """The store a command will write to, or exit 2 when it is the installed copy."""
    location = locate_facts(facts)
    try:
        writable(location)
    except ReadOnlyStoreError as exc:
        fail(
            f"{exc}; make a store to grow with `kzkr init DIR` and give it with --facts DIR"
            f" (or ${ENVIRONMENT_VARIABLE})"
        )
    return location


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def use_color(no_color: bool) -> bool:
    return stdout_is_terminal() and not no_color and not os.environ.get("NO_COLOR")


def emit(
    listing: Listing, fmt: OutputFormat | None, no_color: bool = False, wide: bool = False
) -> None:
    """Write a listing to stdout; a reader that closed the pipe ends the command quietly."""
    try:
        render(
            listing,
            fmt,
            sys.stdout,
            tty=stdout_is_terminal(),
            color=use_color(no_color),
            wide=wide,
        )
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_closed_pipe()


def write_text(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_closed_pipe()


def quiet_closed_pipe() -> NoReturn:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail, and stop."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(int(ExitCode.OK))
