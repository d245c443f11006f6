"""The claim checker: verdicts for claims in free text, with the evidence behind each.

``Checker(store)`` indexes the store once; ``check_claim`` judges one claim,
``check_text`` finds the check-worthy sentences of a text (those stating a figure, a rank
or a date) and judges each, so a long text costs one pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kzkr_cli.core.checker.claims import read_sentence
from kzkr_cli.core.checker.evidence import (
    beyond_the_causes,
    beyond_the_parties,
    beyond_the_store,
    causes,
    judge_date,
    judge_figure,
)
from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.checker.parties import countries
from kzkr_cli.core.checker.sentences import Sentence, split_sentences
from kzkr_cli.core.checker.verdicts import CheckResult, Evidence, Finding, Verdict, combine
from kzkr_cli.core.conflicts import Conflict
from kzkr_cli.core.store import Store

__all__ = ["CheckResult", "Checker", "Evidence", "Finding", "Verdict"]


class Checker:
    """Checks claims against one store, indexed once."""

    def __init__(self, store: Store, conflicts: Sequence[Conflict] | None = None) -> None:
        self.index = StoreIndex.build(store, conflicts)

    def findings(self, text: str) -> list[Finding]:
        """What one sentence states, each judged on its own."""
        read = read_sentence(self.index, text)
        found = [judge_figure(self.index, f) for f in read.figures]
        found += [judge_date(self.index, d) for d in read.dates]
        if read.strangers:
            found = [beyond_the_store(f, read.strangers) for f in found]
        named = countries(text) if found else []  # read once: a long text has many findings
        found = [beyond_the_parties(self.index, f, named) for f in found]
        why = causes(text) if found else []
        if why:
            found = [beyond_the_causes(self.index, f, why) for f in found]
        return found

    def check_claim(self, claim: str) -> CheckResult:
        """One claim, however it is worded; a claim with nothing checkable is unverifiable."""
        text = " ".join(claim.split())
        result = self._result(text, self.findings(text))
        if result is not None:
            return result
        return CheckResult(
            text,
            Verdict.UNVERIFIABLE,
            "The claim states no figure, rank or date the store can place.",
            (),
        )

    def check_text(self, text: str) -> Iterator[CheckResult]:
        """The check-worthy sentences of ``text``, in order, with their positions."""
        for sentence in split_sentences(text):
            result = self._result(sentence.text, self.findings(sentence.text), sentence)
            if result is not None:
                yield result

    def _result(
        self, text: str, findings: list[Finding], sentence: Sentence | None = None
    ) -> CheckResult | None:
        deciding = combine(findings)
        if deciding is None:
            return None
        claims = [f for f in findings if not f.incidental]
        verdict = deciding.verdict
        evidence: dict[tuple[str, str, str | None, str | None], Evidence] = {}
        for finding in claims:
            for item in finding.evidence:
                evidence.setdefault((item.fact, item.source, item.date, item.period), item)
        explanation = deciding.explanation
        if verdict is Verdict.SUPPORTED and len(claims) > 1:
            explanation = " ".join(f.explanation for f in claims)
        return CheckResult(
            text,
            verdict,
            explanation,
            tuple(evidence.values()),
            tuple(claims),
            sentence.start if sentence else None,
            sentence.end if sentence else None,
            sentence.line if sentence else None,
        )
