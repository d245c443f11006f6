"""Store text made safe: visible escapes on a terminal, one line in a message."""

from __future__ import annotations

import io
import json

from kzkr_cli.render.text import NeutralisingWriter, cell_text, neutralise, one_line


def test_neutralise_shows_escapes_and_bidi_overrides_and_keeps_line_breaks() -> None:
    assert neutralise("a\x1b[31mb\u202ec\nd\te") == "a\\u001b[31mb\\u202ec\nd\te"


def test_one_line_escapes_line_breaks_too_so_an_id_cannot_fake_a_line() -> None:
    assert one_line("figure x\nfake.toml:1: ok") == "figure x\\u000afake.toml:1: ok"
    assert one_line("a\rb\u2028c\td") == "a\\u000db\\u2028c\\u0009d"


def test_cells_as_text() -> None:
    assert [cell_text(v) for v in (None, True, 6e9, 0.5, "x", ["a", "b"])] == [
        "",
        "true",
        "6000000000",
        "0.5",
        "x",
        "a; b",
    ]


def test_json_through_the_neutralising_writer_stays_valid_and_means_the_same() -> None:
    out = io.StringIO()
    writer = NeutralisingWriter(out)
    text = json.dumps({"title": "abc\u202edef"}, ensure_ascii=False)
    writer.write(text[:5])
    writer.write(text[5:])
    assert "\u202e" not in out.getvalue()
    assert json.loads(out.getvalue()) == {"title": "abc\u202edef"}
