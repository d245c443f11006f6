"""The broken store fixtures and the error each must give."""

from __future__ import annotations

from pathlib import Path

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"
"""One small broken store per failure mode."""

CASES = [
    ("broken-toml", "store.toml", r"store\.toml:14: invalid TOML"),
    (
        "unknown-field",
        "store.toml",
        r"figure alpha-koreans: colour: Extra inputs are not permitted",
    ),
    ("wrong-type", "store.toml", r"figure alpha-koreans: value: Input should be a valid number"),
    ("missing-field", "store.toml", r"figure alpha-koreans: quote: Field required"),
    (
        "duplicate-id",
        "store.toml",
        r"alpha-koreans: id: duplicate id \(first defined in .*more\.toml",
    ),
    ("unknown-source", "store.toml", r"source: unknown source 'gamma'"),
    ("unknown-metric", "store.toml", r"metric: unknown metric 'diaspora'"),
    ("impossible-date", "store.toml", r"claim\.0\.date: 2024-02-30 does not exist"),
    ("end-before-start", "store.toml", r"claim\.0: end 2024-06-11 is before date 2024-06-13"),
    ("negative-count", "store.toml", r"value: -120000 is negative; a count cannot be"),
    ("not-utf8", "store.toml", r"is not UTF-8 text \(byte 0xe9"),
    ("empty", "", r"no \.toml files: the facts folder is empty"),
    (
        "reviewed-with-candidates",
        "store.toml",
        r"figure alpha-koreans: a reviewed figure has exactly one metric: set metric and remove"
        r" candidates",
    ),
    ("unknown-candidate", "store.toml", r"candidates\.1: unknown metric 'diaspora'"),
    ("unknown-status", "store.toml", r"status: Input should be 'draft' or 'reviewed'"),
    ("nul-in-text", "store.toml", r"alpha-koreans: quote: contains a NUL character \(\\u0000\)"),
]
"""(case, file the problem is in, pattern of the message): the store error each fixture
gives, asserted by the loader's tests and, as exit 2 and message, by the CLI's."""
