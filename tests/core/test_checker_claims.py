"""Where a claim is read: a scale word with no number before it is what a shell leaves of
"$7 billion" inside double quotes."""

from __future__ import annotations

import pytest

from kzkr_cli.core.checker.claims import scales_without_number


@pytest.mark.parametrize(
    ("claim", "bare"),
    [
        ("Trade reached  billion in 2023", ["billion"]),
        ("Korean investment stands at  billion.", ["billion"]),
        ("Exports rose to US million", ["million"]),
        ("Trade reached $7 billion in 2023", []),
        ("Trade reached 7 bn in 2023", []),
        ("about a billion dollars", []),
        ("several billion dollars", []),
        ("hundreds of millions", []),
        ("the billion-dollar plant", []),
        ("Trade fell 44% in 2024", []),
    ],
)
def test_a_scale_word_with_no_number_before_it(claim: str, bare: list[str]) -> None:
    assert scales_without_number(claim) == bare
