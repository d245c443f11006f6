"""The readers of text take their words from the lexicon: every word it lists is read."""

from __future__ import annotations

import pytest

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker.sentences import split_sentences
from kzkr_cli.core.checker.when import find_times
from kzkr_cli.core.checker.words import directions
from kzkr_cli.core.models import Qualifier
from kzkr_cli.core.numbers import find_quantities


@pytest.mark.parametrize("hedge", sorted(lexicon.HEDGES))
def test_every_hedge_widens_a_number(hedge: str) -> None:
    (quantity,) = find_quantities(f"{hedge} 40 projects")
    assert quantity.qualifier is lexicon.HEDGES[hedge]
    assert quantity.qualifier is not Qualifier.EXACT


@pytest.mark.parametrize("word", sorted(lexicon.NUMBER_WORDS))
def test_every_number_word_is_a_number(word: str) -> None:
    (quantity,) = find_quantities(f"{word} projects")
    assert quantity.value == lexicon.NUMBER_WORDS[word]


@pytest.mark.parametrize("word", sorted(lexicon.ORDINAL_WORDS))
def test_every_ordinal_word_is_a_rank(word: str) -> None:
    (quantity,) = find_quantities(f"the {word} largest partner")
    assert quantity.value == lexicon.ORDINAL_WORDS[word]


@pytest.mark.parametrize("month", sorted([*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS]))
def test_every_month_name_dates_a_sentence(month: str) -> None:
    (when,) = find_times(f"signed in {month.title()} 2019")
    number = {**lexicon.MONTHS, **lexicon.MONTH_ABBREVIATIONS}[month]
    assert when.first is not None and when.first.month == number


@pytest.mark.parametrize("word", sorted(lexicon.DIRECTION_WORDS))
def test_every_direction_word_points_a_flow(word: str) -> None:
    assert {way for way, _ in directions(f"exports {word} Mongolia")} == {
        lexicon.DIRECTION_WORDS[word]
    }


@pytest.mark.parametrize("word", sorted(lexicon.ABBREVIATIONS))
def test_no_abbreviation_ends_a_sentence(word: str) -> None:
    assert len(list(split_sentences(f"It rose {word.title()}. by far"))) == 1


@pytest.mark.parametrize("part", sorted(lexicon.DECADE_PARTS))
def test_every_decade_part_narrows_a_decade(part: str) -> None:
    (when,) = find_times(f"deported in the {part} 1930s")
    low, high = lexicon.DECADE_PARTS[part]
    assert when.first is not None and when.last is not None
    assert (when.first.year, when.last.year) == (1930 + low, 1930 + high)
