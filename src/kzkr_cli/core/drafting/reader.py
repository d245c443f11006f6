"""From a document's text to draft records, through the readers ``kzkr check`` uses."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from kzkr_cli.core.checker.claims import DateClaim as DatedInSentence
from kzkr_cli.core.checker.claims import (
    FigureClaim,
    ReadSentence,
    after_since,
    kind_words,
    named_metrics,
    read_sentence,
)
from kzkr_cli.core.checker.index import StoreIndex, fits, kind_stems
from kzkr_cli.core.checker.sentences import CLAUSE_BOUNDARY, Sentence, split_sentences
from kzkr_cli.core.checker.when import When
from kzkr_cli.core.checker.words import STOP_WORDS, stem, tokens
from kzkr_cli.core.dates import Dating, PartialDate
from kzkr_cli.core.lexicon import CALENDAR_WORDS
from kzkr_cli.core.models import (
    DateClaim,
    Event,
    EventKind,
    Figure,
    Period,
    Source,
    Status,
    UndecidedFigure,
    Unit,
)
from kzkr_cli.core.numbers import Kind, Quantity, parse_quantity
from kzkr_cli.core.periods import span_years
from kzkr_cli.core.store import Store

QUOTE_LIMIT = 300
"""The longest quote a record holds (``models.Quote``)."""
TITLE_LIMIT = 160
"""A new event's title: its clause, cut at a word to about this many characters."""
STOCK_UNITS = frozenset({Unit.COUNT, Unit.RANK})
"""Units whose figures, when a metric has none yet to follow, are stocks (as of a moment);
the others are flows over a span."""
WIDEN_WORDS = 3
"""How many words before a number may hold its direction ("fell by 44%")."""

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something the reader found and did not draft, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class DraftedClaim:
    """A drafted date: a new claim on an event the store has, or on a new event."""

    event_id: str
    claim: DateClaim
    new_event: Event | None = None
    line: int = 0


@dataclass
class Drafting:
    source: Source
    figures: list[Figure | UndecidedFigure] = field(default_factory=list)
    claims: list[DraftedClaim] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """The document line each drafted figure was read from."""

    @property
    def drafted(self) -> int:
        return len(self.figures) + len(self.claims)


def draft_records(store: Store, source: Source, text: str, index: StoreIndex) -> Drafting:
    """Every figure and every dated event the readers find in ``text``, as drafts of
    ``source``; what they find and cannot draft is listed in ``skipped`` with the reason."""
    drafting = Drafting(source)
    ids = _Ids(store, source.id)
    reference = source.published if isinstance(source.published, PartialDate) else None
    before: Sentence | None = None
    for sentence in split_sentences(text):
        previous, before = before, sentence
        read = read_sentence(index, sentence.text, reference)
        if not (read.figures or read.dates or read.named_numbers or read.named_years):
            continue
        if _furniture(text, sentence):
            for found in read.figures:
                drafting.skipped.append(
                    Skipped(sentence.line, found.quantity.text, "not a sentence (page furniture)")
                )
            continue
        for quantity in read.named_numbers:
            drafting.skipped.append(Skipped(sentence.line, quantity.text, "a number inside a name"))
        for when in read.named_years:
            drafting.skipped.append(Skipped(sentence.line, when.text, "a year inside a name"))
        context = _Context(index, text, previous, sentence, read)
        for found in read.figures:
            figure, carried = context.of(found)
            _draft_figure(
                store, index, drafting, ids, sentence, figure, source.published, read.times, carried
            )
        said: set[tuple[str, tuple[str, ...]]] = set()
        """Dates already drafted from this sentence, with the events they may date ("June 12
        (Yonhap) -- ... agreed Wednesday" gives one day of one event twice)."""
        for dated in read.dates:
            if dated.named_span:
                drafting.skipped.append(
                    Skipped(sentence.line, dated.when.text, "the years a plan is for, not a date")
                )
                continue
            key = (dated.when.label(), dated.events)
            if key in said:
                drafting.skipped.append(
                    Skipped(sentence.line, dated.when.text, "the same date again")
                )
                continue
            said.add(key)
            _draft_date(index, drafting, ids, sentence, dated)
    return drafting


class _Context:
    """The sentence before, in the same paragraph, for a figure its own sentence names no
    subject for: "The plant is being built by Kia Qazaqstan ... The cost of the project is
    estimated at $270 million." The one metric of the figure's unit that sentence names is
    its subject; several are its candidates. Read once, when a figure asks."""

    def __init__(
        self,
        index: StoreIndex,
        text: str,
        previous: Sentence | None,
        sentence: Sentence,
        read: ReadSentence,
    ) -> None:
        same_paragraph = previous is not None and "\n\n" not in text[previous.end : sentence.start]
        # A sentence that names someone or something of its own ("Samsung's global revenue
        # was $200 billion") takes no subject from the sentence before.
        self._index = index
        self._previous = (
            previous
            if same_paragraph and not read.strangers and not _names_its_own(sentence.text)
            else None
        )
        self._own = named_metrics(index, sentence.text) if self._previous else frozenset()
        self._named: frozenset[str] | None = None

    def of(self, found: FigureClaim) -> tuple[FigureClaim, bool]:
        """The figure with the subject the sentence before gives it, and whether it did."""
        if found.metric is not None or found.rivals or found.bare or self._previous is None:
            return found, False
        metrics = self._index.store.metrics
        if any(fits(found.quantity, metrics[m].unit) for m in self._own):
            return found, False  # its own sentence names a subject it could have
        if self._named is None:
            self._named = named_metrics(self._index, self._previous.text)
        fitting = sorted(m for m in self._named if fits(found.quantity, metrics[m].unit))
        if not fitting:
            return found, False
        return replace(found, metric=fitting[0], rivals=tuple(fitting[1:])), True


_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]*")


def _names_its_own(text: str) -> bool:
    """Whether a sentence uses a name (a capitalised word that is no stop word, month or
    weekday, and, first in the sentence, only an owner's: "Samsung's revenue ..."):
    "Construction is estimated to cost ..." names nothing."""
    return any(
        (m.start() > 0 or text.startswith(("'s", "’s"), m.end()))
        and stem(m.group(0)) not in STOP_WORDS
        and m.group(0).lower() not in CALENDAR_WORDS
        for m in _CAPITALISED.finditer(text)
    )


def _furniture(text: str, sentence: Sentence) -> bool:
    """A line that is not a sentence: a headline, a dateline, a caption, a link."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    return line == sentence.text and _SENTENCE_END.search(line) is None


class _Ids:
    """Fresh record ids for one source, unused anywhere in the store."""

    def __init__(self, store: Store, source_id: str) -> None:
        self._taken = set(store.files)
        self._source = source_id
        self._count: dict[str, int] = {}

    def next(self, kind: str) -> str:
        while True:
            n = self._count[kind] = self._count.get(kind, 0) + 1
            candidate = f"{self._source}-{kind}-{n}"
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate


def _draft_figure(
    store: Store,
    index: StoreIndex,
    drafting: Drafting,
    ids: _Ids,
    sentence: Sentence,
    found: FigureClaim,
    published: Dating,
    times: tuple[When, ...],
    carried: bool = False,
) -> None:
    quantity = found.quantity
    skip = drafting.skipped.append
    if found.metric is None and found.bare and not found.counts:
        skip(Skipped(sentence.line, quantity.text, "a bare number or ordinal with no subject"))
        return
    if found.metric is None and quantity.kind is Kind.YEARS:
        skip(Skipped(sentence.line, quantity.text, "a duration with no subject"))
        return
    as_written = _as_written(sentence.text, quantity)
    if as_written is None:
        skip(Skipped(sentence.line, quantity.text, "its words do not read back as its value"))
        return
    stock = _is_stock(store, index, found.metric)
    when = found.when if found.when is not None else _nearest_time(times, quantity)
    period = _period(when, published, stock, _since(sentence.text, when))
    if period is None:
        skip(Skipped(sentence.line, quantity.text, "no period, and no publication day to date it"))
        return
    quote = _clause(sentence.text, (quantity.start, quantity.end), when)
    candidates = (
        sorted({*found.rivals, *([found.metric] if found.metric else [])}) if found.rivals else []
    )
    metric = found.metric
    fitting = [m for m in candidates if _periods_like(index, m, period)]
    if len(fitting) == 1:
        (metric,), candidates = fitting, []
    common = {
        "value": quantity.value,
        "as_written": as_written,
        "qualifier": quantity.qualifier,
        "period": period,
        "source": drafting.source.id,
        "quote": quote,
        "status": Status.DRAFT,
    }
    record: Figure | UndecidedFigure
    if metric is not None and not candidates and quantity.kind is not Kind.OTHER_CURRENCY:
        record = Figure(
            id=ids.next("figure"),
            metric=metric,
            note="Its subject is named in the sentence before." if carried else None,
            **common,  # type: ignore[arg-type]
        )
    else:
        note = (
            "Another currency: no metric of the vocabulary measures it."
            if quantity.kind is Kind.OTHER_CURRENCY
            else "Several metrics fit equally well."
            if candidates
            else "No metric of the vocabulary fits."
        )
        record = UndecidedFigure(
            id=ids.next("figure"),
            candidates=[] if quantity.kind is Kind.OTHER_CURRENCY else candidates,
            note=note,
            **common,  # type: ignore[arg-type]
        )
    drafting.figures.append(record)
    drafting.lines[record.id] = sentence.line


def _periods_like(index: StoreIndex, metric: str, period: Period) -> bool:
    """Whether the metric's figures in the store have periods of this one's shape: a moment,
    part of a year, a year, or several years. Of look-alikes a sentence does not
    tell apart (an annual and a cumulative inflow), the one whose figures are like the
    draft's period is the one it speaks of ("$1.2 billion in 2023" is a year's inflow)."""
    return any(_shape(f.period) == _shape(period) for f in index.figures.get(metric, []))


def _shape(period: Period) -> str:
    if not period.is_span:
        return "moment"
    years = span_years(period)
    return "part of a year" if years < 0.9 else "a year" if years < 1.1 else "years"


def _nearest_time(times: tuple[When, ...], quantity: Quantity) -> When | None:
    """For a number the checker placed under no metric (so gave no period): the mention of
    time nearest it, not inside it, as the checker pairs them."""
    outside = [w for w in times if w.end <= quantity.start or w.start >= quantity.end]
    if not outside:
        return None
    return min(
        outside,
        key=lambda w: quantity.start - w.end if w.end <= quantity.start else w.start - quantity.end,
    )


def _as_written(text: str, quantity: Quantity) -> str | None:
    """The words that state the quantity, exactly as written, such that they read back as
    the same value and hedge: the reader's own match, or it with the few words before it
    that give its direction ("fell by 44%")."""
    start = quantity.start
    for _ in range(WIDEN_WORDS + 1):
        phrase = text[start : quantity.end].strip()
        try:
            read = parse_quantity(phrase)
        except ValueError:
            read = None
        if (
            read is not None
            and abs(read.value - quantity.value) <= 1e-9 * max(1.0, abs(quantity.value))
            and read.qualifier is quantity.qualifier
        ):
            return phrase
        previous = text.rfind(" ", 0, max(0, start - 1))
        if start == 0:
            break
        start = previous + 1 if previous != -1 else 0
    return None


def _is_stock(store: Store, index: StoreIndex, metric: str | None) -> bool:
    """Whether a metric's figures are stocks (as of a moment): as its figures in the store
    are, else as its unit suggests."""
    if metric is None:
        return False
    periods = [f.period.as_of is not None for f in index.figures.get(metric, [])]
    if periods:
        return sum(periods) * 2 > len(periods)
    return store.metrics[metric].unit in STOCK_UNITS


def _since(text: str, when: When | None) -> bool:
    return when is not None and after_since(text, when)


def _period(
    when: When | None, published: Dating | None, stock: bool, since: bool = False
) -> Period | None:
    """The period a figure is for. Unstated: as of the publication date, as precisely as
    the source is dated (a range when it is). "Over the past N years": the N complete years
    before the publication year (the store's rule). "Since 2005": from then to the
    publication year. Both need the year of publication, which a range may not give."""
    year = _year_of(published)
    if when is None:
        return None if published is None else Period(as_of=published)
    if when.is_duration and when.years is not None:
        if year is None:
            return None
        years = int(when.years)
        return Period(start=PartialDate(year - years), end=PartialDate(year - 1), text=when.text)
    first, last = when.first, when.last
    if first is None or last is None:
        return None if published is None else Period(as_of=published, text=when.text)
    if since and year is not None and year >= first.year:
        return Period(start=first, end=PartialDate(year), text=f"since {when.text}")
    if when.as_of or (stock and first == last):
        return Period(as_of=last, text=when.text)
    return Period(start=first, end=last if last != first else None, text=when.text)


def _year_of(published: Dating | None) -> int | None:
    """The year of publication, when every day the source may be from lies in one year."""
    if published is None:
        return None
    first, last = published.first_day(), published.last_day()
    return first.year if first.year == last.year else None


def _clause(text: str, span: tuple[int, int], when: When | None) -> str:
    """The shortest run of the sentence's clauses holding the number (and its period, when
    that fits), at most ``QUOTE_LIMIT`` characters; verbatim but for folded whitespace. The
    clauses are found once per sentence, so a long one costs its length, not its length
    for every number."""
    cuts = _cuts(text)

    def clause_at(position: int) -> int:
        return bisect_right(cuts, position) - 1

    low = high = clause_at(span[0])
    high = max(high, clause_at(max(span[0], span[1] - 1)))
    if when is not None and when.end <= len(text):
        wanted = (min(low, clause_at(when.start)), max(high, clause_at(max(0, when.end - 1))))
        if _length(text, cuts, *wanted) <= QUOTE_LIMIT:
            low, high = wanted
    quote = _piece(text, cuts, low, high) if _raw(cuts, low, high) <= 2 * QUOTE_LIMIT else ""
    if not quote or len(quote) > QUOTE_LIMIT:
        start = max(0, span[0] - QUOTE_LIMIT // 2)
        quote = " ".join(text[start : start + QUOTE_LIMIT].split()[1:-1]) or text[span[0] : span[1]]
    return quote


@functools.lru_cache(maxsize=8)
def _cuts(text: str) -> tuple[int, ...]:
    """Where each clause of ``text`` starts, and one past its end."""
    return (0, *(m.end() for m in CLAUSE_BOUNDARY.finditer(text)), len(text) + 1)


def _raw(cuts: tuple[int, ...], low: int, high: int) -> int:
    return cuts[high + 1] - cuts[low]


def _piece(text: str, cuts: tuple[int, ...], low: int, high: int) -> str:
    piece = text[cuts[low] : min(cuts[high + 1], len(text))]
    return " ".join(piece.split()).rstrip(",;:—–- ")


def _length(text: str, cuts: tuple[int, ...], low: int, high: int) -> int:
    if _raw(cuts, low, high) > 2 * QUOTE_LIMIT:
        return _raw(cuts, low, high)  # far too long: not worth folding
    return len(_piece(text, cuts, low, high))


def _draft_date(
    index: StoreIndex,
    drafting: Drafting,
    ids: _Ids,
    sentence: Sentence,
    dated: DatedInSentence,
) -> None:
    skip = drafting.skipped.append
    when, events = dated.when, dated.events
    others: tuple[str, ...] = ()
    if when.first is None or when.last is None:
        skip(Skipped(sentence.line, when.text, "a time it cannot place in the calendar"))
        return
    if len(events) > 1:
        events, others = _of_tied(index, sentence.text, dated, when.first, when.last)
    if len(events) > 1:
        skip(
            Skipped(
                sentence.line, when.text, "it may date any of these events: " + ", ".join(events)
            )
        )
        return
    quote = _clause(sentence.text, (when.start, when.end), None)
    claim = DateClaim(
        source=drafting.source.id,
        date=when.first,
        end=when.last if when.last != when.first else None,
        quote=quote,
        planned=when.announced,
        note=(
            "The sentence also speaks of "
            + ", ".join(others)
            + ", which the store dates otherwise: a new event, unless it is one of them."
        )
        if others
        else None,
        status=Status.DRAFT,
    )
    if events:
        drafting.claims.append(DraftedClaim(events[0], claim, line=sentence.line))
        return
    kind = _kind(sentence.text, when)
    if kind is None:
        skip(Skipped(sentence.line, when.text, "nothing in the sentence says what happened then"))
        return
    title = quote if len(quote) <= TITLE_LIMIT else quote[:TITLE_LIMIT].rsplit(" ", 1)[0] + " …"
    event_id = ids.next("event")
    event = Event(id=event_id, kind=kind, title=title, claims=[claim])
    drafting.claims.append(DraftedClaim(event_id, claim, event, sentence.line))


def _of_tied(
    index: StoreIndex, text: str, dated: DatedInSentence, first: PartialDate, last: PartialDate
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A draft names one event. Of events a sentence speaks of equally, those whose word of
    kind stands nearest the date (inside it counts as nearest: "set up in 2005 in response
    to Roh's visit" dates the founding, "arrived on Tuesday for a state visit through
    Thursday" the visit), and of those the ones whose stored dates the date may fall on.
    None left: the date is of another happening, a new event, and the tied ones come back
    as ``others`` for the reviewer. (The checker keeps such ties: any of them may confirm
    the date, none can rule it out.)"""
    named = _named_nearest(index, text, dated.when, dated.events)
    if len(named) == 1:
        return named, ()
    low, high = first.first_day(), last.last_day()
    fitting = tuple(
        e
        for e in named
        if any(
            c.date.first_day() <= high and (c.end or c.date).last_day() >= low
            for c in index.events[e].event.claims
        )
    )
    return (fitting, ()) if fitting else ((), dated.events)


def _named_nearest(
    index: StoreIndex, text: str, when: When, events: tuple[str, ...]
) -> tuple[str, ...]:
    words = [t for t in tokens(text) if t.stem in kind_words()]

    def distance(event_id: str) -> int | None:
        kinds = index.events[event_id].kinds
        found = [
            0
            if when.start <= t.start < when.end
            else min(abs(t.start - when.start), abs(t.start - when.end))
            for t in words
            if t.stem in kinds
        ]
        return min(found) if found else None

    near = {e: distance(e) for e in events}
    named = [d for d in near.values() if d is not None]
    if not named:
        return events
    return tuple(e for e in events if near[e] == min(named))


def _kind(text: str, when: When) -> EventKind | None:
    """The kind of event the sentence names nearest the date ("opened", "visited")."""
    words_of = tokens(text)
    stems = {t.stem for t in words_of}
    best: tuple[int, EventKind] | None = None
    for kind, words in kind_stems().items():
        if not words & stems:
            continue
        distance = min(abs(t.start - when.start) for t in words_of if t.stem in words)
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None
