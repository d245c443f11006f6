"""Domain errors that carry where the problem is; only the CLI edge turns them into messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the store: the file, the line, the record and field, and what."""

    file: str
    message: str
    line: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class KzkrError(Exception):
    """Base of every error the core raises on purpose."""


class StoreError(KzkrError):
    """The store cannot be used; every problem found in one pass."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class QueryError(KzkrError):
    """A query the store cannot answer as asked (an unknown metric, a bad date)."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = list(suggestions)
        super().__init__(message)


class ReadOnlyStoreError(KzkrError):
    """A write was asked of the store installed inside the package, which a reinstall
    replaces: edits there would be lost, so kzkr never makes them."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path} is the read-only copy of the store installed with kzkr")


class TargetExistsError(KzkrError):
    """A new store or document would replace something already there."""

    def __init__(self, path: str, what: str) -> None:
        self.path = path
        super().__init__(f"{path} {what}")
