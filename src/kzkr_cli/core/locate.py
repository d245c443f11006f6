"""Where the fact store is: an explicit folder, $KZKR_FACTS, ./facts, or the shipped copy."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENVIRONMENT_VARIABLE = "KZKR_FACTS"
DOCUMENTS = "documents"
"""The folder inside a store that holds the text of every source."""


def documents_folder(root: Path) -> Path:
    """Where a store keeps its sources' documents: they travel with the store."""
    return root / DOCUMENTS


def shipped_facts() -> Path:
    """The copy of the store installed inside the package; in an editable install from a
    checkout, where the package has no copy, the checkout's own facts folder."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "facts"
    checkout = package.parent.parent / "facts"
    if not inside.is_dir() and package.parent.name == "src" and checkout.is_dir():
        return checkout
    return inside


def find_facts(
    option: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Path:
    if option is not None:
        return option
    env = os.environ if environ is None else environ
    if env.get(ENVIRONMENT_VARIABLE):
        return Path(env[ENVIRONMENT_VARIABLE])
    local = (cwd or Path.cwd()) / "facts"
    if local.is_dir():
        return local
    return shipped_facts()
