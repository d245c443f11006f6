"""Records written into TOML files with tomlkit, which keeps every comment and the layout
of the lines it does not change (loaded only when a command writes)."""

from __future__ import annotations

from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Table

from kzkr_cli.core.drafting.reader import Drafting
from kzkr_cli.core.models import DateClaim, Event, Figure, Source, UndecidedFigure
from kzkr_cli.core.store import Store, toml_files

Write = tuple[Path, str, bool]
"""A file to write: its path, its whole new text, and whether it must not exist yet."""


def record_table(record: Source | Figure | UndecidedFigure | DateClaim) -> Table:
    """A record as a TOML table: its fields in model order, defaults and empties left out
    (an unset flag such as ``planned`` too) but for ``status``, which a draft always states;
    a period as an inline table."""
    data = record.model_dump(mode="json", exclude_none=True)
    table = tomlkit.table()
    for key, value in data.items():
        if value == [] or value is False or (key == "qualifier" and value == "exact"):
            continue
        if isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update({k: v for k, v in value.items() if v is not False})
            table[key] = inline
        else:
            table[key] = value
    return table


def event_table(event: Event) -> Table:
    table = tomlkit.table()
    for key, value in event.model_dump(mode="json", exclude_none=True, by_alias=True).items():
        if key == "claim" or value == []:
            continue
        table[key] = value
    claims = tomlkit.aot()
    for claim in event.claims:
        claims.append(record_table(claim))
    table["claim"] = claims
    return table


def _parse(path: Path) -> tomlkit.TOMLDocument:
    return tomlkit.parse(path.read_text(encoding="utf-8"))


def _array(doc: tomlkit.TOMLDocument, key: str) -> AoT:
    if key not in doc:
        doc[key] = tomlkit.aot()
    found = doc[key]
    assert isinstance(found, AoT)
    return found


def _append(array: AoT, table: Table) -> None:
    """Add a table to an array of tables read from a file, a blank line before it."""
    if len(array) and not array[-1].as_string().endswith("\n\n"):
        array[-1].add(tomlkit.nl())
    array.append(table)


def find_event(root: Path, event_id: str) -> tuple[Path, tomlkit.TOMLDocument, Table]:
    """The file and table of an event, found by reading the files that mention its id."""
    needle = f'"{event_id}"'
    for path in toml_files(root):
        if needle not in path.read_text(encoding="utf-8"):
            continue
        doc = _parse(path)
        for table in doc.get("event", []):
            if table.get("id") == event_id:
                return path, doc, table
    raise LookupError(event_id)


def planned_writes(store: Store, drafting: Drafting) -> list[Write]:
    """Every file the drafting changes, in the order to write them: figures, events, then
    the source."""
    root = store.root
    source = drafting.source
    writes: list[Write] = []
    if drafting.figures:
        doc = tomlkit.document()
        doc.add(tomlkit.comment(f"Drafts from {source.document} ({source.title}); review with"))
        doc.add(tomlkit.comment(f"`kzkr review {source.id}`."))
        doc.add(tomlkit.nl())
        figures = tomlkit.aot()
        for figure in drafting.figures:
            figures.append(record_table(figure))
        doc["figure"] = figures
        writes.append((root / "figures" / f"{source.id}.toml", tomlkit.dumps(doc), True))
    edited: dict[Path, tomlkit.TOMLDocument] = {}
    new_events = root / "events.toml"
    for drafted in drafting.claims:
        if drafted.new_event is not None:
            if new_events not in edited:
                edited[new_events] = (
                    _parse(new_events) if new_events.exists() else tomlkit.document()
                )
            _append(_array(edited[new_events], "event"), event_table(drafted.new_event))
            continue
        path, doc, table = find_event(root, drafted.event_id)
        if path in edited:  # a second claim for a file already being edited: edit that copy
            doc = edited[path]
            table = next(t for t in doc["event"] if t.get("id") == drafted.event_id)
        edited[path] = doc
        _append(table["claim"], record_table(drafted.claim))
    for path, doc in edited.items():
        writes.append((path, tomlkit.dumps(doc), False))
    sources = root / "sources.toml"
    doc = _parse(sources) if sources.exists() else tomlkit.document()
    _append(_array(doc, "source"), record_table(source))
    writes.append((sources, tomlkit.dumps(doc), not sources.exists()))
    return writes
