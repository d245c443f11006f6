"""Fitting a table to a width: tokens stay whole, columns go by priority, --wide keeps all."""

from __future__ import annotations

from kzkr_cli.render.fit import READABLE, extra_width, fit, needed
from kzkr_cli.render.listing import Column

ID = Column("id", "Id")
TITLE = Column("title", "Title")
KIND = Column("kind", "Kind", priority=2, fold_into="id")
NOTE = Column("note", "Note", priority=1)
CELLS = {
    "id": [["astana-times-2024-06"]],
    "title": [["A long title with words that wrap nicely"]],
    "kind": [["announcement"]],
    "note": [["an unbreakable-token-of-thirty-chars"]],
}


def test_a_column_needs_its_longest_token_or_line_when_it_does_not_wrap() -> None:
    assert needed(TITLE, [["a wrapping title"], ["x"]]) == (16, 16)
    assert needed(TITLE, [["a title long enough to wrap at spaces"]]) == (READABLE, 37)
    assert needed(TITLE, [["an-unbreakable-token-longer-than-readable ok"]]) == (41, 44)
    assert needed(Column("v", "Value", numeric=True), [["6 billion"]]) == (9, 9)
    assert needed(Column("v", "V", no_wrap=True), [["as of 2024"]]) == (10, 10)


def test_everything_fits_at_its_natural_width_when_there_is_room() -> None:
    fitted = fit([ID, TITLE, KIND, NOTE], CELLS, 200)
    assert [c.key for c in fitted.columns] == ["id", "title", "kind", "note"]
    assert fitted.widths == [20, 40, 12, 36]
    assert fitted.hidden == []


def test_the_highest_priority_number_goes_first_and_a_fold_keeps_its_text() -> None:
    room = 20 + READABLE + 33 + extra_width(3)  # id, a readable title, note
    fitted = fit([ID, TITLE, KIND, NOTE], CELLS, room)
    assert [c.key for c in fitted.columns] == ["id", "title", "note"]
    assert fitted.folded == {"id": [KIND]}
    assert fitted.width <= room
    narrower = fit([ID, TITLE, KIND, NOTE], CELLS, room - 1)
    assert [c.key for c in narrower.hidden] == ["kind", "note"]


def test_widths_never_go_below_their_need_while_columns_can_still_be_hidden() -> None:
    for width in range(20 + READABLE + extra_width(2), 120):  # down to id and the title
        fitted = fit([ID, TITLE, KIND, NOTE], CELLS, width)
        lows = [needed(c, CELLS[c.key])[0] for c in fitted.columns]
        assert all(w >= low for w, low in zip(fitted.widths, lows, strict=True))
        assert fitted.width <= width


def test_wide_keeps_every_column_and_every_token_whole() -> None:
    fitted = fit([ID, TITLE, KIND, NOTE], CELLS, 40, wide=True)
    assert [c.key for c in fitted.columns] == ["id", "title", "kind", "note"]
    assert fitted.widths == [20, READABLE, 12, 33]


def test_only_a_token_wider_than_the_terminal_is_folded() -> None:
    cells = {"id": [["x" * 70]], "title": [["short words"]]}
    fitted = fit([ID, TITLE], cells, 60)
    assert fitted.width == 60
    assert fitted.widths[1] == 11  # "short words" stays whole; the 70 x's are folded
