"""Load the fact store from TOML files, reporting every problem in one pass."""

from __future__ import annotations

import gc
import math
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kzkr_cli.core.errors import Problem, StoreError
from kzkr_cli.core.formatting import format_number
from kzkr_cli.core.intervals import Interval, interval_of
from kzkr_cli.core.models import (
    Event,
    Figure,
    Metric,
    Qualifier,
    Source,
    UndecidedFigure,
    Unit,
)

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A fact store file larger than this is refused rather than read."""

_TABLES: dict[str, type[BaseModel]] = {
    "source": Source,
    "metric": Metric,
    "figure": Figure,
    "event": Event,
}


@dataclass
class Store:
    """The validated records, indexed for the queries and engines that read them."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    undecided: dict[str, UndecidedFigure] = field(default_factory=dict)
    """Drafted figures whose metric is still to be chosen: kept out of every comparison."""
    steps: dict[str, float] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    def interval(self, figure: Figure) -> Interval:
        """The figure's interval: its written precision, qualifier and the metric's tolerance."""
        metric = self.metrics[figure.metric]
        return interval_of(figure.value, self.steps[figure.id], figure.qualifier, metric.tolerance)

    def problem(self, record_id: str, kind: str, field_name: str, message: str) -> Problem:
        """A problem with a loaded record, placed at the file and line it was read from."""
        origin = self.files.get(record_id, "?")
        file, _, line = origin.rpartition(":")
        if not line.isdigit():
            file, line = origin, ""
        return Problem(
            file,
            message,
            line=int(line) if line else None,
            record=f"{kind} {record_id}",
            field=field_name,
        )

    def figures_of(self, metric_id: str) -> list[Figure]:
        return [f for f in self.figures.values() if f.metric == metric_id]

    def record(self, record_id: str) -> Source | Metric | Figure | Event | UndecidedFigure | None:
        for table in (self.sources, self.metrics, self.figures, self.events, self.undecided):
            if record_id in table:
                return table[record_id]
        return None


def toml_files(root: Path) -> list[Path]:
    """Every ``*.toml`` below ``root``; an OSError names the first folder that cannot be read."""
    files, unreadable = _walk(root)
    if unreadable:
        raise unreadable[0]
    return files


def _walk(root: Path) -> tuple[list[Path], list[OSError]]:
    """The ``*.toml`` files below ``root`` and every folder that could not be listed: a
    folder skipped in silence would leave a partial store that validates."""
    unreadable: list[OSError] = []
    found: list[Path] = []
    for folder, _, names in os.walk(root, onerror=unreadable.append):
        found.extend(Path(folder, n) for n in names if n.endswith(".toml"))
    return sorted(p for p in found if p.is_file()), unreadable


Progress = Callable[[int, int], None]
"""Told ``(files read, files in all)`` after each file, so a caller can show how far loading is."""

Reader = Callable[[Path, bytes], None]
"""Told each file's path and the exact bytes that were parsed, so a caller (the compiled
store) can fingerprint what the store was made from, not what the files hold a moment later."""

Reuse = Callable[[Path, bytes, "Store"], set[str] | None]
"""Told each file's path and bytes before they are parsed; when it holds that file's records
from an earlier load of the same bytes, it adds them to the store (with their steps and
origins) and returns their ids, which are then not checked again on their own; else None."""


def load_store(
    root: Path,
    progress: Progress | None = None,
    *,
    on_read: Reader | None = None,
    reuse: Reuse | None = None,
) -> Store:
    """Read and validate every ``*.toml`` below ``root``; raise StoreError listing all problems.

    With ``reuse``, a file it already holds is not parsed or validated again; references
    across files are checked for every record all the same."""
    problems: list[Problem] = []
    if not root.exists():
        raise StoreError([Problem(str(root), "facts folder not found")])
    if not root.is_dir():
        raise StoreError([Problem(str(root), "is not a folder")])
    files, unreadable = _walk(root)
    problems.extend(
        Problem(
            display_path(Path(error.filename or root)),
            f"folder cannot be read: {error.strerror or error}",
        )
        for error in unreadable
    )
    if not files:
        problems.append(Problem(str(root), "no .toml files: the facts folder is empty"))
        raise StoreError(problems)
    store = Store(root=root)
    reused: set[str] = set()
    with collector_paused():
        for done, path in enumerate(files, start=1):
            parsed = _parse_file(path, on_read, store, reuse, reused)
            problems.extend(parsed.problems)
            _add_records(parsed, store, problems)
            if progress is not None:
                progress(done, len(files))
        problems.extend(_check_references(store, reused, parsed=not problems))
    if problems:
        raise StoreError(problems)
    return store


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are made: they hold no cycles, and
    its full passes over a growing heap cost more than the loading itself in a large store."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def display_path(path: Path) -> str:
    """A file's name as problems give it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass
class _ParsedFile:
    """One file read and parsed: its tables, or the problems that stopped it."""

    name: str
    data: dict[str, Any] = field(default_factory=dict)
    locator: _Locator | None = None
    problems: list[Problem] = field(default_factory=list)


def _parse_file(
    path: Path,
    on_read: Reader | None = None,
    store: Store | None = None,
    reuse: Reuse | None = None,
    reused: set[str] | None = None,
) -> _ParsedFile:
    parsed = _ParsedFile(display_path(path))
    name = parsed.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            parsed.problems.append(
                Problem(
                    name,
                    f"{size} bytes is too big for a fact store file (at most {MAX_FILE_BYTES})",
                )
            )
            return parsed
        raw = path.read_bytes()
    except OSError as exc:
        parsed.problems.append(Problem(name, f"cannot be read: {exc.strerror or exc}"))
        return parsed
    if on_read is not None:
        on_read(path, raw)
    if reuse is not None and store is not None and reused is not None:
        ids = reuse(path, raw, store)
        if ids is not None:
            reused |= ids
            return parsed
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        parsed.problems.append(
            Problem(name, f"is not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})")
        )
        return parsed
    import tomli  # here, not at the top: a command answered from the compiled store never parses

    try:
        parsed.data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line = _toml_error_line(exc)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        parsed.problems.append(Problem(name, f"invalid TOML: {message}", line=line))
        return parsed
    except RecursionError:
        parsed.problems.append(Problem(name, "invalid TOML: nested too deeply for a fact store"))
        return parsed
    parsed.locator = _Locator(text, parsed.data)
    return parsed


def _add_records(parsed: _ParsedFile, store: Store, problems: list[Problem]) -> None:
    name, locator = parsed.name, parsed.locator
    if locator is None:
        return
    for key, rows in parsed.data.items():
        model = _TABLES.get(key)
        if model is None:
            expected = ", ".join(f"[[{k}]]" for k in _TABLES)
            problems.append(
                Problem(
                    name, f"unknown table [[{key}]] (expected {expected})", line=locator.table(key)
                )
            )
            continue
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            problems.append(
                Problem(
                    name, f"{key} must be an array of tables: [[{key}]]", line=locator.table(key)
                )
            )
            continue
        for index, row in enumerate(rows):
            _load_record(key, model, row, index, name, locator, store, problems)


def _load_record(
    key: str,
    model: type[BaseModel],
    row: dict[str, Any],
    index: int,
    name: str,
    locator: _Locator,
    store: Store,
    problems: list[Problem],
) -> None:
    table_name = key
    if key == "figure" and (
        "candidates" in row or ("metric" not in row and row.get("status") == "draft")
    ):
        model, table_name = UndecidedFigure, "undecided"
    record_id = row.get("id") if isinstance(row.get("id"), str) else None
    label = f"{key} {record_id}" if record_id else f"{key} #{index + 1}"
    line = locator.record(key, index, record_id)
    try:
        record = model.model_validate(row)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            where = ".".join(str(part) for part in error["loc"]) or None
            message = error["msg"].removeprefix("Value error, ")
            problems.append(Problem(name, message, line=line, record=label, field=where))
        return
    table: dict[str, Any] = getattr(
        store, table_name if table_name == "undecided" else table_name + "s"
    )
    rid = str(row["id"])
    if rid in store.files:
        problems.append(
            Problem(
                name,
                f"duplicate id (first defined in {store.files[rid]})",
                line=line,
                record=label,
                field="id",
            )
        )
        return
    store.files[rid] = f"{name}:{line}" if line else name
    table[rid] = record


def _toml_error_line(exc: ValueError) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"at line (\d+)", str(exc))
    return int(match.group(1)) if match else None


_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]", re.MULTILINE)
_ID = re.compile(r'^[ \t]*id[ \t]*=[ \t]*"([^"\n]*)"', re.MULTILINE)


class _Locator:
    """Finds the line a record starts on, since tomli keeps no positions."""

    def __init__(self, text: str, data: dict[str, Any]) -> None:
        self._headers: dict[str, list[int]] = defaultdict(list)
        self._ids: dict[str, int] = {}
        for key, line in _lines_of(_HEADER, text):
            self._headers[key].append(line)
        inline = any(
            isinstance(rows, list) and len(rows) > len(self._headers.get(key, ()))
            for key, rows in data.items()
        )
        if inline:  # records written as inline tables have no [[header]]: find them by id
            for ident, line in _lines_of(_ID, text):
                self._ids.setdefault(ident, line)

    def table(self, key: str) -> int | None:
        lines = self._headers.get(key)
        return lines[0] if lines else None

    def record(self, key: str, index: int, record_id: str | None) -> int | None:
        lines = self._headers.get(key, [])
        if index < len(lines):
            return lines[index]
        return self._ids.get(record_id) if record_id else None


def _lines_of(pattern: re.Pattern[str], text: str) -> Iterator[tuple[str, int]]:
    """Each match's first group and the line it is on."""
    line, counted = 1, 0
    for match in pattern.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        yield match.group(1), line


def _check_references(
    store: Store, reused: AbstractSet[str] = frozenset(), *, parsed: bool = True
) -> Iterator[Problem]:
    """Every reference, for every record; a figure's value only when it or its metric is new
    (a reused figure with a reused metric was checked when they were first loaded)."""
    problem = store.problem
    for figure in store.figures.values():
        if figure.source not in store.sources:
            yield problem(figure.id, "figure", "source", f"unknown source {figure.source!r}")
        metric = store.metrics.get(figure.metric)
        if metric is None:
            yield problem(figure.id, "figure", "metric", f"unknown metric {figure.metric!r}")
        if figure.change is not None:
            for part in ("before", "after"):
                target = getattr(figure.change, part)
                if target not in store.figures:
                    yield problem(
                        figure.id, "figure", f"change.{part}", f"unknown figure {target!r}"
                    )
        if figure.id not in reused or figure.metric not in reused:
            yield from _check_value(store, figure, metric)
    for undecided in store.undecided.values():
        if undecided.source not in store.sources:
            yield problem(undecided.id, "figure", "source", f"unknown source {undecided.source!r}")
        for index, candidate in enumerate(undecided.candidates):
            if candidate not in store.metrics:
                yield problem(
                    undecided.id, "figure", f"candidates.{index}", f"unknown metric {candidate!r}"
                )
        yield from _check_value(store, undecided, None)
    for metric in store.metrics.values():
        yield from _check_relations(store, metric, parsed=parsed)
    for event in store.events.values():
        for index, claim in enumerate(event.claims):
            if claim.source not in store.sources:
                yield problem(
                    event.id, "event", f"claim.{index}.source", f"unknown source {claim.source!r}"
                )
    yield from _check_aliases(store)


_SAME_UNIT = ("part_of",)
"""Relations whose two metrics must share a unit (a part is measured like its whole)."""
_BASED_ON = ("change_of", "value_of", "plan_of")
"""At most one: a metric measures one thing about one other metric."""


def _check_relations(store: Store, metric: Metric, *, parsed: bool = True) -> Iterator[Problem]:
    """Every metric a relation names exists and is another metric; a part shares its
    whole's unit; a metric is based on at most one other; an age counts from an event (not
    reported again when a file failed to parse: that failure is the problem)."""
    problem = store.problem
    named = [(name, getattr(metric, name)) for name in (*_SAME_UNIT, *_BASED_ON)]
    named += [(f"look_alikes.{i}", other) for i, other in enumerate(metric.look_alikes)]
    for field_name, target in named:
        if target is None:
            continue
        other = store.metrics.get(target)
        if other is None:
            yield problem(metric.id, "metric", field_name, f"unknown metric {target!r}")
        elif other.id == metric.id:
            yield problem(metric.id, "metric", field_name, "a metric cannot relate to itself")
        elif field_name in _SAME_UNIT and other.unit is not metric.unit:
            yield problem(
                metric.id,
                "metric",
                field_name,
                f"{other.id} must be another metric in the same unit ({metric.unit.value})",
            )
    based = [name for name in _BASED_ON if getattr(metric, name) is not None]
    if len(based) > 1:
        yield problem(metric.id, "metric", based[1], f"give only one of {', '.join(_BASED_ON)}")
    if metric.age_of is not None and parsed:
        if metric.age_of not in store.events:
            yield problem(metric.id, "metric", "age_of", f"unknown event {metric.age_of!r}")
        elif metric.unit is not Unit.YEARS:
            yield problem(metric.id, "metric", "age_of", "only a metric in years is an age")


def _check_value(
    store: Store, figure: Figure | UndecidedFigure, metric: Metric | None
) -> Iterable[Problem]:
    # The quantity reader is imported here: a command answered from the compiled store
    # never reads a quantity, and its patterns take a while to compile.
    from kzkr_cli.core.numbers import Kind, parse_quantity

    kinds = {Unit.USD: Kind.USD, Unit.PERCENT: Kind.PERCENT, Unit.RANK: Kind.RANK}
    problem = store.problem
    if not math.isfinite(figure.value):
        yield problem(figure.id, "figure", "value", "must be a finite number")
        return
    try:
        quantity = parse_quantity(figure.as_written)
    except ValueError as exc:
        yield problem(figure.id, "figure", "as_written", str(exc))
        return
    store.steps[figure.id] = quantity.step
    if not math.isclose(quantity.value, figure.value, rel_tol=1e-9, abs_tol=1e-9):
        yield problem(
            figure.id,
            "figure",
            "value",
            f"{format_number(figure.value)} does not match as_written {figure.as_written!r}"
            f" (reads as {format_number(quantity.value)})",
        )
    if quantity.qualifier is not Qualifier.EXACT and quantity.qualifier is not figure.qualifier:
        yield problem(
            figure.id,
            "figure",
            "qualifier",
            f"{figure.qualifier.value!r} but as_written {figure.as_written!r} reads as"
            f" {quantity.qualifier.value!r}",
        )
    if metric is None:
        return
    if not metric.unit.signed and figure.value < 0:
        yield problem(
            figure.id,
            "figure",
            "value",
            f"{format_number(figure.value)} is negative; a {metric.unit.value} cannot be",
        )
    if metric.unit is Unit.RANK and (figure.value < 1 or figure.value != int(figure.value)):
        yield problem(
            figure.id,
            "figure",
            "value",
            f"a rank must be a whole number from 1, not {format_number(figure.value)}",
        )
    expected = kinds.get(metric.unit)
    if expected is not None and quantity.kind is not expected:
        yield problem(
            figure.id,
            "figure",
            "as_written",
            f"{figure.as_written!r} does not read as {metric.unit.value} (metric {metric.id})",
        )


def _check_aliases(store: Store) -> Iterator[Problem]:
    owner: dict[str, str] = {m.id.lower(): m.id for m in store.metrics.values()}
    for metric in store.metrics.values():
        for alias in metric.aliases:
            key = alias.lower()
            if key in owner and owner[key] != metric.id:
                yield store.problem(
                    metric.id,
                    "metric",
                    "aliases",
                    f"alias {alias!r} is already taken by {owner[key]}",
                )
            owner.setdefault(key, metric.id)
