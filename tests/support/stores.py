"""Where the stores live (the shipped one, the source documents), and builders that write the
records of a small synthetic store as TOML: source(), metric(), figure(), event(), claim()."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FACTS = ROOT / "facts"
DOCUMENTS = FACTS / "documents"
"""The text of every source, inside the store."""
StoreMaker = Callable[..., Path]
"""The make_store fixture: make_store(figures=..., events=...) -> the store's folder."""


class Raw(str):
    """A value written into the TOML as it stands (``Raw("2024-06-12")`` is a TOML date)."""


Value = str | int | float | bool | Raw | Sequence[Any] | Mapping[str, Any]


def toml_value(value: Value) -> str:
    """One value as TOML: strings escaped (control characters included), tables inline."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # JSON's escapes are TOML's; TOML also refuses a raw DEL
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


def _number(value: float) -> str:
    """A float as a person writes it in TOML: 6e9 rather than 6000000000.0."""
    short = re.sub(r"e\+?(-?)0*(\d)", r"e\1\2", f"{value:g}")
    if float(short) == value and "e" in short:
        return short
    return repr(value)


def table(name: str, fields: Mapping[str, Any], **subtables: Sequence[Mapping[str, Any]]) -> str:
    """One ``[[name]]`` table, then its ``[[name.sub]]`` tables; ``None`` fields are left out."""
    lines = [f"\n[[{name}]]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in fields.items() if value is not None]
    text = "\n".join(lines) + "\n"
    for sub, rows in subtables.items():
        text += "".join(table(f"{name}.{sub}", row) for row in rows)
    return text


def source(
    sid: str,
    *,
    title: str | None = None,
    publisher: str = "Alpha News",
    kind: str = "news",
    published: str = "2024",
    document: str | None = None,
    **more: Any,
) -> str:
    """One [[source]]: a news report unless told otherwise."""
    fields = {
        "id": sid,
        "title": f"{sid.title()} report" if title is None else title,
        "publisher": publisher,
    }
    fields |= {
        "kind": kind,
        "published": published,
        "document": f"{sid}.txt" if document is None else document,
    }
    return table("source", fields | more)


def metric(
    mid: str,
    name: str,
    unit: str = "count",
    *,
    aliases: Sequence[str] = (),
    description: str | None = None,
    **more: Any,
) -> str:
    """One [[metric]] of the vocabulary."""
    fields = {"id": mid, "name": name, "unit": unit, "aliases": list(aliases) or None}
    return table(
        "metric",
        fields | {"description": f"{name}." if description is None else description} | more,
    )


def figure(
    fid: str,
    as_written: str,
    value: float | str,
    period: Mapping[str, str] | str = Raw('{ start = "2023" }'),
    *,
    metric: str = "trade",
    source: str = "alpha",
    qualifier: str | None = None,
    quote: str | None = None,
    change: Mapping[str, Any] | str | None = None,
    **more: Any,
) -> str:
    """One [[figure]]; a period or change given as a string is written as TOML as it stands
    (a string value, which the store refuses, tests the type check)."""
    fields: dict[str, Any] = {
        "id": fid,
        "metric": metric,
        "value": value,
        "as_written": as_written,
        "qualifier": qualifier,
        "period": Raw(period) if isinstance(period, str) else period,
        "source": source,
        "quote": f"it was {as_written}" if quote is None else quote,
        "change": Raw(change) if isinstance(change, str) else change,
    }
    return table("figure", fields | more)


def claim(
    source: str, date: str, end: str | None = None, quote: str = "the visit", **more: Any
) -> dict[str, Any]:
    """One claim of an event: a source's date for it (and its end, for a span)."""
    return {"source": source, "date": date, "end": end, "quote": quote} | more


def event(
    eid: str,
    *claims: tuple[str, str, str | None] | Mapping[str, Any],
    kind: str = "visit",
    title: str | None = None,
    **more: Any,
) -> str:
    """One [[event]] with its claims, each a claim(...) or a (source, date, end) tuple."""
    rows = [dict(c) if isinstance(c, Mapping) else claim(*c) for c in claims]
    fields = {"id": eid, "kind": kind, "title": f"Visit {eid}" if title is None else title} | more
    return table("event", fields, claim=rows)


MINIMAL_SOURCES = source(
    "alpha", title="Alpha report", published="2024-06", document="alpha.txt"
) + source("beta", title="Beta review", publisher="Beta Agency", document="beta.txt")
"""Two sources every synthetic store starts with: alpha (June 2024) and beta (2024)."""

MINIMAL_METRICS = metric(
    "trade",
    "Trade turnover",
    "USD",
    aliases=["turnover"],
    description="Annual trade turnover between the two countries, both directions.",
) + metric(
    "investor-rank",
    "Rank among investors",
    "rank",
    aliases=["rank"],
    description="Korea's rank among foreign investors in Kazakhstan, at a moment.",
)
"""Two metrics every synthetic store starts with: trade (USD) and investor-rank (a rank)."""


SUMMIT_EVENTS = event(
    "summit-visit",
    claim("alpha", "2024-06-11", "2024-06-13", quote="the state visit"),
    kind="visit",
    title="Summit visit of the Korean president to Astana",
) + event(
    "summit-agreement",
    claim("alpha", "2024-06-12", quote="the agreement"),
    kind="agreement",
    title="Summit agreement of the Korean president in Astana",
)
"""A visit and an agreement of one summit, which a sentence about the summit in Astana speaks
of equally by their titles."""
