"""Reviewing a source's drafts: each decision is written to its TOML file at once (with
tomlkit, keeping comments and layout), so stopping half-way loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomlkit
from pydantic import ValidationError
from tomlkit.items import AoT, Table

from kzkr_cli.core.checker.index import fits
from kzkr_cli.core.drafting.toml_edit import find_event
from kzkr_cli.core.errors import KzkrError
from kzkr_cli.core.files import write_atomically
from kzkr_cli.core.models import DateClaim, Figure, Period, Status, UndecidedFigure
from kzkr_cli.core.numbers import parse_quantity
from kzkr_cli.core.store import Store, toml_files


class ReviewError(KzkrError):
    """A reviewer's edit that would make the record invalid; nothing is written."""


@dataclass(frozen=True, slots=True)
class Draft:
    """One record awaiting review: a figure (decided or not) or an event's date claim."""

    record: Figure | UndecidedFigure | DateClaim
    event_id: str | None = None
    claim_index: int | None = None

    @property
    def key(self) -> str:
        if self.event_id is not None:
            return f"{self.event_id}.claim.{self.claim_index}"
        return self.record.id  # type: ignore[union-attr]

    @property
    def candidates(self) -> list[str]:
        return list(self.record.candidates) if isinstance(self.record, UndecidedFigure) else []

    @property
    def decided(self) -> bool:
        return not isinstance(self.record, UndecidedFigure)


def drafts_of(store: Store, source: str) -> list[Draft]:
    """The source's drafts in the order they were drafted: figures, then dates."""
    found: list[Draft] = [
        Draft(f) for f in store.figures.values() if f.source == source and f.status is Status.DRAFT
    ]
    found += [Draft(f) for f in store.undecided.values() if f.source == source]
    for event in store.events.values():
        for index, claim in enumerate(event.claims):
            if claim.source == source and claim.status is Status.DRAFT:
                found.append(Draft(claim, event.id, index))
    return found


Change = Callable[[Table], None]


def _edit(root: Path, draft: Draft, change: Change | None) -> None:
    """Apply ``change`` to the draft's table in its file, or remove it when None."""
    if draft.event_id is not None:
        path, doc, event = find_event(root, draft.event_id)
        claims = event["claim"]
        assert isinstance(claims, AoT)
        index = draft.claim_index or 0
        if change is not None:
            change(claims[index])
        elif len(claims) == 1:
            events = doc["event"]
            assert isinstance(events, AoT)
            del events[next(i for i, e in enumerate(events) if e.get("id") == draft.event_id)]
        else:
            del claims[index]
    else:
        path, doc, figures, index = _find_figure(root, draft.key)
        if change is not None:
            change(figures[index])
        else:
            del figures[index]
    write_atomically(path, tomlkit.dumps(doc), overwrite=True)


def _find_figure(root: Path, figure_id: str) -> tuple[Path, tomlkit.TOMLDocument, AoT, int]:
    needle = f'"{figure_id}"'
    for path in toml_files(root):
        if needle not in path.read_text(encoding="utf-8"):
            continue
        doc = tomlkit.parse(path.read_text(encoding="utf-8"))
        figures = doc.get("figure")
        if isinstance(figures, AoT):
            for index, table in enumerate(figures):
                if table.get("id") == figure_id:
                    return path, doc, figures, index
    raise LookupError(figure_id)


def accept(root: Path, draft: Draft) -> None:
    """Mark the draft reviewed; a figure must have its metric by then."""

    def change(table: Table) -> None:
        if draft.event_id is None and "metric" not in table:
            raise ReviewError(f"{draft.key}: choose its metric first")
        table["status"] = Status.REVIEWED.value

    _edit(root, draft, change)


def choose_metric(root: Path, draft: Draft, metric: str, store: Store) -> None:
    """Give a figure its metric (and so decide it); it stays a draft until accepted."""
    if metric not in store.metrics:
        raise ReviewError(f"unknown metric {metric!r}")
    record = draft.record
    if isinstance(record, DateClaim):
        raise ReviewError(f"{draft.key} is a date, not a figure")
    unit = store.metrics[metric].unit
    if not fits(parse_quantity(record.as_written), unit):
        raise ReviewError(f"{record.as_written!r} does not read as {unit.value} (metric {metric})")

    def change(table: Table) -> None:
        if "candidates" in table:
            del table["candidates"]
        table["metric"] = metric

    _edit(root, draft, change)


def edit_value(root: Path, draft: Draft, as_written: str) -> None:
    """A new ``as_written`` (the words the source uses); the value is read from it."""
    if draft.event_id is not None:
        raise ReviewError(f"{draft.key} is a date, not a figure")
    try:
        quantity = parse_quantity(as_written)
    except ValueError as exc:
        raise ReviewError(str(exc)) from exc

    def change(table: Table) -> None:
        table["as_written"] = as_written
        table["value"] = quantity.value
        if quantity.qualifier.value == "exact":
            if "qualifier" in table:
                del table["qualifier"]
        else:
            table["qualifier"] = quantity.qualifier.value

    _edit(root, draft, change)


def edit_period(root: Path, draft: Draft, period: str) -> None:
    """A figure's period as ``2024``, ``2024-01/2024-09`` or ``as of 2024-06``; a date
    claim's date as ``2024-06-11`` or ``2024-06-11/2024-06-13``."""
    text = period.strip()
    if draft.event_id is not None:
        date, _, end = text.partition("/")
        fields = {"date": date, **({"end": end} if end else {})}
        try:
            DateClaim.model_validate({"source": "x", "quote": "x", **fields})
        except ValidationError as exc:
            raise ReviewError(_message(exc)) from exc

        def change_claim(table: Table) -> None:
            table["date"] = fields["date"]
            if "end" in fields:
                table["end"] = fields["end"]
            elif "end" in table:
                del table["end"]

        _edit(root, draft, change_claim)
        return
    if text.startswith("as of "):
        shape = {"as_of": text.removeprefix("as of ").strip()}
    else:
        start, _, end = text.partition("/")
        shape = {"start": start, **({"end": end} if end else {})}
    try:
        Period.model_validate(shape)
    except ValidationError as exc:
        raise ReviewError(_message(exc)) from exc

    def change(table: Table) -> None:
        old = table.get("period")
        inline = tomlkit.inline_table()
        inline.update(shape)
        if isinstance(old, dict) and old.get("text"):
            inline["text"] = old["text"]
        table["period"] = inline

    _edit(root, draft, change)


def drop(root: Path, draft: Draft) -> None:
    _edit(root, draft, None)


def _message(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
        for e in exc.errors(include_url=False)
    )
