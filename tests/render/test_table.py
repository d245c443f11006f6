"""The terminal table: what does not fit is said under it, summaries wrap at spaces, and
hostile numbers do not break it."""

from __future__ import annotations

import io

import pytest

from kzkr_cli.render.listing import Column, Listing
from kzkr_cli.render.table import write_table


def _table(listing: Listing, columns: int, monkeypatch: pytest.MonkeyPatch, **kw: bool) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = io.StringIO()
    write_table(listing, out, color=False, **kw)
    return out.getvalue()


def _header(text: str) -> list[str]:
    return next(line for line in text.splitlines() if line.strip()).split()


LISTING = Listing(
    columns=[
        Column("id", "Source"),
        Column("kind", "Kind", priority=2, fold_into="id"),
        Column("title", "Title", priority=1),
        Column("count", "Figures", numeric=True),
    ],
    rows=[
        {"id": "astana-times-2024-06", "kind": "news", "title": "A title " * 8, "count": 8},
    ],
    objects=[],
    summary=["1 source with 8 figures, and a summary line long enough to need wrapping twice"],
)


def test_a_hidden_column_is_named_under_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _table(LISTING, 35, monkeypatch)
    assert _header(text) == ["Source", "Figures"]
    assert "1 column hidden: Title; Kind shown under Source; --wide shows all" in " ".join(
        text.split()
    )
    assert "astana-times-2024-06" in text and "news" in text


def test_wide_shows_every_column(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _table(LISTING, 35, monkeypatch, wide=True)
    assert _header(text) == ["Source", "Kind", "Title", "Figures"]
    assert "hidden" not in text


def test_a_summary_line_wraps_at_spaces_only(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _table(LISTING, 40, monkeypatch)
    words = LISTING.summary[0].split()
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("1 source"))
    wrapped = lines[start : start + 3]
    assert all(len(line) <= 40 for line in wrapped)
    assert " ".join(wrapped).split() == words


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1.7e308, "1.7e+308"), (-1.7e308, "-1.7e+308"), (float("inf"), "∞"), (6e9, "6 billion")],
)
def test_any_number_fits_a_table(monkeypatch: pytest.MonkeyPatch, value: float, shown: str) -> None:
    listing = Listing(columns=[Column("v", "Value", numeric=True)], rows=[{"v": value}], objects=[])
    text = _table(listing, 80, monkeypatch)
    assert [line.strip() for line in text.splitlines() if line.strip()][2] == shown
