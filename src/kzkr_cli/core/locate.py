"""Where the fact store is: an explicit folder, $KZKR_FACTS, ./facts, or the shipped copy."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

ENVIRONMENT_VARIABLE = "KZKR_FACTS"
DOCUMENTS = "documents"
"""The folder inside a store that holds the text of every source."""


def documents_folder(root: Path) -> Path:
    """Where a store keeps its sources' documents: they travel with the store."""
    return root / DOCUMENTS


def installed_facts() -> Path:
    """The read-only copy of the store installed inside the package."""
    return Path(__file__).resolve().parent.parent / "facts"


def shipped_facts() -> Path:
    """The copy of the store installed inside the package; in an editable install from a
    checkout, where the package has no copy, the checkout's own facts folder."""
    inside = installed_facts()
    package = inside.parent
    checkout = package.parent.parent / "facts"
    if not inside.is_dir() and package.parent.name == "src" and checkout.is_dir():
        return checkout
    return inside


class Chosen(StrEnum):
    """How the store was chosen, in the order the choices are tried."""

    OPTION = "--facts"
    ENVIRONMENT = f"${ENVIRONMENT_VARIABLE}"
    WORKING_FOLDER = "./facts"
    SHIPPED = "shipped with kzkr"


@dataclass(frozen=True, slots=True)
class StoreLocation:
    """A store folder, how it was chosen, and whether it is the installed copy (which a
    reinstall replaces, so nothing may write to it)."""

    path: Path
    chosen: Chosen

    @property
    def installed(self) -> bool:
        return is_installed_copy(self.path)

    def describe(self) -> str:
        """One line saying which store is read, for stderr."""
        if self.installed:
            return f"store: {self.path} (the read-only copy installed with kzkr)"
        return f"store: {self.path} (from {self.chosen.value})"


def is_installed_copy(path: Path) -> bool:
    try:
        return path.resolve() == installed_facts()
    except OSError:
        return False


def locate_facts(
    option: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> StoreLocation:
    if option is not None:
        return StoreLocation(option, Chosen.OPTION)
    env = os.environ if environ is None else environ
    if env.get(ENVIRONMENT_VARIABLE):
        return StoreLocation(Path(env[ENVIRONMENT_VARIABLE]), Chosen.ENVIRONMENT)
    local = (cwd or Path.cwd()) / "facts"
    if local.is_dir():
        return StoreLocation(local, Chosen.WORKING_FOLDER)
    return StoreLocation(shipped_facts(), Chosen.SHIPPED)


def find_facts(
    option: Path | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Path:
    return locate_facts(option, environ, cwd).path
