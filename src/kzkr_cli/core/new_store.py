"""Making a store to grow: a copy of the shipped one, or the metric vocabulary alone."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kzkr_cli.core.errors import ReadOnlyStoreError, TargetExistsError
from kzkr_cli.core.locate import StoreLocation, documents_folder, shipped_facts

VOCABULARY = "metrics.toml"
_AGE_OF = re.compile(r"^age_of = .*\n", re.MULTILINE)
EMPTY_SOURCES = """\
# The sources of this store: `kzkr add` appends one per document; `document` names its text
# in documents/.
"""


@dataclass(frozen=True, slots=True)
class NewStore:
    path: Path
    files: int
    documents: int


def init_store(target: Path, *, empty: bool = False, template: Path | None = None) -> NewStore:
    """Create ``target`` as a copy of ``template`` (the shipped store), or with ``empty``
    its metric vocabulary only; built beside the target and renamed into place, so a
    failed copy leaves nothing behind. A target that exists must be an empty folder."""
    template = template or shipped_facts()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise TargetExistsError(str(target), "exists and is not an empty folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        if empty:
            # An age counts from an event (age_of), and an empty store has no events yet.
            vocabulary = (template / VOCABULARY).read_text(encoding="utf-8")
            vocabulary = _AGE_OF.sub("", vocabulary)
            (building / VOCABULARY).write_text(vocabulary, encoding="utf-8")
            (building / "sources.toml").write_text(EMPTY_SOURCES, encoding="utf-8")
            documents_folder(building).mkdir()
        else:
            shutil.copytree(
                template,
                building,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns(".*", "__pycache__"),
            )
            documents_folder(building).mkdir(exist_ok=True)
        if target.exists():
            target.rmdir()
        building.rename(target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return NewStore(
        target,
        sum(1 for _ in target.rglob("*.toml")),
        sum(1 for p in documents_folder(target).iterdir() if p.is_file()),
    )


def writable(location: StoreLocation) -> Path:
    """The store's folder, when kzkr may write to it; the installed copy is refused."""
    if location.installed:
        raise ReadOnlyStoreError(str(location.path))
    return location.path
