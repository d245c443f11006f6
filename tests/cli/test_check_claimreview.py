"""kzkr check --format claimreview: the JSON-LD, Google's properties, options and refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.support.stores import StoreMaker, figure, source

runner = CliRunner()

FIGURES = figure("alpha-trade-2023", "$6 billion", 6e9, quote="trade reached $6 billion in 2023")

PUBLISHED = [
    "--org",
    "Steppe Check",
    "--url",
    "https://check.example/trade-2023",
    "--claim-author",
    "A. Minister",
    "--claim-url",
    "https://news.example/first",
    "--claim-url",
    "https://news.example/again",
    "--date",
    "2026-03-04",
]


def test_one_claim_is_exactly_this_json(make_store: StoreMaker) -> None:
    make_store(figures=FIGURES)
    claim = "Trade turnover was $6 billion in 2023."
    result = runner.invoke(app, ["check", claim, "--format", "claimreview", *PUBLISHED])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://check.example/trade-2023",
        "claimReviewed": "Trade turnover was $6 billion in 2023.",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A. Minister"},
            "appearance": [
                {"@type": "CreativeWork", "url": "https://news.example/first"},
                {"@type": "CreativeWork", "url": "https://news.example/again"},
            ],
            "firstAppearance": {"@type": "CreativeWork", "url": "https://news.example/first"},
        },
        "author": {"@type": "Organization", "name": "Steppe Check"},
        "datePublished": "2026-03-04",
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "supported",
            "name": "supported",
            "ratingValue": 3,
            "bestRating": 3,
            "worstRating": 1,
        },
        "reviewBody": 'Trade turnover for 2023: "$6 billion" (alpha); "$6 billion" agrees'
        " within the stated precision.",
        "citation": [
            {
                "@type": "CreativeWork",
                "identifier": "alpha",
                "name": "Alpha report",
                "publisher": {"@type": "Organization", "name": "Alpha News"},
                "datePublished": "2024-06",
                "text": "trade reached $6 billion in 2023",
            }
        ],
    }


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-05..2024-06-10", "2024"),  # written some day in May or June: the year holds it
        ("2024-06-12..2024-06", "2024-06"),
        ("2023-12..2024-01", None),  # no calendar unit finer than none holds it
        ("..2024-11-05", None),
    ],
)
def test_a_source_dated_within_a_range_cites_the_calendar_unit_that_holds_it(
    make_store: StoreMaker, published: str, expected: str | None
) -> None:
    """schema.org's datePublished is an ISO 8601 date, which has no range form."""
    sources = source("alpha", title="Alpha report", published=published, document="alpha.txt")
    make_store(figures=FIGURES, sources=sources)
    claim = "Trade turnover was $6 billion in 2023."
    result = runner.invoke(app, ["check", claim, "--format", "claimreview", *PUBLISHED])
    (citation,) = json.loads(result.stdout)["citation"]
    assert citation.get("datePublished") == expected


def _google_properties(review: dict[str, Any]) -> None:
    """What Google's fact-check documentation requires and recommends, checked one by one."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    # Required: claimReviewed, reviewRating (with alternateName), url.
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] in {"supported", "contradicted", "disputed", "unverifiable"}
    assert review["url"].startswith("https://")
    # Recommended: author (an Organization with a name) and itemReviewed (a Claim).
    assert review["author"] == {"@type": "Organization", "name": "Steppe Check"}
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "A. Minister"
    assert item["firstAppearance"]["url"] == item["appearance"][0]["url"]
    # Rating: a number on the documented scale, or none for "unverifiable".
    if rating["alternateName"] == "unverifiable":
        assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)
    else:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    for citation in review.get("citation", []):
        assert citation["@type"] == "CreativeWork"
        assert citation["name"] and citation["publisher"]["name"] and citation["text"]


@pytest.mark.parametrize(
    ("claim", "verdict", "value", "code"),
    [
        ("Korea and Kazakhstan traded $6 billion worth of goods in 2023.", "supported", 3, 0),
        (
            "Korean investment in Kazakhstan over 18 years stands at $9.2 billion.",
            "disputed",
            2,
            1,
        ),
        ("About 300 Kazakh students study in South Korea.", "contradicted", 1, 1),
        ("Kazakhstan and Korea will open a joint spaceport in 2030.", "unverifiable", None, 3),
    ],
)
def test_every_verdict_has_google_s_properties_and_its_place_on_the_scale(
    shipped_facts: Path, claim: str, verdict: str, value: int | None, code: int
) -> None:
    result = runner.invoke(app, ["check", claim, "-f", "claimreview", *PUBLISHED])
    assert result.exit_code == code, result.output
    review = json.loads(result.stdout)
    _google_properties(review)
    assert review["reviewRating"]["alternateName"] == verdict
    assert review["reviewRating"].get("ratingValue") == value


def test_a_text_gives_an_array_of_one_review_per_sentence(
    shipped_facts: Path, tmp_path: Path
) -> None:
    text = tmp_path / "article.txt"
    text.write_text(
        "Trade reached $6 billion in 2023. About 300 Kazakh students study in South Korea.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--file", str(text), "-f", "claimreview", *PUBLISHED])
    assert result.exit_code == 1, result.output
    reviews = json.loads(result.stdout)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["supported", "contradicted"]
    for review in reviews:
        _google_properties(review)


def test_without_url_or_org_it_says_what_is_missing(
    make_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(figures=FIGURES)
    monkeypatch.delenv("KZKR_ORG", raising=False)
    result = runner.invoke(
        app, ["check", "Trade turnover was $6 billion in 2023.", "-f", "claimreview"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: the ClaimReview has no url (required: the fact check's page; give --url)\n"
        "warning: the ClaimReview has no author (recommended: the organisation;"
        " give --org or set KZKR_ORG)\n"
    )
    review = json.loads(result.stdout)
    assert "url" not in review and "author" not in review
    assert review["itemReviewed"] == {"@type": "Claim"}


def test_the_organisation_comes_from_the_environment(
    make_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(figures=FIGURES)
    monkeypatch.setenv("KZKR_ORG", "Env Check")
    args = [
        "check",
        "Trade turnover was $6 billion in 2023.",
        "-f",
        "claimreview",
        "--url",
        "https://a.example/",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert json.loads(result.stdout)["author"] == {"@type": "Organization", "name": "Env Check"}


def test_today_is_the_default_date(make_store: StoreMaker) -> None:
    import datetime as dt

    make_store(figures=FIGURES)
    result = runner.invoke(
        app, ["check", "Trade turnover was $6 billion in 2023.", "-f", "claimreview"]
    )
    published = dt.date.fromisoformat(json.loads(result.stdout)["datePublished"])
    assert abs((published - dt.date.today()).days) <= 1


def test_bad_review_options_are_all_reported(make_store: StoreMaker) -> None:
    make_store(figures=FIGURES)
    args = ["check", "Trade turnover was $6 billion in 2023.", "-f", "claimreview"]
    bad = [
        "--url",
        "javascript:alert(1)",
        "--claim-url",
        "ftp://x.example/",
        "--date",
        "2026-02-30",
    ]
    result = runner.invoke(app, [*args, *bad, "--org", " "])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: --url: 'javascript:alert(1)' is not an http or https URL\n"
        "Error: --claim-url: 'ftp://x.example/' is not an http or https URL\n"
        "Error: --date: '2026-02-30' is not a date (YYYY-MM-DD)\n"
        "Error: --org: give a name, not an empty text\n"
    )


def test_review_options_need_the_claimreview_format(make_store: StoreMaker) -> None:
    make_store(figures=FIGURES)
    result = runner.invoke(
        app, ["check", "Trade turnover was $6 billion.", "-f", "json", "--org", "X"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --org, --url, --claim-author, --claim-url and --date need --format claimreview\n"
    )


@pytest.mark.parametrize(
    "command", [["timeline"], ["figure", "trade"], ["conflicts"], ["sources"], ["show", "alpha"]]
)
def test_other_commands_refuse_claimreview(make_store: StoreMaker, command: list[str]) -> None:
    make_store(figures=FIGURES)
    result = runner.invoke(app, [*command, "--format", "claimreview"])
    assert result.exit_code == 2
    assert (
        "Error: Invalid value for '--format' / '-f': claimreview is an output of kzkr check"
        " only" in result.stderr
    )


def test_a_text_with_nothing_to_check_is_an_empty_array(
    make_store: StoreMaker, tmp_path: Path
) -> None:
    make_store(figures=FIGURES)
    text = tmp_path / "empty.txt"
    text.write_text("Nothing here states a figure.\n", encoding="utf-8")
    args = ["check", "--file", str(text), "-f", "claimreview", *PUBLISHED]
    result = runner.invoke(app, args)
    assert result.stdout == "[]\n"
    assert "no sentence with a figure, rank or date" in result.stderr


def test_on_a_terminal_bidi_overrides_in_the_claim_are_shown_escaped(
    make_store: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(figures=FIGURES)
    monkeypatch.setattr("kzkr_cli.cli.check_command.stdout_is_terminal", lambda: True)
    claim = "Trade turnover was $6 billion in 2023.\u202e"
    result = runner.invoke(app, ["check", claim, "-f", "claimreview", *PUBLISHED])
    assert "\u202e" not in result.stdout
    assert "\\u202e" in result.stdout
