"""Splitting a text into sentences, each with its character offsets and line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kzkr_cli.core import lexicon

_ABBREVIATIONS = lexicon.ABBREVIATIONS
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*")
CLAUSE_BOUNDARY = re.compile(r"[,;:]\s+|\s[—–-]\s")
"""Where one clause of a sentence ends and the next begins: a comma, semicolon or colon
before a space, or a dash between spaces."""
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    line: int


def _ends_sentence(text: str, stop: int) -> bool:
    """False after an initial or an abbreviation ("S. Korea", "Nov. 3-5", "the U.S.")."""
    word = _LAST_WORD.search(text, max(0, stop - 12), stop)
    if word is None:
        return True
    name = word.group(1).lower().rstrip(".")
    return not (len(name) == 1 or name in _ABBREVIATIONS)


def split_sentences(text: str) -> Iterator[Sentence]:
    """Sentences of ``text`` in order, trimmed, with 0-based offsets and 1-based line numbers."""
    start = 0
    line = 1
    line_at = 0

    def emit(begin: int, stop: int) -> Sentence | None:
        nonlocal line, line_at
        chunk = text[begin:stop]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if not body:
            return None
        first = begin + lead
        line += text.count("\n", line_at, first)
        line_at = first
        return Sentence(body, first, first + len(body), line)

    for match in _BOUNDARY.finditer(text):
        stop = match.end() if not match.group(0).isspace() else match.start()
        if not match.group(0).isspace() and not _ends_sentence(text, stop):
            continue
        sentence = emit(start, stop)
        if sentence is not None:
            yield sentence
        start = match.end() if match.group(0).isspace() else stop
    sentence = emit(start, len(text))
    if sentence is not None:
        yield sentence
