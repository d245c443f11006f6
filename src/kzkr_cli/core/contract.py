"""The scripting contract: records, conflicts and verdicts as JSON-ready objects with stable
field names, what `--format json` and `kzkr export` print. One module, so the names a script
relies on are defined once."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kzkr_cli.core.models import Event, Figure, Metric, Source, UndecidedFigure

if TYPE_CHECKING:
    from kzkr_cli.core.checker.verdicts import CheckResult, Evidence, Finding
    from kzkr_cli.core.conflicts import Conflict
    from kzkr_cli.core.store import Store


def number(value: float) -> float | int | None:
    """A JSON number: whole values as integers, infinite ends as null."""
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def source_object(source: Source) -> dict[str, Any]:
    return source.model_dump(mode="json")


def metric_object(metric: Metric) -> dict[str, Any]:
    return metric.model_dump(mode="json")


def figure_object(store: Store, figure: Figure) -> dict[str, Any]:
    """A figure with its unit and the interval its precision and qualifier admit."""
    interval = store.interval(figure)
    period = figure.period
    return {
        "id": figure.id,
        "metric": figure.metric,
        "value": number(figure.value),
        "unit": store.metrics[figure.metric].unit.value,
        "as_written": figure.as_written,
        "qualifier": figure.qualifier.value,
        "low": number(interval.low),
        "high": number(interval.high),
        "period": {
            "start": period.start.iso() if period.start else None,
            "end": period.last.iso() if period.is_span else None,
            "as_of": period.as_of.iso() if period.as_of else None,
            "text": period.text,
            "inferred": period.inferred,
        },
        "source": figure.source,
        "published": store.sources[figure.source].published.iso(),
        "quote": figure.quote,
        "note": figure.note,
        "change": figure.change.model_dump(mode="json") if figure.change else None,
        "status": figure.status.value,
        "candidates": [],
    }


def undecided_object(figure: UndecidedFigure) -> dict[str, Any]:
    """A draft figure whose metric is undecided: no metric, unit or interval yet."""
    period = figure.period
    return {
        "id": figure.id,
        "metric": None,
        "value": number(figure.value),
        "unit": None,
        "as_written": figure.as_written,
        "qualifier": figure.qualifier.value,
        "low": None,
        "high": None,
        "period": {
            "start": period.start.iso() if period.start else None,
            "end": period.last.iso() if period.is_span else None,
            "as_of": period.as_of.iso() if period.as_of else None,
            "text": period.text,
            "inferred": period.inferred,
        },
        "source": figure.source,
        "published": None,
        "quote": figure.quote,
        "note": figure.note,
        "change": None,
        "status": figure.status.value,
        "candidates": list(figure.candidates),
    }


def event_object(event: Event) -> dict[str, Any]:
    """An event with its headline date and every source's own date claim."""
    headline = event.headline
    return {
        "id": event.id,
        "kind": event.kind.value,
        "title": event.title,
        "date": headline.date.iso(),
        "end": headline.end.iso() if headline.end else None,
        "actors": list(event.actors),
        "place": event.place,
        "note": event.note,
        "sources": event.sources,
        "claims": [
            {
                "source": claim.source,
                "date": claim.date.iso(),
                "end": claim.end.iso() if claim.end else None,
                "quote": claim.quote,
                "derivation": claim.derivation,
                "planned": claim.planned,
                "note": claim.note,
                "status": claim.status.value,
            }
            for claim in event.claims
        ],
    }


def conflict_object(conflict: Conflict) -> dict[str, Any]:
    """A conflict as a JSON-ready object: the scripting contract of ``kzkr conflicts``."""
    return {
        "id": conflict.id,
        "kind": conflict.kind.value,
        "subject": conflict.subject,
        "period": conflict.period,
        "severity": round(conflict.severity, 6),
        "explanation": conflict.explanation,
        "claims": [
            {
                "key": claim.key,
                "fact": claim.fact,
                "source": claim.source,
                "value": None if claim.value is None else number(claim.value),
                "as_written": claim.as_written,
                "period": claim.period,
                "low": None if claim.low is None else number(claim.low),
                "high": None if claim.high is None else number(claim.high),
                "date": claim.date,
                "end": claim.end,
                "quote": claim.quote,
                "derivation": claim.derivation,
            }
            for claim in conflict.claims
        ],
        "groups": [list(group) for group in conflict.groups],
    }


def evidence_object(evidence: Evidence) -> dict[str, Any]:
    """One record a verdict rests on, and whether it agrees with the claim."""
    return {
        "fact": evidence.fact,
        "source": evidence.source,
        "value": None if evidence.value is None else number(evidence.value),
        "date": evidence.date,
        "end": evidence.end,
        "period": evidence.period,
        "quote": evidence.quote,
        "agrees": evidence.agrees,
        "inferred": evidence.inferred,
        "status": evidence.status.value,
    }


def finding_object(finding: Finding) -> dict[str, Any]:
    """The verdict on one thing a sentence states."""
    return {
        "stated": finding.stated,
        "subject": finding.subject,
        "verdict": finding.verdict.value,
        "explanation": finding.explanation,
        "evidence": [evidence_object(e) for e in finding.evidence],
    }


def check_object(result: CheckResult, *, position: bool = False) -> dict[str, Any]:
    """The verdict on one claim: the scripting contract of ``kzkr check``."""
    obj: dict[str, Any] = {
        "claim": result.claim,
        "verdict": result.verdict.value,
        "explanation": result.explanation,
        "evidence": [evidence_object(e) for e in result.evidence],
    }
    if position:
        obj.update(start=result.start, end=result.end, line=result.line)
    obj["findings"] = [finding_object(f) for f in result.findings]
    return obj
