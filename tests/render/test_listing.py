"""A listing's columns: for people, for scripts, or both."""

from __future__ import annotations

from kzkr_cli.render.listing import Column, Listing


def test_table_and_row_columns_are_chosen_per_column() -> None:
    listing = Listing(
        columns=[
            Column("when", "Date", in_rows=False),
            Column("date", "Date", in_table=False),
            Column("title", "Title"),
        ],
        rows=[],
        objects=[],
    )
    assert [c.key for c in listing.table_columns] == ["when", "title"]
    assert [c.key for c in listing.row_columns] == ["date", "title"]
