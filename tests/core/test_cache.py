"""The validated-store cache: the same store as a fresh load, missed by any change to any store
file, never written for an invalid store, and never a reason for loading to fail."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kzkr_cli.core import cache
from kzkr_cli.core import store as store_module
from kzkr_cli.core.cache import cache_folder, load_store_cached
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.export import write_export
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import StoreMaker, figure

Loads = list[Path]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Loads:
    """The roots the cache had to parse (a miss), in order; a hit parses none."""
    seen: Loads = []
    real = store_module.load_store

    def counting(root: Path, *args: Any, **kwargs: Any) -> Store:
        seen.append(root)
        return real(root, *args, **kwargs)

    monkeypatch.setattr(cache, "load_store", counting)
    return seen


def exported(store: Store) -> str:
    out = io.StringIO()
    write_export(store, out)
    return out.getvalue()


def cached(root: Path, folder: Path) -> Store:
    """Through the cache, whatever the store's size."""
    return load_store_cached(root, folder=folder, min_bytes=0)


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_cached_store_is_the_store_a_fresh_load_gives(
    shipped_facts: Path, tmp_path: Path, parses: Loads
) -> None:
    folder = tmp_path / "cache"
    fresh = load_store(shipped_facts)
    first = cached(shipped_facts, folder)
    assert len(parses) == 1 and len(cache_files(folder)) == 1
    second = cached(shipped_facts, folder)
    assert len(parses) == 1, "the second load read the cache, not the TOML"
    for store in (first, second):
        assert exported(store) == exported(fresh)
        assert store.files == fresh.files
        assert store.steps == fresh.steps
        assert store.root == shipped_facts


def edits(text: bytes) -> dict[str, bytes]:
    """Changes of one file that leave it valid TOML and the store unchanged in meaning, and
    changes that cut it short: every one must miss the cache."""
    middle = len(text) // 2
    return {
        "comment-appended": text + b"# reviewed\n",
        "blank-line-added": b"\n" + text,
        "last-byte-dropped": text[:-1],
        "half-written": text[:middle],
        "empty": b"",
    }


@pytest.mark.parametrize(
    "edit", ["comment-appended", "blank-line-added", "last-byte-dropped", "half-written", "empty"]
)
def test_any_change_to_any_store_file_misses_the_cache(
    shipped_facts: Path, tmp_path: Path, parses: Loads, edit: str
) -> None:
    folder = tmp_path / "cache"
    cached(shipped_facts, folder)
    for path in sorted(shipped_facts.rglob("*.toml")):
        original = path.read_bytes()
        path.write_bytes(edits(original)[edit])
        before = len(parses)
        try:
            expected: str | type[StoreError] = exported(load_store(shipped_facts))
        except StoreError:
            expected = StoreError
        if expected is StoreError:
            with pytest.raises(StoreError):
                cached(shipped_facts, folder)
        else:
            assert exported(cached(shipped_facts, folder)) == expected
        assert len(parses) == before + 1, f"{edit} of {path.name} was served from the cache"
        path.write_bytes(original)


def test_a_one_byte_change_in_a_value_is_seen(
    shipped_facts: Path, tmp_path: Path, parses: Loads
) -> None:
    folder = tmp_path / "cache"
    before = cached(shipped_facts, folder)
    events = shipped_facts / "events.toml"
    text = events.read_text(encoding="utf-8")
    event = next(iter(before.events.values()))
    events.write_text(text.replace(event.title, event.title[:-1] + "?", 1), encoding="utf-8")
    after = cached(shipped_facts, folder)
    assert after.events[event.id].title == event.title[:-1] + "?"
    assert len(parses) == 2


def test_renaming_or_adding_a_file_misses_the_cache(
    shipped_facts: Path, tmp_path: Path, parses: Loads
) -> None:
    folder = tmp_path / "cache"
    cached(shipped_facts, folder)
    (figure_file,) = sorted((shipped_facts / "figures").glob("*.toml"))[:1]
    figure_file.rename(figure_file.with_name("renamed.toml"))
    cached(shipped_facts, folder)
    (shipped_facts / "extra.toml").write_text("# nothing yet\n", encoding="utf-8")
    cached(shipped_facts, folder)
    assert len(parses) == 3


def test_restoring_a_half_written_file_finds_the_cache_again(
    shipped_facts: Path, tmp_path: Path, parses: Loads
) -> None:
    folder = tmp_path / "cache"
    good = cached(shipped_facts, folder)
    metrics = shipped_facts / "metrics.toml"
    whole = metrics.read_bytes()
    metrics.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(StoreError, match=r"metrics\.toml"):
        cached(shipped_facts, folder)
    metrics.write_bytes(whole)
    assert exported(cached(shipped_facts, folder)) == exported(good)
    assert len(parses) == 2, "the invalid store replaced the good cache"


def test_an_invalid_store_is_never_cached(make_store: StoreMaker, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    root = make_store(
        figures=figure(
            "t", "$6 billion", 6e9, metric="no-such-metric", quote="trade reached $6 billion"
        )
    )
    for _ in range(2):
        with pytest.raises(StoreError, match="unknown metric 'no-such-metric'"):
            cached(root, folder)
    assert cache_files(folder) == []


Damage = Callable[[bytes], bytes]


def _repacked(payload: bytes) -> Damage:
    """Keep the header's magic and key, put ``payload`` behind it with a right checksum."""

    def damage(data: bytes) -> bytes:
        head = data[: len(cache._MAGIC) + 32]
        return head + hashlib.sha256(payload).digest() + payload

    return damage


DAMAGE: dict[str, Damage] = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "garbage": lambda data: b"\x00not a cache\xff" * 100,
    "payload-flipped": lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
    "not-a-pickle": _repacked(b"not a pickle"),
    "another-object": _repacked(pickle.dumps({"figures": []})),
    "unknown-class": _repacked(b"cnowhere\nStore\n."),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_cache_file_is_ignored_and_replaced(
    shipped_facts: Path, tmp_path: Path, parses: Loads, damage: str
) -> None:
    folder = tmp_path / "cache"
    expected = exported(cached(shipped_facts, folder))
    (location,) = cache_files(folder)
    location.write_bytes(DAMAGE[damage](location.read_bytes()))
    assert exported(cached(shipped_facts, folder)) == expected
    assert len(parses) == 2
    assert exported(cached(shipped_facts, folder)) == expected
    assert len(parses) == 2, "the damaged cache file was not replaced"
    assert cache_files(folder) == [location], "a temporary file was left behind"


def test_a_cache_folder_that_cannot_be_written_is_not_an_error(
    shipped_facts: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    store = cached(shipped_facts, blocked / "cache")
    assert exported(store) == exported(load_store(shipped_facts))


def test_a_store_under_the_threshold_is_not_cached(shipped_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    size = sum(p.stat().st_size for p in shipped_facts.rglob("*.toml"))
    load_store_cached(shipped_facts, folder=folder, min_bytes=size)
    assert cache_files(folder) == []
    load_store_cached(shipped_facts, folder=folder, min_bytes=size - 1)
    assert len(cache_files(folder)) == 1
    assert size > cache.MIN_STORE_BYTES, "the shipped store starts from its cache too"


def test_each_store_folder_has_one_cache_file(
    shipped_facts: Path, tmp_path: Path, make_store: StoreMaker
) -> None:
    folder = tmp_path / "cache"
    cached(shipped_facts, folder)
    sources = shipped_facts / "sources.toml"
    sources.write_bytes(sources.read_bytes() + b"\n")
    cached(shipped_facts, folder)
    assert len(cache_files(folder)) == 1
    cached(make_store(), folder)
    assert len(cache_files(folder)) == 2


def test_file_names_follow_the_working_folder(
    shipped_facts: Path, tmp_path: Path, parses: Loads, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.chdir(shipped_facts)
    cached(Path(), folder)
    monkeypatch.chdir(tmp_path)
    store = cached(Path("facts"), folder)
    assert len(parses) == 1
    assert store.files == load_store(Path("facts")).files
    assert store.root == Path("facts")
    assert all(origin.startswith("facts/") for origin in store.files.values())


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"KZKR_CACHE_DIR": "/c/kzkr", "XDG_CACHE_HOME": "/x"}, Path("/c/kzkr")),
        ({"XDG_CACHE_HOME": "/x"}, Path("/x/kzkr")),
        ({"XDG_CACHE_HOME": "relative"}, Path.home() / ".cache" / "kzkr"),
        ({}, Path.home() / ".cache" / "kzkr"),
        ({"KZKR_CACHE": "off", "KZKR_CACHE_DIR": "/c/kzkr"}, None),
        ({"KZKR_CACHE": "OFF"}, None),
        ({"KZKR_CACHE": "on", "KZKR_CACHE_DIR": "/c/kzkr"}, Path("/c/kzkr")),
    ],
)
def test_cache_folder_from_the_environment(environ: dict[str, str], expected: Path | None) -> None:
    assert cache_folder(environ) == expected


def test_no_cache_folder_means_no_cache(shipped_facts: Path, parses: Loads) -> None:
    load_store_cached(shipped_facts, folder=None, min_bytes=0)
    load_store_cached(shipped_facts, folder=None, min_bytes=0)
    assert len(parses) == 2
