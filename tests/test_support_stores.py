"""The store builders the tests share write what they are given: any text, number or table
reads back from the TOML unchanged, so a test's store holds exactly the records it states."""

from __future__ import annotations

import tomli
from hypothesis import given
from hypothesis import strategies as st

from tests.support.stores import claim, event, figure, toml_value

TEXT = st.text(st.characters(exclude_categories=["Cs"]))


@given(TEXT, st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2**63), 2**63 - 1))
def test_values_read_back_unchanged(text: str, number: float, whole: int) -> None:
    value = {"text": text, "number": number, "whole": whole, "list": [text, text]}
    assert tomli.loads(f"a = {toml_value(value)}")["a"] == value


@given(TEXT)
def test_records_read_back_with_their_text(text: str) -> None:
    data = tomli.loads(
        figure("f", "$6 billion", 6e9, quote=text)
        + event("e", claim("alpha", "2024-06", quote=text), title=text)
    )
    assert data["figure"][0]["quote"] == text
    assert data["figure"][0]["value"] == 6e9
    assert data["event"][0]["title"] == data["event"][0]["claim"][0]["quote"] == text
