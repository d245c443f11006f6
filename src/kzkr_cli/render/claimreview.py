"""Checked claims as schema.org ClaimReview JSON-LD, the format fact-checkers exchange.

The rating scale: 1 contradicted, 2 disputed (the sources disagree and the claim sides with
some of them), 3 supported. An unverifiable claim gets its verdict as text and no number:
the store knowing nothing about a claim says nothing about how true it is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from kzkr_cli.core.checker import CheckResult, Verdict
from kzkr_cli.core.dates import Dating, PartialDate
from kzkr_cli.core.links import source_url
from kzkr_cli.core.models import Source
from kzkr_cli.render.text import neutralise

RATING_VALUE: Mapping[Verdict, int | None] = {
    Verdict.CONTRADICTED: 1,
    Verdict.DISPUTED: 2,
    Verdict.SUPPORTED: 3,
    Verdict.UNVERIFIABLE: None,
}
WORST_RATING = 1
BEST_RATING = 3


@dataclass(frozen=True, slots=True)
class Publication:
    """What a check result cannot know: who publishes the review, where and when, and who
    made the claim where."""

    date: dt.date
    organisation: str | None = None
    url: str | None = None
    claim_author: str | None = None
    claim_urls: tuple[str, ...] = ()

    def missing(self) -> list[str]:
        """Properties Google requires or recommends that these options leave out."""
        gaps = []
        if self.url is None:
            gaps.append("url (required: the fact check's page; give --url)")
        if self.organisation is None:
            gaps.append("author (recommended: the organisation; give --org or set KZKR_ORG)")
        return gaps


def claim_review(
    result: CheckResult, sources: Mapping[str, Source], publication: Publication
) -> dict[str, Any]:
    """One ClaimReview for one checked claim, its evidence as citations."""
    review: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
    if publication.url is not None:
        review["url"] = publication.url
    review["claimReviewed"] = result.claim
    review["itemReviewed"] = _claim(publication)
    if publication.organisation is not None:
        review["author"] = {"@type": "Organization", "name": publication.organisation}
    review["datePublished"] = publication.date.isoformat()
    review["reviewRating"] = _rating(result.verdict)
    review["reviewBody"] = result.explanation
    citations = [_citation(e.source, e.quote, sources) for e in result.evidence]
    if citations:
        review["citation"] = list({json.dumps(c, sort_keys=True): c for c in citations}.values())
    return review


def write_claim_reviews(
    results: Sequence[CheckResult],
    sources: Mapping[str, Source],
    publication: Publication,
    out: TextIO,
    *,
    single: bool,
    tty: bool = False,
) -> None:
    """One object for a single claim; a JSON array (one element per sentence) for a text.
    On a terminal, control characters and bidi overrides show as ``\\uXXXX`` escapes."""
    reviews = [claim_review(r, sources, publication) for r in results]
    document: Any = reviews[0] if single else reviews
    text = json.dumps(document, indent=2, ensure_ascii=False)
    out.write((neutralise(text) if tty else text) + "\n")


def _claim(publication: Publication) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    if publication.claim_author is not None:
        claim["author"] = {"@type": "Person", "name": publication.claim_author}
    if publication.claim_urls:
        claim["appearance"] = [{"@type": "CreativeWork", "url": u} for u in publication.claim_urls]
        claim["firstAppearance"] = {"@type": "CreativeWork", "url": publication.claim_urls[0]}
    return claim


def _rating(verdict: Verdict) -> dict[str, Any]:
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": verdict.value,
        "name": verdict.value,
    }
    value = RATING_VALUE[verdict]
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return rating


def _citation(source_id: str, quote: str, sources: Mapping[str, Source]) -> dict[str, Any]:
    """The source as a CreativeWork, with the verbatim words the verdict rests on as text."""
    source = sources.get(source_id)
    if source is None:
        return {"@type": "CreativeWork", "identifier": source_id, "text": quote}
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "identifier": source.id,
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
    }
    published = _schema_date(source.published)
    if published is not None:
        work["datePublished"] = published
    url = source_url(source)
    if url is not None:
        work["url"] = url
    if source.author is not None:
        work["author"] = {"@type": "Person", "name": source.author}
    work["text"] = quote
    return work


def _schema_date(dating: Dating) -> str | None:
    """A schema.org Date is an ISO 8601 date, which has no "A..B": a source dated within a
    range gets the finest calendar unit that holds the range ("2024-05..2024-06-10" → 2024),
    and none when no year does."""
    if isinstance(dating, PartialDate):
        return dating.iso()
    low, high = dating.first_day(), dating.last_day()
    if low.year != high.year:
        return None
    for unit in (PartialDate(low.year, low.month, low.day), PartialDate(low.year, low.month)):
        if unit.contains(dating):
            return unit.iso()
    return PartialDate(low.year).iso()
