"""The checker on the shipped store: the claims corpus, the brief's examples, and the five
source documents, which the checker must never find contradicting their own store."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli

from kzkr_cli.core.checker import Checker, CheckResult, Verdict
from kzkr_cli.core.models import EventKind
from kzkr_cli.core.store import load_store
from tests.support.stores import DOCUMENTS as DOCUMENTS_FOLDER

DATA = Path(__file__).resolve().parent.parent / "data"
CORPORA: dict[str, list[dict[str, Any]]] = {
    path.stem: tomli.loads(path.read_text(encoding="utf-8"))["claim"]
    for path in sorted(DATA.glob("claims*.toml"))
}
"""Every corpus in tests/data, by file stem: a new claims*.toml is pinned as soon as it lands."""
CLAIMS = CORPORA["claims"]
HELDOUT = CORPORA["claims_heldout"]
BLIND = CORPORA["claims_blind"]
CLAIM_FIELDS = {"text", "verdict", "forms", "reason", "known_miss"}
NUMBER_FORMS = {
    "usd-symbol",
    "usd-prefix-bn",
    "usd-words",
    "digits-grouped",
    "number-scale",
    "percent-sign",
    "percent-word",
    "word-number",
    "word-number-scale",
    "ordinal-word",
    "ordinal-number",
    "top-n",
    "about",
    "more-than",
    "nearly",
    "other-currency",
}
PERIOD_FORMS = {"year", "month", "first-months", "duration", "as-of", "present"}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_store(Path(__file__).resolve().parents[2] / "facts"))


@pytest.fixture(scope="module")
def judge(checker: Checker) -> Callable[[str], CheckResult]:
    """The checker's result for a claim, computed once per module however many tests ask."""
    return functools.cache(checker.check_claim)


def slug(text: str) -> str:
    """A claim's first words, enough for a failing test id to name it."""
    return "-".join(re.findall(r"[^\W_]+", text.lower())[:6])


ENTRIES = [
    (f"{corpus}-{index:03d}-{slug(claim['text'])}", claim)
    for corpus, claims in CORPORA.items()
    for index, claim in enumerate(claims)
]
PINNED = [
    pytest.param(
        claim["text"],
        claim["verdict"],
        id=name,
        marks=[pytest.mark.xfail(strict=True, raises=AssertionError, reason=claim["known_miss"])]
        if "known_miss" in claim
        else [],
    )
    for name, claim in ENTRIES
]
"""One case per claim; a known miss recorded in its corpus must keep missing (strict xfail),
so fixing one shows as XPASS and fails until its ``known_miss`` line is removed."""


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_corpus_claims_are_well_formed(corpus: str) -> None:
    """A misspelt field (``known_mis``) or verdict fails here instead of pinning nothing."""
    claims = CORPORA[corpus]
    assert claims
    for claim in claims:
        assert set(claim) <= CLAIM_FIELDS, claim
        assert claim["verdict"] in {v.value for v in Verdict}, claim
        assert claim.get("known_miss", "why") and isinstance(claim.get("known_miss", ""), str)
    texts = [c["text"] for c in claims]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(("text", "verdict"), PINNED)
def test_corpus_claim_verdict(judge: Callable[[str], CheckResult], text: str, verdict: str) -> None:
    """Every corpus claim gets the verdict its corpus gives it."""
    result = judge(text)
    assert result.verdict.value == verdict, result.explanation


def test_corpus_covers_every_verdict_and_form() -> None:
    assert len(CLAIMS) >= 40
    assert {c["verdict"] for c in CLAIMS} == {v.value for v in Verdict}
    forms = {form for c in CLAIMS for form in c["forms"]}
    assert forms >= NUMBER_FORMS | PERIOD_FORMS
    assert len({c["text"] for c in CLAIMS}) == len(CLAIMS)


@pytest.mark.parametrize(
    ("claim", "verdict", "sources"),
    [
        (
            "Korea and Kazakhstan traded $6 billion worth of goods in 2023.",
            Verdict.SUPPORTED,
            {"astana-times-2024-06", "astana-times-2024-11", "wikipedia"},
        ),
        (
            "Korean investment in Kazakhstan over 18 years stands at $9.2 billion.",
            Verdict.DISPUTED,
            {"kazinform-2024", "wikipedia"},
        ),
        ("About 300 Kazakh students study in South Korea.", Verdict.CONTRADICTED, None),
        ("Kazakhstan and Korea will open a joint spaceport in 2030.", Verdict.UNVERIFIABLE, None),
        (
            "South Korea and Kazakhstan established diplomatic relations in 1995.",
            Verdict.CONTRADICTED,
            {"wikipedia", "kazinform-2024"},
        ),
        ("Kazakhstan opened its embassy in Seoul in 1996.", Verdict.SUPPORTED, {"wikipedia"}),
    ],
)
def test_the_issue_examples(
    checker: Checker, claim: str, verdict: Verdict, sources: set[str] | None
) -> None:
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if sources is not None:
        assert {e.source for e in result.evidence} == sources
    if verdict is Verdict.DISPUTED:
        assert {e.agrees for e in result.evidence} == {True, False}


HELDOUT_FORMS = (
    NUMBER_FORMS
    | PERIOD_FORMS
    | {
        "digits",
        "times",
        "month-range",
        "in-month",
        "day-range",
        "wrong-year",
        "wrong-rank",
        "third-party",
    }
)


def test_heldout_corpus_is_new_and_covers_every_form() -> None:
    assert len(HELDOUT) >= 60
    texts = [c["text"] for c in HELDOUT]
    assert len(set(texts)) == len(texts)
    assert not set(texts) & {c["text"] for c in CLAIMS}
    assert {c["verdict"] for c in HELDOUT} == {v.value for v in Verdict}
    assert {form for c in HELDOUT for form in c["forms"]} >= HELDOUT_FORMS


def test_heldout_corpus_reaches_every_event_kind_and_most_metrics(
    checker: Checker, judge: Callable[[str], CheckResult]
) -> None:
    """The corpus exercises the store, not a corner of it: its claims are judged against
    events of every kind and against most metrics."""
    store = checker.index.store
    subjects = {f.subject for c in HELDOUT for f in judge(c["text"]).findings if f.subject}
    kinds = {store.events[s].kind for s in subjects if s in store.events}
    assert kinds == set(EventKind)
    metrics = subjects & set(store.metrics)
    assert len(metrics) >= 0.75 * len(store.metrics), sorted(set(store.metrics) - metrics)


def test_blind_corpus_is_new_and_balanced() -> None:
    texts = [c["text"] for c in BLIND]
    assert len(texts) >= 60
    assert len(set(texts)) == len(texts)
    assert not set(texts) & {c["text"] for c in [*CLAIMS, *HELDOUT]}
    verdicts = Counter(c["verdict"] for c in BLIND)
    assert set(verdicts) == {v.value for v in Verdict}
    assert min(verdicts.values()) >= 8


@pytest.mark.parametrize(
    ("claim", "verdict", "subject"),
    [
        (
            "Trade turnover was 1.4 billion dollars in January-April 2024.",
            Verdict.SUPPORTED,
            "trade-turnover",
        ),
        ("Nazarbayev visited South Korea five times.", Verdict.SUPPORTED, None),
        (
            "Diplomatic ties between the two countries date back to January 1992.",
            Verdict.SUPPORTED,
            "diplomatic-relations-established",
        ),
    ],
)
def test_the_misfires_of_issue_5(
    checker: Checker, claim: str, verdict: Verdict, subject: str | None
) -> None:
    result = checker.check_claim(claim)
    assert result.verdict is verdict, result.explanation
    if subject is not None:
        assert subject in {f.subject for f in result.findings}


DOCUMENTS = sorted(DOCUMENTS_FOLDER.glob("*.txt"))

SELF_CHECKS: dict[str, tuple[dict[str, int], list[str]]] = {
    "000_a5df2c693f944562.txt": ({"supported": 10, "disputed": 1, "unverifiable": 2}, []),
    "001_54d0e5a8ce81d746.txt": ({"supported": 9}, []),
    "002_9668c7ed6c7b68c4.txt": (
        {"supported": 39, "disputed": 3, "unverifiable": 6},
        # the checker places no figure in the sentence of the forum's ordinal
        ["during the 13th Central Asia-South Korea Cooperation Forum in Seoul"],
    ),
    "003_14e3c04dea88d91c.txt": ({"supported": 6, "disputed": 1}, []),
    "004_66766e11431d4143.txt": (
        {"supported": 11, "disputed": 3, "unverifiable": 3},
        # "in terms of investment" does not name the rank among investors (a blind miss too)
        ["The country ranks sixth in terms of investment in the economy of Kazakhstan."],
    ),
}
"""Each document checked against its own store: its verdicts counted, and the quotes that
lie in no sentence the checker checks, pinned so that any change is seen."""


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote stands in its document, whatever its spacing and quote marks."""
    words = re.findall(r"[^\W_]+", quote)
    found = re.search(r"[\W_]+".join(map(re.escape, words)), text)
    return (found.start(), found.end()) if found else None


@pytest.mark.skipif(not DOCUMENTS, reason="the source documents are not available")
@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_no_document_contradicts_its_own_store(checker: Checker, document: Path) -> None:
    """The figures and stated dates the store takes from a document (not dates it derives)
    lie in sentences the checker checks, and none of them is called contradicted."""
    store = checker.index.store
    text = document.read_text(encoding="utf-8")
    results = list(checker.check_text(text))
    verdicts = Counter(r.verdict for r in results)
    assert verdicts[Verdict.CONTRADICTED] == 0, [
        r.claim for r in results if r.verdict is Verdict.CONTRADICTED
    ]
    assert verdicts[Verdict.SUPPORTED] >= len(results) // 2
    source = next(s for s in store.sources.values() if s.document == document.name)
    quotes = [f.quote for f in store.figures.values() if f.source == source.id] + [
        c.quote
        for e in store.events.values()
        for c in e.claims
        if c.source == source.id and c.derivation is None
    ]
    checked = [(r.start, r.end) for r in results]
    missed = []
    for quote in quotes:
        span = quote_span(text, quote)
        assert span is not None, quote
        if not any(
            s is not None and e is not None and s < span[1] and span[0] < e for s, e in checked
        ):
            missed.append(quote)
    assert len(missed) <= len(quotes) // 10, missed
    counts, unchecked = SELF_CHECKS[document.name]
    assert {v.value: n for v, n in verdicts.items()} == counts
    assert missed == unchecked
