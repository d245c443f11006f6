"""Rows of the compiled store back into records, built without validation (they were
validated when compiled), and only for the rows a command asks for."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from kzkr_cli.core.conflicts import Conflict, ConflictClaim, ConflictKind
from kzkr_cli.core.dates import Dating, PartialDate, coerce_dating
from kzkr_cli.core.models import (
    Change,
    DateClaim,
    Event,
    EventKind,
    Figure,
    Metric,
    Period,
    Qualifier,
    Source,
    SourceKind,
    Status,
    UndecidedFigure,
    Unit,
)

if TYPE_CHECKING:
    from kzkr_cli.core.conflicts.model import Detail

SOURCE_COLUMNS = "id, title, publisher, author, kind, published, published_note, document, url"
METRIC_COLUMNS = (
    "id, name, unit, description, tolerance, tolerance_note, part_of, change_of, value_of,"
    " plan_of, one_off, age_of, ranked_by"
)
FIGURE_COLUMNS = (
    "id, metric, value, as_written, qualifier, period_start, period_end, period_as_of,"
    " period_text, source, quote, note, change_before, change_after, status, period_inferred,"
    " step"
)
EVENT_COLUMNS = "id, kind, title, place, note"
UNDECIDED_COLUMNS = (
    "id, value, as_written, qualifier, period_start, period_end, period_as_of, period_text,"
    " source, quote, note, status, period_inferred"
)
CONFLICT_COLUMNS = "id, kind, subject, period, severity, explanation, groups"


@dataclass(frozen=True, slots=True)
class StoredConflict(Conflict):
    """A conflict as compiled: the engine's result with its explanation worded once, when
    it was found, so reading it needs neither the detectors nor their wording."""

    worded: str = ""

    @property
    def explanation(self) -> str:
        return self.worded


def _date(text: str | None) -> PartialDate | None:
    """A period's date (a year, month or day)."""
    return None if text is None else PartialDate.coerce(text)


def _dating(text: str | None) -> Dating | None:
    """A date claim's date or a publication date: a unit, or one day within a range."""
    return None if text is None else coerce_dating(text)


def source_of(row: Sequence[Any]) -> Source:
    """A source from SOURCE_COLUMNS."""
    return Source.model_construct(
        id=row[0],
        title=row[1],
        publisher=row[2],
        author=row[3],
        kind=SourceKind(row[4]),
        published=coerce_dating(row[5]),
        published_note=row[6],
        document=row[7],
        url=row[8],
    )


def metrics_of(connection: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> list[Metric]:
    """Metrics from METRIC_COLUMNS rows, with their aliases and look-alikes."""
    rows = list(rows)
    aliases: dict[str, list[str]] = {row[0]: [] for row in rows}
    look_alikes: dict[str, list[str]] = {row[0]: [] for row in rows}
    if aliases:
        for table, column, into in (
            ("metric_aliases", "alias", aliases),
            ("metric_look_alikes", "other", look_alikes),
        ):
            for metric, value in _in(
                connection,
                f"SELECT metric, {column} FROM {table} WHERE metric IN ({{}})"
                " ORDER BY metric, position",
                list(into),
            ):
                into[metric].append(value)
    return [
        Metric.model_construct(
            id=row[0],
            name=row[1],
            unit=Unit(row[2]),
            aliases=aliases[row[0]],
            description=row[3],
            tolerance=row[4],
            tolerance_note=row[5],
            part_of=row[6],
            change_of=row[7],
            value_of=row[8],
            plan_of=row[9],
            one_off=bool(row[10]),
            age_of=row[11],
            ranked_by=row[12],
            look_alikes=look_alikes[row[0]],
        )
        for row in rows
    ]


def _period_of(
    start: str | None, end: str | None, as_of: str | None, text: str | None, *, inferred: int
) -> Period:
    """A period from its columns: period_start, period_end, period_as_of, period_text and
    period_inferred, in figures and undecided_figures alike."""
    return Period.model_construct(
        start=_date(start),
        end=_date(end),
        as_of=_dating(as_of),
        text=text,
        inferred=bool(inferred),
    )


def figure_of(row: Sequence[Any]) -> Figure:
    """A figure from FIGURE_COLUMNS (its step, the last column, is not part of it)."""
    return Figure.model_construct(
        id=row[0],
        metric=row[1],
        value=row[2],
        as_written=row[3],
        qualifier=Qualifier(row[4]),
        period=_period_of(*row[5:9], inferred=row[15]),
        source=row[9],
        quote=row[10],
        note=row[11],
        change=None if row[12] is None else Change.model_construct(before=row[12], after=row[13]),
        status=Status(row[14]),
    )


def undecided_of(
    connection: sqlite3.Connection, rows: Iterable[Sequence[Any]]
) -> list[UndecidedFigure]:
    """Undecided figures from UNDECIDED_COLUMNS rows, with their candidate metrics."""
    rows = list(rows)
    candidates: dict[str, list[str]] = {row[0]: [] for row in rows}
    if candidates:
        for figure, metric in _in(
            connection,
            "SELECT figure, metric FROM undecided_candidates WHERE figure IN ({})"
            " ORDER BY figure, position",
            list(candidates),
        ):
            candidates[figure].append(metric)
    return [
        UndecidedFigure.model_construct(
            id=row[0],
            candidates=candidates[row[0]],
            value=row[1],
            as_written=row[2],
            qualifier=Qualifier(row[3]),
            period=_period_of(*row[4:8], inferred=row[12]),
            source=row[8],
            quote=row[9],
            note=row[10],
            status=Status(row[11]),
        )
        for row in rows
    ]


def events_of(connection: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> list[Event]:
    """Events from EVENT_COLUMNS rows, with their claims, actors and aliases."""
    rows = list(rows)
    ids = [row[0] for row in rows]
    claims: dict[str, list[DateClaim]] = {i: [] for i in ids}
    actors: dict[str, list[str]] = {i: [] for i in ids}
    aliases: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        for event, source, date, end, quote, derivation, planned, note, status in _in(
            connection,
            "SELECT event, source, date, end_date, quote, derivation, planned, note, status"
            " FROM date_claims"
            " WHERE event IN ({}) ORDER BY event, position",
            ids,
        ):
            claims[event].append(
                DateClaim.model_construct(
                    source=source,
                    date=coerce_dating(date),
                    end=_dating(end),
                    quote=quote,
                    derivation=derivation,
                    planned=bool(planned),
                    note=note,
                    status=Status(status),
                )
            )
        for table, column, into in (
            ("event_actors", "actor", actors),
            ("event_aliases", "alias", aliases),
        ):
            for event, value in _in(
                connection,
                f"SELECT event, {column} FROM {table} WHERE event IN ({{}})"
                " ORDER BY event, position",
                ids,
            ):
                into[event].append(value)
    return [
        Event.model_construct(
            id=row[0],
            kind=EventKind(row[1]),
            title=row[2],
            actors=actors[row[0]],
            place=row[3],
            aliases=aliases[row[0]],
            note=row[4],
            claims=claims[row[0]],
        )
        for row in rows
    ]


def conflicts_of(connection: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> list[Conflict]:
    """Conflicts from CONFLICT_COLUMNS rows, with their claims, in the rows' order."""
    rows = list(rows)
    claims: dict[str, list[ConflictClaim]] = {row[0]: [] for row in rows}
    if claims:
        for row in _in(
            connection,
            "SELECT conflict, fact, source, value, date, end_date, quote, as_written, period,"
            " low, high, claim, derivation FROM conflict_claims WHERE conflict IN ({})"
            " ORDER BY conflict, position",
            list(claims),
        ):
            claims[row[0]].append(
                ConflictClaim(
                    fact=row[1],
                    source=row[2],
                    value=row[3],
                    date=row[4],
                    end=row[5],
                    quote=row[6],
                    as_written=row[7],
                    period=row[8],
                    low=row[9],
                    high=row[10],
                    claim=row[11],
                    derivation=row[12],
                )
            )
    return [
        StoredConflict(
            id=row[0],
            kind=ConflictKind(row[1]),
            subject=row[2],
            period=row[3],
            severity=row[4],
            worded=row[5],
            claims=tuple(claims[row[0]]),
            groups=tuple(tuple(group) for group in json.loads(row[6])),
            detail=_WORDED,
        )
        for row in rows
    ]


_WORDED = cast("Detail", None)
"""A stored conflict's detail: what the wording needs, and a stored conflict is worded."""

_CHUNK = 500
"""Ids per ``IN (…)`` list: well under SQLite's limit on bound parameters."""


def _in(connection: sqlite3.Connection, sql: str, ids: list[str]) -> Iterable[Sequence[Any]]:
    """Rows of ``sql`` (whose ``{}`` is an id list) for every id, a chunk at a time."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield from connection.execute(sql.format(",".join("?" * len(chunk))), chunk)
