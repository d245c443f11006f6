"""Deciding a verdict from the evidence, the same way for figures and for dates.

The rule: a claim and a record agree when their intervals overlap (a figure's interval is
its stated precision and qualifier, as the conflict engine reads it; a date's is the days
it covers). Against the records on the claim's subject and period:

- every record agrees with the claim → supported;
- some do and some do not, and the conflict engine reports a disagreement among those
  records → disputed (the claim sides with one source against another);
- otherwise (none agrees, or the sources agree with each other and one rules it out)
  → contradicted;
- no record on that subject and period → unverifiable. Unknown is never false.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kzkr_cli.core.models import Status


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    UNVERIFIABLE = "unverifiable"


SEVERITY = {
    Verdict.SUPPORTED: 0,
    Verdict.UNVERIFIABLE: 1,
    Verdict.DISPUTED: 2,
    Verdict.CONTRADICTED: 3,
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """One record the verdict rests on, and whether it agrees with the claim (None: it
    neither confirms nor rules it out, as "over 1,000" for "5,000")."""

    fact: str
    source: str
    value: float | None
    """A figure's value in base units; None for a date claim."""
    date: str | None
    """A date claim's ISO date (its start, for a span); None for a figure."""
    quote: str
    agrees: bool | None
    end: str | None = None
    """A date claim's ISO end, for a span."""
    period: str | None = None
    """A figure's period ("2023", "2006/2023", "as of 2024"); None for a date claim."""
    status: Status = Status.REVIEWED
    inferred: bool = False
    """A figure whose period its source does not state: read from context."""


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one thing a sentence states: a figure or a date."""

    stated: str
    subject: str | None
    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    incidental: bool = False
    """A bare number with no subject ("the two countries"): no claim of its own."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict on one claim (a sentence), with its evidence and where it stands."""

    claim: str
    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...]
    findings: tuple[Finding, ...] = ()
    start: int | None = None
    end: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Judged:
    """Records compared with a claim: which agree, and the conflict among them if any."""

    agreeing: list[object] = field(default_factory=list)
    disagreeing: list[object] = field(default_factory=list)
    disputed: bool = False

    @property
    def verdict(self) -> Verdict:
        if not self.agreeing and not self.disagreeing:
            return Verdict.UNVERIFIABLE
        if not self.disagreeing:
            return Verdict.SUPPORTED
        if self.agreeing and self.disputed:
            return Verdict.DISPUTED
        return Verdict.CONTRADICTED


def combine(findings: list[Finding]) -> Finding | None:
    """The finding that decides a sentence: the worst of its claims, where a bare number
    with no subject does not stop the others from being supported. None when the sentence
    states nothing to check."""
    claims = [f for f in findings if not f.incidental]
    if not claims:
        return None
    return max(claims, key=lambda f: SEVERITY[f.verdict])
