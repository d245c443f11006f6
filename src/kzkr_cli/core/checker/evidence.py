"""Finding the records a claim is about and judging it against them.

Periods: a claim's year, month or span selects the figures of exactly that period
(``periods.same_period``); a moment ("as of 2024") the figures as of a date overlapping it;
a duration ("over the past 18 years") the spans of that length, wherever they end. With no
period, a stock (figures ``as_of``) is read as of the latest moment the store has for it,
and a flow may be matched with any period — but only to support it, never to contradict it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker import parties
from kzkr_cli.core.checker.claims import DateClaim, FigureClaim
from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.checker.verdicts import Evidence, Finding, Judged, Verdict
from kzkr_cli.core.checker.when import When
from kzkr_cli.core.conflicts import ClaimRef, Conflict, ConflictKind, agreeing_groups
from kzkr_cli.core.dates import Dating, PartialDate, span_text
from kzkr_cli.core.intervals import Interval, day_span, interval_of, quantity_interval
from kzkr_cli.core.models import DateClaim as StoredDate
from kzkr_cli.core.models import Event, EventKind, Figure, Metric, Period, Qualifier
from kzkr_cli.core.numbers import Kind, Quantity
from kzkr_cli.core.periods import same_moment, same_period, span_years, vague

RECURRING = frozenset({EventKind.VISIT, EventKind.MEETING, EventKind.CULTURAL})
"""Kinds of event that happen again: a date in another year may be another occasion, unless
the sentence names the occasion as its party's own ("Tokayev's state visit"), the one the
store records."""

QUOTED_DIGITS = 12
"""A number too large to place is quoted by its first this many characters."""
NEARLY_SHARE = 0.1
"""A claim of "nearly X" or "almost X" says the value is just below X: within this share of
X (or one step of its last digit, if that is more). A bound said to be barely passed ("just
over X", "barely topped X", "slightly under X") reaches this share of X beyond it, and no
step: "just under $1 billion" is not $736 million."""


def claim_interval(quantity: Quantity, tolerance: float = 0.0) -> Interval:
    """The values a claim admits. A claim is read no more loosely than it is written: its
    "about" says the number is rounded, which its last digit already says, so "about $7
    billion" is 6.5 to 7.5 billion (a stored figure's "about" is widened a whole step, so
    that two sources are not called in conflict over rounding); and "nearly X" is just
    below X, not anything below it."""
    value, step = quantity.value, quantity.step
    if quantity.qualifier is Qualifier.ABOUT:
        return interval_of(value, step, Qualifier.EXACT, tolerance)
    if quantity.qualifier is Qualifier.NEARLY:
        slack = tolerance * abs(value)
        short = max(step, NEARLY_SHARE * abs(value))
        if value < 0:
            return Interval(value - slack, value + short + slack)
        return Interval(value - short - slack, value + slack)
    interval = quantity_interval(quantity, tolerance)
    if quantity.narrow:
        reach = (NEARLY_SHARE + tolerance) * abs(value)
        if math.isinf(interval.high):
            return Interval(interval.low, value + reach)
        return Interval(value - reach, interval.high)
    return interval


def relation(record: Interval, claim: Interval) -> bool | None:
    """Whether a stored figure confirms a claim (True), rules it out (False) or leaves it
    open (None). They agree when they share more than a rounding boundary ("$6 billion",
    5.5-6.5, and "$7 billion", 6.5-7.5, do not), or one is a single value (a rank) the
    other contains. A record open at one end ("over 1,000") confirms only a claim that
    reaches down to its bound ("1,000", "more than 800"); "5,000" it neither confirms nor
    rules out."""
    low, high = max(record.low, claim.low), min(record.high, claim.high)
    single = record.low == record.high or claim.low == claim.high
    if high < low or (high == low and not single):
        return False
    if math.isinf(record.high) and claim.low > record.low:
        return None
    if math.isinf(record.low) and claim.high < record.high:
        return None
    return True


# ---------------------------------------------------------------- figures


def beyond_the_store(finding: Finding, strangers: tuple[str, ...]) -> Finding:
    """A sentence about a party the store knows nothing of ("trade with China") is not about
    the records its words happen to match, so they neither confirm nor rule it out."""
    if finding.verdict is Verdict.UNVERIFIABLE or finding.incidental:
        return finding
    named = ", ".join(f'"{name}"' for name in strangers)
    return Finding(
        finding.stated,
        finding.subject,
        Verdict.UNVERIFIABLE,
        f"The sentence speaks of {named}, which no record in the store mentions, so the"
        " records it resembles cannot settle it.",
        finding.evidence,
    )


_CAUSE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.CAUSE_WORDS)})\b", re.IGNORECASE)
_NAMES_WHAT = re.compile(
    rf"\s+(?:(?:{lexicon.alternation((*lexicon.DETERMINERS, *lexicon.POSSESSIVES))})\b"
    rf"|(?:{lexicon.alternation(lexicon.COMPARATIVES)})\b|[^\W\d_]+ing\b|(?-i:[A-Z]))",
    re.IGNORECASE,
)
_OWNED = re.compile(rf"\b(?:{lexicon.alternation(lexicon.POSSESSIVES)})\s+$", re.IGNORECASE)
_NAME_NEXT = re.compile(r"\s+[A-Z]")


def _is_cause(text: str, m: re.Match[str]) -> bool:
    """Whether words of cause say why here: "due to" before what it names ("due to the war",
    "due to lower prices", "due to COVID"), not before a verb ("due to resume", "due to
    address reporters": a schedule); "thanks to" not after a possessive ("expressed his
    thanks to Yoon"); "led to" not before a name ("the delegation he led to South Korea")."""
    said = re.sub(r"\s+", " ", m.group(0).lower())
    if said == "due to":
        return _NAMES_WHAT.match(text, m.end()) is not None
    if said == "thanks to":
        return _OWNED.search(text, max(0, m.start() - 8), m.start()) is None
    if said == "led to":
        return _NAME_NEXT.match(text, m.end()) is None
    return True


MAX_CAUSES = 8
"""Causes of one sentence that are compared with the records: a sentence gives a few at
most, and a long text stays linear (each finding is compared with each of these)."""
CAUSE_REACH = 6
"""Words after a word of cause that may name the cause ("in response to South Korean
president Roh's visit")."""
_AFTER = re.compile(r"\s*([^\W\d_][\w'’-]*)")
_TITLES = frozenset(w.lower() for t in lexicon.TITLE_WORDS for w in t.split())


def causes(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The words by which a sentence says why ("because of", "driven by"), as written, each
    with the names that follow within a few words, titles and countries aside ("in response
    to South Korean president Roh's visit": Roh)."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for m in _CAUSE.finditer(text):
        if len(found) == MAX_CAUSES:
            break
        if not _is_cause(text, m):
            continue
        names: list[str] = []
        at = m.end()
        for _ in range(CAUSE_REACH):
            word = _AFTER.match(text, at)
            if word is None:
                break
            at = word.end()
            name = re.sub(r"['’]s$", "", word.group(1))
            if name[:1].isupper() and name.lower() not in _TITLES and not parties.countries(name):
                names.append(name)
        if (m.group(0), tuple(names)) not in found:
            found.append((m.group(0), tuple(names)))
    return found


def beyond_the_causes(
    index: StoreIndex, finding: Finding, said: list[tuple[str, tuple[str, ...]]]
) -> Finding:
    """A sentence that says why a thing happened links it to something else; the store holds
    that link only where a record it rests on says it in the same words, naming the same
    cause ("founded in response to Roh's visit", not to Nazarbayev's). Otherwise the parts
    may agree, but the claim is more than they are: confirmed, it is left open; ruled out,
    it stays false."""
    if finding.verdict is not Verdict.SUPPORTED or finding.incidental:
        return finding
    records = " ".join(
        _record_text(index, e.fact) + " " + e.quote for e in finding.evidence
    ).lower()
    unsaid = [
        w
        for w, named in said
        if w.lower() not in records or (named and not any(n.lower() in records for n in named))
    ]
    if not unsaid:
        return finding
    return _left_open(
        finding,
        f'; but the sentence says why ("{unsaid[0]}"), and no record it rests on states that link.',
    )


def _record_text(index: StoreIndex, fact: str) -> str:
    figure = index.store.figures.get(fact)
    if figure is not None:
        return figure.note or ""
    event = index.store.events.get(fact)
    return "" if event is None else " ".join((event.title, event.note or ""))


def beyond_the_parties(
    index: StoreIndex, finding: Finding, named: list[parties.Country]
) -> Finding:
    """A sentence about a country the record is not about ("Japan ranks third among
    Kazakhstan's trade partners" against South Korea's rank) is not settled by it."""
    if finding.verdict is Verdict.UNVERIFIABLE or finding.incidental or finding.subject is None:
        return finding
    own = index.parties(finding.subject)
    strange = [mention for mention in named if not mention & own]
    if not strange:
        return finding
    codes = ", ".join(sorted({min(m) for m in strange}))
    return Finding(
        finding.stated,
        finding.subject,
        Verdict.UNVERIFIABLE,
        f"The sentence speaks of a country ({codes}) that the matching records are not"
        " about, so they cannot settle it.",
        finding.evidence,
    )


def judge_figure(index: StoreIndex, claim: FigureClaim) -> Finding:
    quantity = claim.quantity
    if not quantity.placeable:
        digits = sum(c.isdigit() for c in quantity.text)
        return Finding(
            f"{quantity.text[:QUOTED_DIGITS]}… ({digits} digits)",
            claim.metric,
            Verdict.UNVERIFIABLE,
            f"A number of {digits} digits is too large to compare with anything the store"
            " records, so it cannot be placed.",
        )
    if claim.metric is None:
        return Finding(
            quantity.text,
            None,
            Verdict.UNVERIFIABLE,
            f'Nothing the store measures is named near "{quantity.text}", so it cannot be placed.',
            incidental=claim.bare and not claim.counts,
        )
    metric = index.metric(claim.metric)
    if quantity.kind is Kind.OTHER_CURRENCY:
        return Finding(
            quantity.text,
            metric.id,
            Verdict.UNVERIFIABLE,
            f'The store gives {metric.name} in US dollars; "{quantity.text}" is in another'
            " currency, which it cannot compare.",
        )
    judge = _Judgements(index, claim)
    finding = judge(metric.id)
    for rival in claim.rivals:
        other = judge(rival)
        if other.verdict is not finding.verdict:
            names = f"{metric.name} or {index.metric(rival).name}"
            return Finding(
                quantity.text,
                metric.id,
                Verdict.UNVERIFIABLE,
                f'"{quantity.text}" could be {names}, which the store judges differently;'
                " the sentence does not say which.",
                finding.evidence + other.evidence,
            )
    if finding.verdict is Verdict.CONTRADICTED:
        finding = _unless_a_variant_agrees(index, judge, metric.id, finding)
    return _leaning_on_the_start(index, claim, finding)


class _Judgements:
    """A claim judged against each candidate subject once (its metric, rivals, look-alikes),
    however many of the rules ask about that subject."""

    def __init__(self, index: StoreIndex, claim: FigureClaim) -> None:
        self.index = index
        self.claim = claim
        self._found: dict[str, Finding] = {}

    def __call__(self, metric_id: str) -> Finding:
        found = self._found.get(metric_id)
        if found is None:
            judged = _judge_metric(self.index, self.claim, metric_id)
            found = _read_exactly(self.index, self.claim, metric_id, judged)
            self._found[metric_id] = found
        return found


AGE_SLACK = 1
"""An age in years stated at a moment puts its start within this many years either way
("the Nth year" and "for N years" count differently, and the moment has no day); an
anniversary falls in the very year its count completes, so it puts the start exactly."""


def _leaning_on_the_start(index: StoreIndex, claim: FigureClaim, finding: Finding) -> Finding:
    """An age at a moment ("the 15th anniversary" in June 2024, "partners for twenty years"
    by 2023) implies when the thing began (``age_of``): a start the sources dispute makes the
    claim disputed, whatever the store's ages say (each of them stands on one side of that
    dispute), and where the store has no age for that moment the start decides."""
    metric = index.metric(finding.subject) if finding.subject else None
    when = claim.when
    if metric is None or metric.age_of is None or when is None or when.last is None:
        return finding
    if finding.verdict is Verdict.DISPUTED:
        return finding
    ages = claim_interval(claim.quantity)
    at = when.last.year
    slack = 0 if claim.anniversary else AGE_SLACK
    low = at - ages.high - slack if math.isfinite(ages.high) else 1
    high = at - ages.low + slack
    if not 1 <= low <= high <= 9999:
        return finding
    first, last = PartialDate(math.ceil(low)), PartialDate(math.floor(high))
    start = When(f"{first.iso()}-{last.iso()}", 0, 0, first=first, last=last)
    event = index.events[metric.age_of].event
    implied = _judge_event(index, start, event)
    said = f'"{claim.quantity.text}" at {when.label()} puts the start between {start.text}'
    if implied.verdict is Verdict.DISPUTED:
        return Finding(
            finding.stated,
            finding.subject,
            Verdict.DISPUTED,
            f"{said}, and {implied.explanation[0].lower()}{implied.explanation[1:]}",
            finding.evidence + implied.evidence,
        )
    if finding.verdict is Verdict.UNVERIFIABLE and implied.verdict is not Verdict.UNVERIFIABLE:
        return Finding(
            finding.stated,
            event.id,
            implied.verdict,
            f"{said}: {implied.explanation}",
            implied.evidence,
        )
    return finding


def _unless_a_variant_agrees(
    index: StoreIndex, judge: _Judgements, metric_id: str, finding: Finding
) -> Finding:
    """A look-alike of the metric ("flights a week" now, or as agreed) that the sentence
    does not rule out and that supports the number: not a contradiction."""
    unit = index.metric(metric_id).unit
    for sibling in index.kin.get(metric_id, []):
        if sibling == metric_id or index.metric(sibling).unit is not unit:
            continue
        other = judge(sibling)
        if other.verdict is Verdict.SUPPORTED:
            names = f"{index.metric(metric_id).name} or {index.metric(sibling).name}"
            return Finding(
                judge.claim.quantity.text,
                metric_id,
                Verdict.UNVERIFIABLE,
                f'"{judge.claim.quantity.text}" could be {names}; the store supports it as the'
                " second and not as the first, and the sentence does not say which.",
                finding.evidence + other.evidence,
            )
    return finding


def _read_exactly(
    index: StoreIndex, claim: FigureClaim, metric_id: str, finding: Finding
) -> Finding:
    """A round number ("1,000") may be rounded or exact. It is supported only when it
    agrees read either way; agreeing only as a round figure leaves it unverifiable. A
    hedged number is rounded by its own words, so it is read only as rounded."""
    quantity = claim.quantity
    if (
        finding.verdict is not Verdict.SUPPORTED
        or quantity.exact_step is None
        or quantity.qualifier is not Qualifier.EXACT
    ):
        return finding  # a hedged number ("about 33,000") says itself that it is rounded
    exact = replace(claim, quantity=replace(quantity, step=quantity.exact_step))
    if _judge_metric(index, exact, metric_id).verdict is Verdict.SUPPORTED:
        return finding
    return _left_open(
        finding,
        f" only as a round figure; read as exactly {quantity.text.split()[-1]!s}"
        " it does not, so the store cannot confirm it.",
    )


def _judge_metric(index: StoreIndex, claim: FigureClaim, metric_id: str) -> Finding:
    when = claim.when
    figures = index.figures.get(metric_id, [])
    one_off = index.metric(metric_id).one_off
    # A quantity fixed once (a plant's cost) is the same whatever period a claim gives it,
    # as the conflict engine compares all its figures.
    strict, flows = (list(figures), []) if one_off and figures else _select(figures, when)
    stated = when is not None and (when.dated or when.is_duration)
    if stated and not strict:
        unit = index.metric(metric_id).unit
        for sibling in index.siblings.get(metric_id, []):
            if index.metric(sibling).unit is not unit:
                continue
            found, _ = _select(index.figures.get(sibling, []), when)
            if found:
                metric_id, strict = sibling, found
                break
    metric = index.metric(metric_id)
    interval = claim_interval(claim.quantity, metric.tolerance)
    text = claim.quantity.text
    other = _another_order(metric, claim.quantity)
    if other is not None:
        return Finding(
            text,
            metric_id,
            Verdict.UNVERIFIABLE,
            (
                f'{metric.name} is recorded in its sources\' words, "{metric.ranked_by}"'
                if metric.ranked_by
                else f"{metric.name} is a rank by size"
            )
            + f"; a rank by {other} is another order, which no source gives.",
        )
    if strict and not stated:
        strict += _disputing(index, figures, strict)
    if strict:
        finding = _figure_finding(index, text, metric_id, interval, strict, support_only=False)
        if one_off and stated and not claim.by and finding.verdict is Verdict.SUPPORTED:
            dated, _ = _select(figures, when)
            if not dated:
                # the value holds, but no source dates it so: "paid $634 million in 2020"
                have = ", ".join(sorted({_for(f.period.label()) for f in figures}))
                return Finding(
                    text,
                    metric_id,
                    Verdict.UNVERIFIABLE,
                    f'{metric.name} agrees with "{text}", but the store has it {have}, not'
                    f" {_for(when.label()) if when is not None else ''}.".rstrip(),
                    finding.evidence,
                )
        return finding
    if flows:
        findings = [
            _figure_finding(index, text, metric_id, interval, group, support_only=True)
            for group in flows
        ]
        for verdict in (Verdict.SUPPORTED, Verdict.DISPUTED):
            for finding in findings:
                if finding.verdict is verdict:
                    return finding
        periods = "; ".join(_values(group) for group in flows)
        return Finding(
            text,
            metric_id,
            Verdict.UNVERIFIABLE,
            f"The claim names no period, and {metric.name} in the store ({periods}) does"
            f' not agree with "{text}" for any period it has; without a period that is not'
            " a contradiction.",
            tuple(e for f in findings for e in f.evidence),
        )
    if not figures:
        why = f"The store has no figure for {metric.name}."
    else:
        have = ", ".join(sorted({_for(f.period.label()) for f in figures}))
        asked = _for(when.label()) if when is not None else "for the latest moment"
        why = f"The store has {metric.name} {have}, not {asked}."
    return Finding(text, metric_id, Verdict.UNVERIFIABLE, why)


def _select(figures: list[Figure], when: When | None) -> tuple[list[Figure], list[list[Figure]]]:
    """The figures a period selects: those that must agree (``strict``), and groups of
    flows, one per period, that may only support a claim with no period."""
    spans = [f for f in figures if f.period.is_span]
    moments = [f for f in figures if not f.period.is_span]
    if when is not None and when.is_duration and when.years is not None:
        years = when.years
        return [f for f in spans if abs(span_years(f.period) - years) < 0.5], []
    if when is not None and when.first is not None and when.last is not None:
        # Built from dates already read, so not validated again (nor its validator built).
        span = Period.model_construct(
            start=when.first, end=when.last if when.last != when.first else None, as_of=None
        )
        first, last = when.first.first_day(), when.last.last_day()
        chosen = [f for f in spans if same_period(f.period, span)]
        if not when.as_of or not chosen:
            chosen += [f for f in moments if _at_the_moment(f.period.first, first, last)]
        return chosen, []
    if when is not None and when.months is not None:
        months = when.months
        matching = [f for f in spans if _months_of(f.period) == months]
        return [], _by_period(matching)
    strict: list[Figure] = []
    if moments:
        known = [f.period.first for f in moments if not vague(f.period.first)]
        latest = max(known or [f.period.first for f in moments], key=lambda d: d.sort_key())
        strict = [f for f in moments if same_moment(f.period.first, latest)]
    return strict, _by_period(spans)


def _for(label: str) -> str:
    """A period label after "has ... ": "for 2023", "as of 2024" (never "for as of")."""
    return label if label.startswith("as of ") else f"for {label}"


def _at_the_moment(moment: Dating, first: dt.date, last: dt.date) -> bool:
    """Whether a figure's moment speaks for the days a claim names: when every day it may be
    lies within them. "As of 2024" speaks for "in 2024" but not for "in December 2024",
    and "as of 2024-06-11..2024" or "..2024" no more, since the source does not say which
    of its days it speaks of; the same days written either way read alike."""
    return first <= moment.first_day() and moment.last_day() <= last


def _another_order(metric: Metric, quantity: Quantity) -> str | None:
    """The superlative a claimed rank is worded with, when it ranks by another order than
    the metric: "the largest" for a metric ranked by "most important" (``ranked_by``), or
    "the most important" for one ranked by size, as ranks are unless they say otherwise.
    None when the claim's words may be the metric's own order."""
    if quantity.kind is not Kind.RANK:
        return None
    words = quantity.text.lower()
    said = next((w for w in lexicon.SUPERLATIVES if re.search(rf"\b{re.escape(w)}\b", words)), None)
    if said is None:
        return None
    own = metric.ranked_by.lower() if metric.ranked_by else None
    if own is None or own in lexicon.SIZE_SUPERLATIVES:
        return None if said in lexicon.SIZE_SUPERLATIVES else f'"{said}"'
    return None if said == own else f'"{said}"'


def _disputing(index: StoreIndex, figures: list[Figure], latest: list[Figure]) -> list[Figure]:
    """The figures the conflict engine sets against one of ``latest`` as figures of the same
    moment: a claim that names no moment is judged as of the latest one, and a source that
    disputes what is recorded for it (a review from June against a figure "as of 2024") is
    part of that dispute. The figures a stated change links are of other moments."""
    chosen = {f.id for f in latest}
    involved = {
        claim.fact
        for conflict in index.disagreements.involving(ClaimRef(f.id) for f in latest)
        if conflict.kind in (ConflictKind.FIGURE, ConflictKind.RANK)
        for claim in conflict.claims
    }
    return [f for f in figures if f.id in involved and f.id not in chosen]


def _months_of(period: Period) -> tuple[int | None, int | None] | None:
    """The first and last month of a span within one year, as written (None if it crosses
    a year; a month is None where the span is written to the year)."""
    start, end = period.start, period.end or period.start
    if start is None or end is None or start.year != end.year:
        return None
    return start.month, end.month


def _by_period(figures: list[Figure]) -> list[list[Figure]]:
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.period.label()].append(figure)
    return list(groups.values())


def _values(figures: Sequence[Figure]) -> str:
    listed = ", ".join(f'"{f.as_written}" ({f.source})' for f in figures)
    return f"{_period_words(figures[0].period)}: {listed}"


def _period_words(period: Period) -> str:
    return period.label() if not period.is_span else f"for {period.label()}"


def _figure_finding(
    index: StoreIndex,
    text: str,
    metric_id: str,
    interval: Interval,
    figures: list[Figure],
    *,
    support_only: bool,
) -> Finding:
    store = index.store
    intervals = {f.id: store.interval(f) for f in figures}
    agrees = {key: relation(found, interval) for key, found in intervals.items()}
    conflict = _taking_sides(index, {ClaimRef(k): v for k, v in intervals.items()}, interval)
    judged = Judged(
        [k for k, a in agrees.items() if a is True],
        [k for k, a in agrees.items() if a is False],
        disputed=conflict is not None,
    )
    evidence = tuple(
        Evidence(
            f.id,
            f.source,
            f.value,
            None,
            f.quote,
            agrees[f.id],
            period=f.period.label(),
            status=f.status,
            inferred=f.period.inferred,
        )
        for f in figures
    )
    name = index.metric(metric_id).name
    verdict = judged.verdict
    periods = sorted({_period_words(f.period) for f in figures})
    when = " and ".join(periods)
    unperiodic = " (the claim names no period; this is the period that matches)"
    note = unperiodic if support_only else ""
    if verdict is Verdict.SUPPORTED:
        why = (
            f'{name} {when}: {_listed(figures)}; "{text}" agrees within the stated precision{note}.'
        )
        why += _inferred([f for f in figures if agrees[f.id] is True])
    elif verdict is Verdict.DISPUTED:
        sides = " vs ".join(
            ", ".join(f'"{c.as_written}" ({c.source})' for c in side)
            for side in (conflict.sides() if conflict is not None else [])
        )
        with_ = _listed([f for f in figures if agrees[f.id] is True])
        why = f'The sources disagree on {name} {when}: {sides}; "{text}" agrees with {with_}.'
    elif verdict is Verdict.UNVERIFIABLE:
        why = (
            f"{name} {when}: {_listed(figures)}; an open bound neither confirms nor rules"
            f' out "{text}".'
        )
    elif support_only:
        verdict = Verdict.UNVERIFIABLE
        why = f'{name} {when}: {_listed(figures)}; "{text}" does not match{unperiodic}.'
    else:
        against = _listed([f for f in figures if agrees[f.id] is False])
        why = f'{name} {when}: {against}; "{text}" falls outside what the sources state.'
    return Finding(text, metric_id, verdict, why, evidence)


def _inferred(support: Sequence[Figure]) -> str:
    """Said when every figure supporting a claim has a period its source does not state."""
    if not support or not all(f.period.inferred for f in support):
        return ""
    named = ", ".join(f"{f.id} ({f.source})" for f in support)
    if len(support) == 1:
        return f" The period of {named} is inferred from context; its source does not state it."
    return f" The periods of {named} are inferred from context; their sources do not state them."


def _listed(figures: Sequence[Figure]) -> str:
    return ", ".join(f'"{f.as_written}" ({f.source})' for f in figures)


def _taking_sides(
    index: StoreIndex, intervals: dict[ClaimRef, Interval], claim: Interval
) -> Conflict | None:
    """The conflict the claim takes a side in: the engine reports one among these records,
    and the claim can be true together with every record of one agreeing group (it
    overlaps what they have in common) though not with all the records. None otherwise:
    a claim no group allows is contradicted by every side."""
    if all(relation(found, claim) is not False for found in intervals.values()):
        return None
    conflict = index.disagreements.among(intervals)
    if conflict is None:
        return None
    keys = list(intervals)
    for group in agreeing_groups([intervals[k] for k in keys]):
        members = [intervals[keys[i]] for i in group]
        common = Interval(max(m.low for m in members), min(m.high for m in members))
        if common.overlaps(claim):
            return conflict
    return None


def _sided(index: StoreIndex, keys: list[ClaimRef], agrees: list[bool | None]) -> Conflict | None:
    """The conflict the claim takes a side in, told by which records it agrees with: one
    agreeing group of the conflict holds only records the claim agrees with, and the claim
    disagrees with another of its records."""
    agreeing = {k for k, a in zip(keys, agrees, strict=True) if a is True}
    disagreeing = {k for k, a in zip(keys, agrees, strict=True) if a is False}
    if not agreeing or not disagreeing:
        return None
    conflict = index.disagreements.among(keys)
    if conflict is None:
        return None
    sides = conflict.side_refs()
    if not disagreeing & frozenset().union(*sides):
        return None
    if any(side <= agreeing for side in sides):
        return conflict
    return None


# ---------------------------------------------------------------- dates


def _asked_days(when: When) -> Interval | None:
    if when.first is None or when.last is None:
        return None
    return day_span(when.first, when.last)


def _claim_days(claim: StoredDate) -> tuple[dt.date, dt.date]:
    end = claim.end if claim.end is not None else claim.date
    return claim.date.first_day(), end.last_day()


def _claim_label(claim: StoredDate) -> str:
    return span_text(claim.date, claim.end)


def _is_day_range(when: When) -> bool:
    """ "From 11 to 13 June 2024": a stated start and end, not a date the event falls in."""
    return (
        when.first is not None
        and when.last is not None
        and when.first != when.last
        and when.first.day is not None
        and when.last.day is not None
    )


def _agrees(when: When, claim: StoredDate) -> bool | None:
    """Whether a source's date for the event confirms the claim's (True), rules it out
    (False) or neither (None). A source confirms a date when every day it allows lies within
    the claim's: "2024-11" and "2024-11-03..2024-11-05" confirm "in November 2024" but
    neither confirms nor rules out "on 4 November", which they allow without saying. A
    thing that lasted (a date and an end) confirms any day it was under way. A claimed run
    of days ("11-13 June") is confirmed when the source's start lies within its first day
    and its end within its last, as the conflict engine compares two sources' ranges; a
    source's one day known only to lie within some days is confirmed by a run of those very
    days ("agreed on 20-21 March": one day in 2024-03-20..21), not by a wider run."""
    low, high = _claim_days(claim)
    if when.first is not None and when.last is not None:
        if (
            _is_day_range(when)
            and claim.end is None
            and (low, high) == (when.first.first_day(), when.last.last_day())
        ):
            return True  # the very days the source's one day lies within
        if _is_day_range(when):
            end = claim.end if claim.end is not None else claim.date
            if not (claim.date.overlaps(when.first) and end.overlaps(when.last)):
                return False
            return True if when.first.contains(claim.date) and when.last.contains(end) else None
        first, last = when.first.first_day(), when.last.last_day()
        if not (first <= high and low <= last):
            return False
        if claim.end is None:
            return True if first <= low and high <= last else None
        return True
    if when.month is None:
        return False
    for year in range(low.year, high.year + 1):
        try:
            first = dt.date(year, when.month, when.days[0] if when.days else 1)
            last_day = when.days[1] if when.days else 31
            while True:
                try:
                    last = dt.date(year, when.month, last_day)
                    break
                except ValueError:
                    last_day -= 1
        except ValueError:
            continue
        if first <= high and low <= last:
            return True
    return False


def judge_date(index: StoreIndex, claim: DateClaim) -> Finding:
    when = claim.when
    if not claim.events:
        return Finding(
            when.text,
            None,
            Verdict.UNVERIFIABLE,
            f'No event in the store matches what the sentence dates "{when.text}".',
        )
    if claim.length is not None:
        return _judge_length(index, claim)
    if claim.named_span:
        return _judge_named_span(index, claim)
    return _unless_namesakes(claim, _unless_announced(when, _judge_dates(index, claim)))


def _unless_namesakes(claim: DateClaim, finding: Finding) -> Finding:
    """A date may be right while the sentence puts another person of the same surname in
    the event ("Cho Tae-ik signed" where the store has Cho Tae-yul): that person's part is
    not what the store records, so the claim is left open."""
    if not claim.namesakes or finding.verdict is Verdict.UNVERIFIABLE:
        return finding
    said, recorded = claim.namesakes[0]
    return _left_open(
        finding, f"; but the sentence names {said}, where the store records {recorded}."
    )


def _judge_length(index: StoreIndex, claim: DateClaim) -> Finding:
    """ "A three-day visit" against the days each source's dates for the event span, where
    they give its first and last day (11-13 June: three; 11-12 June: two, so the sources
    disagree whatever the sentence says); a source giving only a month, or one day, says
    nothing of its length."""
    stated, days = claim.when.text, claim.length
    if len(claim.events) != 1:
        titles = "; ".join(index.events[e].event.title for e in claim.events) or "none"
        return Finding(
            stated,
            None,
            Verdict.UNVERIFIABLE,
            f'No one event is named for "{stated}" to be its length (events that fit: {titles}).',
        )
    event = index.events[claim.events[0]].event
    lengths = [_days_spanned(c) for c in event.claims]
    agrees = [None if n is None else n == days for n in lengths]
    evidence = _event_evidence(event, agrees)
    said = ", ".join(
        f"{n} day{'s' if n != 1 else ''} ({c.source})"
        for c, n in zip(event.claims, lengths, strict=True)
        if n is not None
    )
    if len({n for n in lengths if n is not None}) > 1:
        verdict = Verdict.DISPUTED
        why = (
            f"The sources disagree on how long {event.title} lasted: {said};"
            f' "{stated}" agrees with some.'
        )
    elif True in agrees:
        verdict, why = Verdict.SUPPORTED, f'{event.title} lasted {said}; "{stated}" agrees.'
    elif False in agrees:
        verdict, why = Verdict.CONTRADICTED, f'{event.title} lasted {said}, not "{stated}".'
    else:
        verdict = Verdict.UNVERIFIABLE
        why = f'No source gives the days of {event.title}, so "{stated}" cannot be compared.'
    return Finding(stated, event.id, verdict, why, evidence)


def _event_evidence(event: Event, agrees: list[bool | None]) -> tuple[Evidence, ...]:
    """Each source's date for the event, with whether it agrees with the claim."""
    return tuple(
        Evidence(
            event.id,
            c.source,
            None,
            c.date.iso(),
            c.quote,
            a,
            end=c.end.iso() if c.end else None,
            status=c.status,
        )
        for c, a in zip(event.claims, agrees, strict=True)
    )


def _days_spanned(claim: StoredDate) -> int | None:
    """How many days a source's date for an event spans, if it gives its first and last day:
    one day alone ("on June 12") says when, not that it lasted one day."""
    end = claim.end
    if end is None or not all(
        isinstance(d, PartialDate) and d.day is not None for d in (claim.date, end)
    ):
        return None
    days = day_span(claim.date, end)
    return int(days.high - days.low) + 1


def _unless_announced(when: When, finding: Finding) -> Finding:
    """A date a claim gives in advance ("will open 100 more stores in 2025") speaks of what
    was still to come when it was written: it may confirm a stored date, but a stored one of
    another time is another happening, or a plan that moved, never proof it is false."""
    if not when.announced or finding.verdict is not Verdict.CONTRADICTED:
        return finding
    return _left_open(
        finding,
        f'; but the sentence gives "{finding.stated}" in advance, as a plan, so it may be'
        " another occasion or a date that moved.",
    )


def _judge_dates(index: StoreIndex, claim: DateClaim) -> Finding:
    when = claim.when
    findings = [
        _unless_unnamed(
            _judge_event(index, when, index.events[e].event, owned=claim.owned),
            misnamed=e in claim.misnamed,
        )
        if e in claim.unnamed
        else _elsewhere(
            index, claim, e, _judge_event(index, when, index.events[e].event, owned=claim.owned)
        )
        for e in claim.events
    ]
    if len(findings) == 1:
        return findings[0]
    for finding in findings:
        if finding.verdict is Verdict.SUPPORTED:
            return finding
    if len(claim.who) == 1:
        # None fits the date, and the sentence names the actors of one of them.
        return findings[claim.events.index(claim.who[0])]
    titles = "; ".join(index.events[e].event.title for e in claim.events)
    return Finding(
        when.text,
        None,
        Verdict.UNVERIFIABLE,
        f'Several events fit the sentence ({titles}) and none is dated "{when.text}".',
        tuple(e for f in findings for e in f.evidence),
    )


def _judge_named_span(index: StoreIndex, claim: DateClaim) -> Finding:
    """A span of years a thing is for ("a plan for 2024-2026") against the span the
    matching event's own title names: agreeing, or (when the sentence says what happened)
    another span than the store's."""
    when = claim.when
    assert when.first is not None and when.last is not None
    asked = {when.first.year, when.last.year}
    entries = [index.events[e] for e in claim.events]
    for entry in entries:
        if entry.title_years == asked:
            return Finding(
                when.text,
                entry.event.id,
                Verdict.SUPPORTED,
                f'{entry.event.title}: its name gives the span "{when.text}".',
            )
    titles = "; ".join(e.event.title for e in entries)
    if len(entries) == 1 and not claim.unnamed:
        return Finding(
            when.text,
            entries[0].event.id,
            Verdict.CONTRADICTED,
            f'{titles}: its name gives another span than "{when.text}".',
        )
    return Finding(
        when.text,
        None,
        Verdict.UNVERIFIABLE,
        f'No event the sentence names is for "{when.text}" ({titles}).',
    )


def _elsewhere(index: StoreIndex, claim: DateClaim, event_id: str, finding: Finding) -> Finding:
    """A date that agrees, in a place the event was not ("talks in Seoul" for talks in New
    York): another occasion where such things recur, else a contradiction of the place."""
    own = index.own_place(event_id)
    if finding.verdict is not Verdict.SUPPORTED or own is None or not claim.places:
        return finding
    if claim.places & own:
        return finding
    event = index.events[event_id].event
    if event.kind in RECURRING:
        return Finding(
            finding.stated,
            finding.subject,
            Verdict.UNVERIFIABLE,
            f"{event.title}: the store places it in {event.place}, not where the sentence"
            f" does; a {event.kind.value} can happen more than once, so this may be another.",
            finding.evidence,
        )
    return Finding(
        finding.stated,
        finding.subject,
        Verdict.CONTRADICTED,
        f"{event.title}: the store places it in {event.place}, not where the sentence does.",
        finding.evidence,
    )


def _unless_unnamed(finding: Finding, *, misnamed: bool) -> Finding:
    """Unknown is never false: a sentence that does not say what happened (no word of the
    event's kind) may date another happening of the same people and places, so it cannot
    contradict the event; one that names another kind of happening ("the agreement" for
    negotiations) cannot be confirmed by it either."""
    keep = (Verdict.UNVERIFIABLE,) if misnamed else (Verdict.UNVERIFIABLE, Verdict.SUPPORTED)
    if finding.verdict in keep:
        return finding
    return _left_open(
        finding,
        "; but the sentence does not say it is this event that happened, so"
        f' "{finding.stated}" may date something else.',
    )


def _left_open(finding: Finding, why: str) -> Finding:
    """The finding made unverifiable, its explanation ending with why it cannot decide."""
    return Finding(
        finding.stated,
        finding.subject,
        Verdict.UNVERIFIABLE,
        finding.explanation.removesuffix(".") + why,
        finding.evidence,
    )


def _judge_event(index: StoreIndex, when: When, event: Event, *, owned: bool = False) -> Finding:
    placed = _in_the_events_year(when, event)
    if placed is not None:
        # "On June 11-12", no year: read in the one year the sources date the event to, so a
        # claim can take a side where they disagree; it still cannot contradict them.
        finding = _judge_event(index, placed, event, owned=owned)
        if finding.verdict is not Verdict.CONTRADICTED:
            return replace(finding, stated=when.text)
    agrees = [_agrees(when, c) for c in event.claims]
    keys = [ClaimRef(event.id, i) for i in range(len(event.claims))]
    intervals = {key: day_span(c.date, c.end) for key, c in zip(keys, event.claims, strict=True)}
    asked = _asked_days(when)
    conflict = (
        None if _is_day_range(when) or asked is None else _taking_sides(index, intervals, asked)
    )
    if conflict is None:
        # Told by which records it agrees with: "ended on June 13" sides with the source
        # that ends the visit on the 13th against the one that ends it on the 12th.
        conflict = _sided(index, keys, agrees)
    judged = Judged(
        [k for k, a in zip(keys, agrees, strict=True) if a is True],
        [k for k, a in zip(keys, agrees, strict=True) if a is False],
        disputed=conflict is not None,
    )
    evidence = _event_evidence(event, agrees)
    dated = ", ".join(f"{_claim_label(c)} ({c.source})" for c in event.claims)
    verdict = judged.verdict
    text = when.text
    if verdict is Verdict.SUPPORTED:
        why = f'{event.title}: dated {dated}; "{text}" agrees.'
        support = [c for c, a in zip(event.claims, agrees, strict=True) if a]
        if all(c.planned for c in support):
            said = ", ".join(dict.fromkeys(c.source for c in support))
            why += f" {said} gave the date as planned, in advance, not as what happened."
    elif verdict is Verdict.DISPUTED:
        sides = " vs ".join(
            ", ".join(c.label() for c in side)
            for side in (conflict.sides() if conflict is not None else [])
        )
        with_ = ", ".join(f"{c.source}" for c, a in zip(event.claims, agrees, strict=True) if a)
        why = (
            f"The sources disagree on the date of {event.title}: {sides};"
            f' "{text}" agrees with {with_}.'
        )
    elif when.first is None:
        verdict = Verdict.UNVERIFIABLE
        why = f'{event.title}: dated {dated}; "{text}" names no year, so it cannot contradict them.'
    elif verdict is Verdict.UNVERIFIABLE:
        why = (
            f"{event.title}: dated {dated}, one day somewhere in that range; the sources do not"
            f' say which, so "{text}" is neither confirmed nor ruled out.'
        )
    elif event.kind in RECURRING and not owned and not _same_years(when, event):
        verdict = Verdict.UNVERIFIABLE
        why = (
            f"{event.title}: dated {dated}. A {event.kind.value} can happen more than once, so"
            f' one "{text}" is neither confirmed nor ruled out.'
        )
    else:
        why = f'{event.title}: dated {dated}, not "{text}".'
    return Finding(text, event.id, verdict, why, evidence)


def _in_the_events_year(when: When, event: Event) -> When | None:
    """A month or days with no year, dated to the event's year when all its sources agree on
    one; None when the claim has a year, names no month, or the sources span several years."""
    if when.first is not None or when.month is None:
        return None
    years = {day.year for claim in event.claims for day in _claim_days(claim)}
    if len(years) != 1:
        return None
    (year,) = years
    try:
        if when.days is None:
            first = last = PartialDate(year, when.month)
        else:
            first = PartialDate(year, when.month, when.days[0])
            last = PartialDate(year, when.month, when.days[1])
    except ValueError:
        return None
    return replace(when, first=first, last=last)


def _same_years(when: When, event: Event) -> bool:
    if when.first is None or when.last is None:
        return False
    asked = set(range(when.first.year, when.last.year + 1))
    for claim in event.claims:
        low, high = _claim_days(claim)
        if asked & set(range(low.year, high.year + 1)):
            return True
    return False
