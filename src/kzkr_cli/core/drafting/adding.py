"""Adding a source to a store: check the input, draft its records, write them.

Everything is checked and composed before the first write, so bad input leaves the store
as it was; each file is then written atomically (``files.write_atomically``), the source
last, so an interrupted add never leaves records citing a source the store lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.drafting.reader import Drafting, draft_records
from kzkr_cli.core.errors import KzkrError
from kzkr_cli.core.files import write_atomically
from kzkr_cli.core.locate import documents_folder
from kzkr_cli.core.models import Source
from kzkr_cli.core.store import Store

MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
"""A document larger than this is refused: a news article is a few kilobytes."""


class InputError(KzkrError):
    """What was given to ``kzkr add`` cannot be used; every problem, nothing written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True, slots=True)
class AddRequest:
    document: Path
    source: dict[str, Any]
    """The source's fields as given (id, title, publisher, published, kind, url, author)."""


@dataclass(frozen=True, slots=True)
class Added:
    drafting: Drafting
    written: list[Path]


def read_document(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise InputError([f"{path}: {size} bytes is too big for a document"])
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([f"{path}: cannot be read: {exc.strerror or exc}"]) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            [f"{path}: is not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})"]
        ) from exc


def new_source(store: Store, fields: dict[str, Any]) -> Source:
    """The source as a record, with its document named after its id."""
    given = {k: v for k, v in fields.items() if v is not None}
    problems: list[str] = []
    try:
        source = Source.model_validate({**given, "document": f"{given.get('id', '')}.txt"})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            where = ".".join(str(p) for p in error["loc"])
            name = "--source" if where in ("id", "document") else f"--{where}"
            problems.append(f"{name}: {error['msg'].removeprefix('Value error, ')}")
        raise InputError(problems) from exc
    if source.id in store.files:
        raise InputError([f"--source: {source.id!r} is already used (in {store.files[source.id]})"])
    return source


def add_source(store: Store, request: AddRequest, index: StoreIndex | None = None) -> Added:
    """Copy the document into the store, add the source and its draft records."""
    from kzkr_cli.core.drafting.toml_edit import planned_writes

    text = read_document(request.document)
    source = new_source(store, request.source)
    document = documents_folder(store.root) / source.document
    if document.exists():
        raise InputError([f"{document} exists: another document has this name"])
    drafting = draft_records(store, source, text, index or StoreIndex.build(store))
    writes = planned_writes(store, drafting)
    clashes = [str(path) for path, _, fresh in writes if fresh and path.exists()]
    if clashes:
        raise InputError([f"{path} exists" for path in clashes])
    document.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(document, text)
    written = [document]
    for path, content, fresh in writes:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content, overwrite=not fresh)
        written.append(path)
    return Added(drafting, written)
