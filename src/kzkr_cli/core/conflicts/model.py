"""What the conflict engine reports: conflicts, the claims taking part, and how they group."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kzkr_cli.core.dates import span_text
from kzkr_cli.core.intervals import Interval
from kzkr_cli.core.models import Unit

DAYS_PER_YEAR = 365.2425
"""A date conflict's severity is ``gap / (gap + DAYS_PER_YEAR)``: one half at a year apart."""


class ConflictKind(StrEnum):
    FIGURE = "figure"
    RANK = "rank"
    DATE = "date"
    ARITHMETIC = "arithmetic"


@dataclass(frozen=True, slots=True, order=True)
class ClaimRef:
    """Which record a claim is: a figure (``claim`` None), or one date claim of an event
    (its position among the event's claims). Typed, so no two modules spell a key alike."""

    fact: str
    claim: int | None = None

    def __str__(self) -> str:
        return self.fact if self.claim is None else f"{self.fact}.claim.{self.claim}"


@dataclass(frozen=True, slots=True)
class ConflictClaim:
    """One record taking part: a figure (``value``) or an event's date claim (``date``).

    ``fact`` is the record's id (a figure, or the event a date claim belongs to); ``key``
    tells two date claims of one event apart, and is what ``Conflict.groups`` lists.
    """

    fact: str
    source: str
    value: float | None
    date: str | None
    end: str | None
    quote: str
    as_written: str | None = None
    period: str | None = None
    low: float | None = None
    high: float | None = None
    claim: int | None = None
    """The position of a date claim within its event's claims (0 for the first)."""
    derivation: str | None = None
    """How a date claim's date was derived from its text, when it was."""

    @property
    def ref(self) -> ClaimRef:
        return ClaimRef(self.fact, self.claim)

    @property
    def key(self) -> str:
        """The record as the JSON contract names it: a figure id, or ``event.claim.N``."""
        return str(self.ref)

    @property
    def interval(self) -> Interval | None:
        if self.low is None or self.high is None:
            return None
        return Interval(self.low, self.high)

    def label(self, *, with_period: bool = False) -> str:
        """What the source said and who said it: '"top five" (astana-times-2024-11)'."""
        if self.date is not None:
            return f"{span_text(self.date, self.end)} ({self.source})"
        where = f"{self.source}, {self.period}" if with_period else self.source
        return f'"{self.as_written}" ({where})'


@dataclass(frozen=True, slots=True)
class FigureDetail:
    """Figures or ranks of one metric and period: its name and unit, for wording."""

    metric_name: str
    unit: Unit


@dataclass(frozen=True, slots=True)
class DateDetail:
    """An event's date claims: the widest gap and whether starts, ends or both differ."""

    event_title: str
    gap_days: float
    starts_differ: bool
    ends_differ: bool


@dataclass(frozen=True, slots=True)
class ChangeDetail:
    """A stated change against the change its before and after figures give."""

    unit: Unit
    implied: Interval
    stated: Interval


@dataclass(frozen=True, slots=True)
class PartDetail:
    """A part larger than its whole."""

    part_name: str
    whole_name: str
    unit: Unit
    part: Interval
    largest_whole: float


Detail = FigureDetail | DateDetail | ChangeDetail | PartDetail


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: ConflictKind
    subject: str
    """The record the disagreement is about: a metric, an event, or a stated change."""
    severity: float
    """From 0 (barely apart) to 1; see ``find_conflicts`` for how each kind measures it."""
    claims: tuple[ConflictClaim, ...]
    groups: tuple[tuple[str, ...], ...]
    """Keys of claims that agree with each other, one tuple per agreeing group."""
    detail: Detail
    """What the detector found, in the terms the wording module words it in."""
    causes: tuple[str, ...] = ()
    """Likely causes the records themselves show (notes, derivations, an older source)."""
    period: str | None = None
    """The period the figures are compared for; None for a date conflict."""

    @property
    def explanation(self) -> str:
        """One paste-ready sentence (and its likely causes), worded from this result."""
        from kzkr_cli.core.conflicts.wording import explain

        return explain(self)

    def sides(self) -> list[list[ConflictClaim]]:
        """The agreeing groups as claims, for display."""
        by_key = {claim.key: claim for claim in self.claims}
        return [[by_key[key] for key in group] for group in self.groups]

    def side_refs(self) -> list[frozenset[ClaimRef]]:
        """The agreeing groups as typed references."""
        return [frozenset(claim.ref for claim in side) for side in self.sides()]


@dataclass(frozen=True, slots=True)
class OddOneOut:
    """One claim that stands alone against the others in several conflicts (a figure too
    large for its year and for the total containing it): one finding naming each check."""

    claim: ConflictClaim
    conflicts: tuple[Conflict, ...]

    @property
    def explanation(self) -> str:
        from kzkr_cli.core.conflicts.wording import explain_odd_one_out

        return explain_odd_one_out(self)


@dataclass(frozen=True, slots=True)
class ConflictQuery:
    """Which conflicts to report; every criterion given must hold."""

    kinds: frozenset[ConflictKind] = frozenset()
    metric: str | None = None
    """A metric id or alias: conflicts among its figures, or arithmetic involving it."""
    event: str | None = None
    source: str | None = None
    """Conflicts in which this source makes one of the claims."""
    min_severity: float = 0.0
