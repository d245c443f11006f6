"""The machine formats: CSV that no spreadsheet runs, Markdown that renders as written."""

from __future__ import annotations

import csv
import io

import pytest

from kzkr_cli.render.listing import Column, Listing, OutputFormat
from kzkr_cli.render.writers import render


def _one_cell(fmt: OutputFormat, text: str) -> str:
    listing = Listing(columns=[Column("text", "Text")], rows=[{"text": text}], objects=[])
    out = io.StringIO()
    render(listing, fmt, out, tty=False, color=False)
    return out.getvalue()


@pytest.mark.parametrize("cut", ["\r", "\n", "\r\n"])
@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_csv_guards_every_line_start_inside_a_cell(cut: str, lead: str) -> None:
    text = f"harmless{cut}{lead}HYPERLINK(1){cut}{cut}{lead}2"
    written = _one_cell(OutputFormat.CSV, text)
    (cell,) = list(csv.reader(io.StringIO(written, newline="")))[1]
    assert cell == text.replace(cut + lead, cut + "'" + lead)
    # An importer that starts a row at every line break still sees no formula.
    for line in written.replace("\r", "\n").split("\n"):
        assert not line.lstrip('"').startswith(("=", "+", "-", "@"))


def test_csv_keeps_numbers_as_numbers_and_guards_the_first_character() -> None:
    listing = Listing(
        columns=[Column("n", "N", numeric=True), Column("t", "T")],
        rows=[{"n": -44.0, "t": "-44%"}],
        objects=[],
    )
    out = io.StringIO()
    render(listing, OutputFormat.CSV, out, tty=False, color=False)
    assert out.getvalue() == "n,t\n-44,'-44%\n"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[click](https://example.com)", "\\[click\\](https://example.com)"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("<!-- hidden", "\\<\\!-- hidden"),
        ("a | b", "a \\| b"),
        ("*bold* _it_ `code` ~x~", "\\*bold\\* \\_it\\_ \\`code\\` \\~x\\~"),
        ("&amp; #1", "\\&amp; \\#1"),
        ("- not a list", "\\- not a list"),
        ("12. not a list", "12\\. not a list"),
        ("two\nlines", "two lines"),
    ],
)
def test_markdown_escapes_what_markdown_or_html_would_act_on(text: str, shown: str) -> None:
    written = _one_cell(OutputFormat.MARKDOWN, text)
    assert written.splitlines()[2] == f"| {shown} |"
