"""The record types of the fact store: strict, frozen, and serialised with stable names."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from kzkr_cli.core.dates import Dating, PartialDate, coerce_dating, days_wide

Date = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.coerce),
    PlainSerializer(PartialDate.iso, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "A date at year, month or day precision: 2024, 2024-06, 2024-06-11.",
        }
    ),
]
"""A date at its known precision; TOML may give it as "2024-06", 2024 or a TOML date."""

_UNIT = r"\d{4}(-\d{2}(-\d{2})?)?"
DateOrRange = Annotated[
    Dating,
    BeforeValidator(coerce_dating),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": rf"^({_UNIT}|{_UNIT}\.\.({_UNIT})?|\.\.{_UNIT})$",
            "description": (
                "A date at year, month or day precision (2024, 2024-06, 2024-06-11), or one"
                " day somewhere in a range: A..B between A and B, ..B no later than B, A.. no"
                " earlier than A (ISO 8601-2 one-of-a-range, without brackets)."
            ),
        }
    ),
]
"""When a source dates a thing: a calendar unit, or one day within a range."""

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120)]
SourceId = Id
MetricId = Id
FactId = Id


def _no_nul(text: str) -> str:
    """A NUL ends a string in C and in file names: text that holds one is refused at load."""
    if "\x00" in text:
        raise ValueError("contains a NUL character (\\u0000)")
    return text


NoNul = AfterValidator(_no_nul)
Text = Annotated[str, Field(min_length=1, max_length=2000), NoNul]
Quote = Annotated[str, Field(min_length=1, max_length=300), NoNul]
"""A short verbatim clause from the source document, not a paragraph."""


_FROM_TEXT = Field(strict=False)
"""Enums are read from TOML strings, which strict mode alone would refuse."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class SourceKind(StrEnum):
    NEWS = "news"
    OP_ED = "op-ed"
    ENCYCLOPEDIA = "encyclopedia"
    OFFICIAL = "official"


class Source(Record):
    """A document the store quotes; ``document`` names its text file."""

    id: SourceId
    title: Text
    publisher: Text
    author: Text | None = None
    kind: Annotated[SourceKind, _FROM_TEXT]
    published: DateOrRange
    published_note: Text | None = None
    document: Annotated[str, Field(pattern=r"^[^/\\]+$", max_length=255), NoNul]
    url: Annotated[str, Field(pattern=r"^https?://[^\s/]+\S*$", max_length=2000)] | None = None
    """Where the document was published, when it has an address."""


class Unit(StrEnum):
    USD = "USD"
    PERCENT = "percent"
    COUNT = "count"
    RANK = "rank"
    FLIGHTS_PER_WEEK = "flights/week"
    VEHICLES_PER_YEAR = "vehicles/year"
    HECTARES = "hectares"
    BARRELS = "barrels"
    YEARS = "years"

    @property
    def signed(self) -> bool:
        """Only a percentage (a change) may be negative."""
        return self is Unit.PERCENT


class Metric(Record):
    """One thing that can be measured; two figures are comparable only within one metric."""

    id: MetricId
    name: Text
    unit: Annotated[Unit, _FROM_TEXT]
    aliases: list[Annotated[str, Field(min_length=1, max_length=80), NoNul]] = []
    description: Text
    tolerance: Annotated[float, Field(ge=0, le=1)] = 0.0
    tolerance_note: Text | None = None
    one_off: bool = False
    """A quantity fixed once, not a level that moves with time (a plant's cost, an
    agreement's value): every figure of it speaks of the same thing whatever period or
    publication date it is dated to, so all of them are compared with each other."""
    part_of: MetricId | None = None
    """A metric whose figure over a span includes this one's over any span inside it (a
    year's inflow is part of a total over years that include it), so it cannot be less."""
    change_of: MetricId | None = None
    """The metric whose level this one's figures are changes of (a change in turnover)."""
    value_of: MetricId | None = None
    """The count whose money value this one measures (the value of the joint projects)."""
    plan_of: MetricId | None = None
    """The metric whose outcome this one plans or agrees in advance (flights agreed)."""
    look_alikes: list[MetricId] = []
    """Metrics named alike that a sentence must tell apart by their own words (an annual
    and a cumulative inflow); the relation holds both ways, so one side may declare it."""
    ranked_by: Annotated[str, Field(min_length=1, max_length=80), NoNul] | None = None
    """For a rank: the word its sources rank by ("most important"), when that is not size;
    a claim ranking in other words ("the largest") speaks of another order, which this
    metric does not give. None: by size ("largest", "biggest", "leading")."""
    age_of: FactId | None = None
    """The event a years metric counts from (the partnership's establishment): an age stated
    at a moment implies when that event happened, and leans on its date."""

    @property
    def based_on(self) -> str | None:
        """The metric this one measures something about: its change, value or plan."""
        return self.change_of or self.value_of or self.plan_of

    @model_validator(mode="after")
    def _tolerance_explained(self) -> Metric:
        if self.tolerance > 0 and not self.tolerance_note:
            raise ValueError("a tolerance needs a tolerance_note saying why")
        if self.ranked_by is not None and self.unit is not Unit.RANK:
            raise ValueError(f"ranked_by is for a rank, not a metric in {self.unit.value}")
        return self


class Status(StrEnum):
    """Whether a person has checked a record against its document: ``kzkr add`` drafts,
    ``kzkr review`` (or an edit by hand) makes it reviewed. Absent means reviewed, so a
    store written by hand needs no extra field."""

    DRAFT = "draft"
    REVIEWED = "reviewed"


class Qualifier(StrEnum):
    """How a source hedges a figure; it decides the figure's interval."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    NEARLY = "nearly"
    LESS_THAN = "less_than"
    UP_TO = "up_to"
    TOP = "top"


class Period(Record):
    """What a figure is about in time: a span ``start``..``end`` (``end`` defaults to
    ``start``) for flows, or an ``as_of`` moment for stocks and ranks. A moment may be
    known only to within a range ("2024-05..2024-06-10", the days its source may have been
    written): it is then one day in that range, not all of them."""

    start: Date | None = None
    end: Date | None = None
    as_of: DateOrRange | None = None
    text: Text | None = None
    inferred: bool = False
    """The text does not state this period; it is read from context (the note says how),
    as a figure with no year is dated to the last full year before its publication."""

    @model_validator(mode="after")
    def _one_shape(self) -> Period:
        if (self.start is None) == (self.as_of is None):
            raise ValueError("give either start (with an optional end) or as_of")
        if self.end is not None and self.start is None:
            raise ValueError("end needs a start")
        if (
            self.start is not None
            and self.end is not None
            and self.end.last_day() < self.start.first_day()
        ):
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def first(self) -> Dating:
        return self.start if self.start is not None else self.as_of  # type: ignore[return-value]

    @property
    def last(self) -> Dating:
        if self.as_of is not None:
            return self.as_of
        return self.end if self.end is not None else self.first

    @property
    def is_span(self) -> bool:
        return self.as_of is None

    def label(self) -> str:
        if self.as_of is not None:
            return f"as of {self.as_of}"
        if self.end is None or self.end == self.start:
            return str(self.start)
        return f"{self.start}/{self.end}"


class Change(Record):
    """Links a stated change to the figures before and after it, for arithmetic checks."""

    before: FactId
    after: FactId


class Figure(Record):
    """One source's statement of one number."""

    id: FactId
    metric: MetricId
    value: float
    as_written: Text
    qualifier: Annotated[Qualifier, _FROM_TEXT] = Qualifier.EXACT
    period: Period
    source: SourceId
    quote: Quote
    note: Text | None = None
    change: Change | None = None
    status: Annotated[Status, _FROM_TEXT] = Status.REVIEWED


class UndecidedFigure(Record):
    """A drafted figure whose reader could not decide its metric (none fits, or several):
    it names no metric and lists the ``candidates`` (possibly none) for a reviewer to pick
    from. It stays out of comparisons until decided; only a draft may be undecided."""

    id: FactId
    candidates: list[MetricId] = []
    value: float
    as_written: Text
    qualifier: Annotated[Qualifier, _FROM_TEXT] = Qualifier.EXACT
    period: Period
    source: SourceId
    quote: Quote
    note: Text | None = None
    status: Annotated[Status, _FROM_TEXT] = Status.REVIEWED

    @model_validator(mode="after")
    def _only_drafts(self) -> UndecidedFigure:
        if self.status is not Status.DRAFT:
            raise ValueError(
                "a reviewed figure has exactly one metric: set metric and remove candidates"
            )
        return self


class EventKind(StrEnum):
    VISIT = "visit"
    AGREEMENT = "agreement"
    MEETING = "meeting"
    OPENING = "opening"
    FOUNDING = "founding"
    APPOINTMENT = "appointment"
    ANNOUNCEMENT = "announcement"
    ACQUISITION = "acquisition"
    CULTURAL = "cultural"
    DEPORTATION = "deportation"
    REPATRIATION = "repatriation"


class DateClaim(Record):
    """One source's date for an event, with the words it rests on."""

    source: SourceId
    date: DateOrRange
    """When the event happened (started, if ``end`` is given): a day within this date."""
    end: DateOrRange | None = None
    """When it ended, for a thing that lasted: a day within this date."""
    quote: Quote
    derivation: Text | None = None
    planned: bool = False
    """The source gives the date as a plan or a schedule ("will pay a visit on June 11-12",
    "scheduled for completion by 2014"), not as what happened."""
    note: Text | None = None
    status: Annotated[Status, _FROM_TEXT] = Status.REVIEWED

    @model_validator(mode="after")
    def _ordered(self) -> DateClaim:
        if self.end is not None and self.end.last_day() < self.date.first_day():
            raise ValueError(f"end {self.end} is before date {self.date}")
        return self


class Event(Record):
    """Something that happened once; each source's date for it is kept side by side."""

    id: FactId
    kind: Annotated[EventKind, _FROM_TEXT]
    title: Text
    actors: list[Annotated[str, Field(min_length=1, max_length=200), NoNul]] = []
    place: Text | None = None
    aliases: list[Annotated[str, Field(min_length=1, max_length=80), NoNul]] = []
    """Other names a text may give it ("diplomatic ties"), for the claim checker."""
    note: Text | None = None
    claims: Annotated[list[DateClaim], Field(min_length=1, alias="claim")]

    model_config = ConfigDict(populate_by_name=True)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(claim.source for claim in self.claims))

    @property
    def headline(self) -> DateClaim:
        """The most precise claim, the one whose date leaves the fewest possible days (a day
        before the three days of a visit, those before a year; the first listed on ties):
        the date the event sorts by."""
        return min(self.claims, key=lambda c: days_wide(c.date))
