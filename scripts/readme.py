"""Generates the README's tour and command reference with cog, so they cannot drift.

Regenerate: cog -I scripts -r README.md   Check (CI): cog -I scripts --check README.md
"""

from __future__ import annotations

import ast
import os
import shlex
from pathlib import Path

import cog  # type: ignore[import-not-found]
from typer.testing import CliRunner

from kzkr_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
WIDTH = "80"
"""The tour shows what a terminal of 80 columns shows."""
HELP_WIDTH = "100"
"""The command reference is wider, so that each command's summary fits on its line."""


def _run(command: str, width: str = WIDTH) -> str:
    """Run a kzkr command line (with an optional `| head -N`) on the shipped store."""
    words, _, pipe = command.partition(" | ")
    args = shlex.split(words)[1:]
    env = {"KZKR_FACTS": str(ROOT / "facts"), "COLUMNS": width, "NO_COLOR": "1"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = CliRunner().invoke(app, args, prog_name="kzkr", terminal_width=int(width))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    output = result.stdout
    if pipe.startswith("head -"):
        output = "\n".join(output.splitlines()[: int(pipe.removeprefix("head -"))]) + "\n"
    elif pipe == "cut -f1":
        output = "".join(line.split("\t")[0] + "\n" for line in output.splitlines())
    return output.rstrip("\n") + (f"\n(exit {result.exit_code})" if result.exit_code else "")


def example(command: str) -> None:
    """A fenced block: the command line, then its real output."""
    cog.outl("```console")
    cog.outl(f"$ {command}")
    cog.outl(_run(command))
    cog.outl("```")


def reference() -> None:
    """`--help` of kzkr and of every command."""
    names = [
        "",
        *sorted(
            command.name or getattr(command.callback, "__name__", "")
            for command in app.registered_commands
        ),
    ]
    for name in names:
        title = f"kzkr {name}".strip()
        cog.outl(f"### `{title}`")
        cog.outl("```text")
        cog.outl(_run(f"{title} --help", HELP_WIDTH))
        cog.outl("```")


def tables() -> None:
    """The compiled store's tables and columns, from the description the code keeps."""
    from kzkr_cli.core.compiled.schema import SEARCHED, TABLES

    for table, (description, columns) in TABLES.items():
        searched = SEARCHED.get(table)
        search = f" Full-text index `{table}_fts` over {', '.join(searched)}." if searched else ""
        cog.outl(f"- **`{table}`** — {description}{search}")
        for column, meaning in columns.items():
            cog.outl(f"  `{column}`: {meaning}" + ("" if meaning.endswith(".") else "."))


def report_example(command: str) -> None:
    """Run a `kzkr report` line in an empty folder; show it, then the page's outline: each
    heading and figure with the anchor a link to it uses."""
    import html
    import re
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        here = Path.cwd()
        os.chdir(folder)
        try:
            output = _run(command)
            page = Path(shlex.split(command)[shlex.split(command).index("--output") + 1])
            text = page.read_text(encoding="utf-8")
        finally:
            os.chdir(here)
    cog.outl("```console")
    cog.outl(f"$ {command}" + (f"\n{output}" if output else ""))
    cog.outl("```")
    cog.outl("```text")
    pattern = r'<(section|article|tr)[^>]* id="([^"]+)"[^>]*>\s*(?:<h(\d)>(.*?)</h\3>)?'
    for match in re.finditer(pattern, text):
        tag, anchor, level, heading = match.groups()
        if tag == "tr":
            cog.outl(f"    #{anchor}")
            continue
        if heading is None or level not in {"2", "3"}:
            continue
        words = html.unescape(re.sub(r"<[^>]+>", "", heading))
        indent = "  " * (int(level) - 2)
        cog.outl(f"{indent}#{anchor}  {' '.join(words.split())}")
    cog.outl("```")


def where_things_live() -> None:
    """One line per package and module of kzkr, from the first sentence of its docstring, so
    the map cannot drift from the code."""
    package = ROOT / "src" / "kzkr_cli"
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.name == "__main__.py":
            continue
        name = f"{relative.parent.as_posix()}/" if relative.name == "__init__.py" else str(relative)
        if name == "./":
            name = "kzkr_cli/"
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        summary = " ".join(doc.split("\n\n", 1)[0].split())
        first = summary.split(". ", 1)[0].rstrip(".")
        cog.outl(f"- `{name}` — {first}.")


def session(article: str, commands: list[str]) -> None:
    """A fenced block of commands run one after another in a fresh folder holding a copy
    of a test article as ``article.txt``, as a user would type them (stderr included)."""
    import tempfile

    cog.outl("```console")
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "article.txt").write_text(
            (ROOT / "tests" / "data" / "articles" / article).read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        env = {"COLUMNS": WIDTH, "NO_COLOR": "1", "KZKR_CACHE": "off"}
        saved = {k: os.environ.get(k) for k in [*env, "KZKR_FACTS"]}
        before = Path.cwd()
        os.environ.update(env)
        os.environ.pop("KZKR_FACTS", None)
        os.chdir(folder)
        try:
            for command in commands:
                args = shlex.split(command)[1:]
                result = CliRunner().invoke(app, args, prog_name="kzkr", terminal_width=int(WIDTH))
                cog.outl(f"$ {command}")
                output = result.output.rstrip("\n")
                if output:
                    cog.outl(output)
                if result.exit_code:
                    cog.outl(f"(exit {result.exit_code})")
        finally:
            os.chdir(before)
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    cog.outl("```")
