"""The floor of the stack: a one-command Typer app that imports pydantic and tomli.

No kzkr command can start faster than this; the benchmark reports each command against it.
"""

from __future__ import annotations

import pydantic
import tomli
import typer

app = typer.Typer(add_completion=False)


@app.command()
def floor() -> None:
    """Print one line."""
    print(f"floor: pydantic {pydantic.VERSION}, tomli {tomli.__name__}")


if __name__ == "__main__":
    app()
