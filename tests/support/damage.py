"""Damaged stores for property tests: a small valid store or the shipped one, and random
mutations of their files (a flipped byte, a lost line, a duplicated table...)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from tests.support.stores import FACTS, MINIMAL_METRICS, MINIMAL_SOURCES, Raw, claim, event, figure

FIGURES = (
    figure("alpha-trade-2023", "$6 billion", 6e9, quote="trade reached $6 billion in 2023")
    + figure(
        "beta-trade-2023",
        "about $9.2 billion",
        9.2e9,
        {"start": "2023-01", "end": "2023-12", "text": "last year"},
        qualifier="about",
        source="beta",
        quote="about $9.2 billion last year",
    )
    + figure(
        "alpha-rank",
        "top five",
        5,
        {"as_of": "2024-06"},
        metric="investor-rank",
        qualifier="top",
        quote="among the top five investors",
    )
)

EVENTS = event(
    "visit",
    claim("alpha", "2024-06-11", "2024-06-13", quote="the visit of 11-13 June"),
    claim("beta", Raw("2024-06-12"), quote="on 12 June"),
    title="State visit",
    actors=["Kazakhstan", "South Korea"],
)

SYNTHETIC = {
    "sources.toml": MINIMAL_SOURCES,
    "metrics.toml": MINIMAL_METRICS,
    "figures.toml": FIGURES,
    "events.toml": EVENTS,
}


def _flip(data: st.DataObject, raw: bytes) -> bytes:
    at = data.draw(st.integers(0, len(raw) - 1), label="offset")
    byte = data.draw(st.integers(0, 255), label="byte")
    return raw[:at] + bytes([byte]) + raw[at + 1 :]


def _delete_line(data: st.DataObject, raw: bytes) -> bytes:
    lines = raw.splitlines(keepends=True)
    del lines[data.draw(st.integers(0, len(lines) - 1), label="line")]
    return b"".join(lines)


def _duplicate_table(data: st.DataObject, raw: bytes) -> bytes:
    lines = raw.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"[[")]
    if not starts:
        return raw + raw
    first = data.draw(st.sampled_from(starts), label="table")
    end = next((i for i in starts if i > first), len(lines))
    return raw + b"\n" + b"".join(lines[first:end])


def _swap_values(data: st.DataObject, raw: bytes) -> bytes:
    lines = raw.splitlines(keepends=True)
    pairs = [i for i, line in enumerate(lines) if b" = " in line]
    if len(pairs) < 2:
        return raw
    a, b = data.draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=2, unique=True))
    key_a, _, value_a = lines[a].partition(b" = ")
    key_b, _, value_b = lines[b].partition(b" = ")
    lines[a], lines[b] = key_a + b" = " + value_b, key_b + b" = " + value_a
    return b"".join(lines)


def _truncate(data: st.DataObject, raw: bytes) -> bytes:
    """A half-written file."""
    return raw[: data.draw(st.integers(0, len(raw)), label="length")]


MUTATIONS: dict[str, Callable[[st.DataObject, bytes], bytes]] = {
    "flip a byte": _flip,
    "delete a line": _delete_line,
    "duplicate a table": _duplicate_table,
    "swap two values": _swap_values,
    "truncate": _truncate,
}


DOCUMENTS = {
    "alpha.txt": "Overall trade reached $6 billion in 2023, during the visit of 11-13 June;"
    " Korea is among the top five investors.",
    "beta.txt": "Trade was about $9.2 billion last year; the talks were held on 12 June.",
}


def write_synthetic(root: Path) -> None:
    for name, body in SYNTHETIC.items():
        (root / name).write_text(body, encoding="utf-8")
    (root / "documents").mkdir()
    for name, body in DOCUMENTS.items():
        (root / "documents" / name).write_text(body, encoding="utf-8")


def copy_shipped(root: Path) -> None:
    shutil.copytree(FACTS, root, dirs_exist_ok=True)


def mutate_store(data: st.DataObject, root: Path) -> Path:
    """Apply one to three random mutations to random files of the store; return one changed."""
    files = sorted(root.rglob("*.toml"))
    target = files[0]
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        target = data.draw(st.sampled_from(files), label="file")
        mutation = data.draw(st.sampled_from(sorted(MUTATIONS)), label="mutation")
        raw = target.read_bytes()
        if raw:
            target.write_bytes(MUTATIONS[mutation](data, raw))
    return target
