"""A store whose every text is hostile HTML, for the report's escaping tests in and out of
a browser: ``<script>``, an attribute break-out with ``onerror``, a ``javascript:`` URL."""

from __future__ import annotations

from kzkr_cli.core.report import Report, build_report
from kzkr_cli.core.store import load_store
from tests.support.stores import StoreMaker, claim, event, figure, metric, source

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
SCHEME = "javascript:alert(1)"
HOSTILE = f"{SCRIPT} {ATTRIBUTE} {SCHEME} &amp; [bold]"


def hostile_report(make_store: StoreMaker) -> Report:
    """Two sources in conflict over one figure and one date, every text of them hostile."""
    sources = source(
        "alpha", title=HOSTILE, publisher=HOSTILE, author=HOSTILE, published="2024-06"
    ) + source("beta", title="Beta review", publisher="Beta Agency")
    metrics = metric("trade", HOSTILE, "USD", description=HOSTILE)
    figures = figure(
        "a.trade_2023",
        "$6 billion",
        6e9,
        {"start": "2023", "text": HOSTILE},
        quote=HOSTILE,
        note=HOSTILE,
    ) + figure("b-trade-2023", "$9 billion", 9e9, source="beta", quote="trade was $9 billion")
    events = event(
        "visit",
        claim("alpha", "2024-06", quote=HOSTILE, derivation=HOSTILE),
        claim("beta", "2023", quote="visited in 2023"),
        title=HOSTILE,
        actors=[HOSTILE],
        place=HOSTILE,
    )
    root = make_store(sources=sources, metrics=metrics, figures=figures, events=events)
    return build_report(load_store(root))
