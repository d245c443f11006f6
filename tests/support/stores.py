"""Where the stores live (the shipped one, the source documents) and the pieces of a small
synthetic store that tests build on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FACTS = ROOT / "facts"
SEEDS = ROOT.parent / "shared" / "seeds"
MINIMAL_SOURCES = """
[[source]]
id = "alpha"
title = "Alpha report"
publisher = "Alpha News"
kind = "news"
published = "2024-06"
document = "alpha.txt"

[[source]]
id = "beta"
title = "Beta review"
publisher = "Beta Agency"
kind = "news"
published = "2024"
document = "beta.txt"
"""

MINIMAL_METRICS = """
[[metric]]
id = "trade"
name = "Trade turnover"
unit = "USD"
aliases = ["turnover"]
description = "Annual trade turnover between the two countries, both directions."

[[metric]]
id = "investor-rank"
name = "Rank among investors"
unit = "rank"
aliases = ["rank"]
description = "Korea's rank among foreign investors in Kazakhstan, at a moment."
"""


StoreMaker = Callable[..., Path]
"""The make_store fixture: make_store(figures=..., events=...) -> the store's folder."""
