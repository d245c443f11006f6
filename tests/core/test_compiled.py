"""The compiled store: the same records and conflicts as a fresh load of the TOML, recompiled
on any change to any file (re-reading only that file), never written for an invalid store,
and never trusted, nor a reason to fail, when the file in its place is not what kzkr wrote."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli

from kzkr_cli.core.compiled import CompiledStore, build, cache_folder, location, open_compiled
from kzkr_cli.core.compiled.build import whole_store
from kzkr_cli.core.compiled.queries import all_conflicts
from kzkr_cli.core.conflicts import find_conflicts
from kzkr_cli.core.contract import conflict_object
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.export import write_export
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import StoreMaker

Parsed = list[str]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Parsed:
    """The TOML texts parsed, in order (by their first line): a current database parses none."""
    seen: Parsed = []
    real = tomli.loads

    def counting(text: str, **kwargs: Any) -> dict[str, Any]:
        seen.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomli, "loads", counting)
    return seen


def exported(store: Store) -> str:
    out = io.StringIO()
    write_export(store, out)
    return out.getvalue()


def compiled(root: Path, folder: Path) -> CompiledStore:
    return open_compiled(root, folder=folder)


def as_loaded(store: CompiledStore) -> tuple[str, list[Any]]:
    """What a compiled store holds: its records as the export prints them, and its conflicts."""
    conflicts = [conflict_object(c) for c in all_conflicts(store)]
    return exported(whole_store(store.connection, store.root)), conflicts


def fresh(root: Path) -> tuple[str, list[Any]]:
    store = load_store(root)
    return exported(store), [conflict_object(c) for c in find_conflicts(store)]


def databases(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_compiled_store_holds_what_a_fresh_load_gives(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed
) -> None:
    folder = tmp_path / "cache"
    first = compiled(shipped_facts, folder)
    files = len(list(shipped_facts.rglob("*.toml")))
    assert len(parsed) == files and len(databases(folder)) == 1
    parsed.clear()
    second = compiled(shipped_facts, folder)
    assert parsed == [], "the second run read the database, not the TOML"
    expected = fresh(shipped_facts)
    for store in (first, second):
        assert as_loaded(store) == expected
        loaded = whole_store(store.connection, store.root)
        reference = load_store(shipped_facts)
        assert (loaded.files, loaded.steps) == (reference.files, reference.steps)


def edits(text: bytes) -> dict[str, bytes]:
    """Changes of one file that keep its meaning, and changes that cut it short."""
    middle = len(text) // 2
    return {
        "comment-appended": text + b"# reviewed\n",
        "blank-line-added": b"\n" + text,
        "last-byte-dropped": text[:-1],
        "half-written": text[:middle],
        "empty": b"",
    }


@pytest.mark.parametrize("edit", list(edits(b"xy")))
def test_any_change_to_any_file_is_seen_and_only_that_file_is_read_again(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed, edit: str
) -> None:
    folder = tmp_path / "cache"
    compiled(shipped_facts, folder)
    for path in sorted(shipped_facts.rglob("*.toml")):
        original = path.read_bytes()
        changed = edits(original)[edit]
        path.write_bytes(changed)
        try:
            expected: Any = fresh(shipped_facts)
        except StoreError as exc:
            expected = str(exc)
        parsed.clear()
        if isinstance(expected, str):
            with pytest.raises(StoreError) as raised:
                compiled(shipped_facts, folder)
            assert str(raised.value) == expected, "problems differ from a load from scratch"
        else:
            assert as_loaded(compiled(shipped_facts, folder)) == expected
            assert parsed == [changed.decode()], f"{edit} of {path.name}: other files reread"
        path.write_bytes(original)
        compiled(shipped_facts, folder)


def test_an_edited_value_is_recompiled_with_its_conflicts(
    shipped_facts: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    before = compiled(shipped_facts, folder)
    conflicts = [conflict_object(c) for c in all_conflicts(before)]
    (figures,) = [p for p in (shipped_facts / "figures").glob("*.toml") if "wikipedia" in p.name]
    text = figures.read_text(encoding="utf-8")
    figures.write_text(
        text.replace('as_written = "US$9.6 billion"', 'as_written = "US$9.2 billion"').replace(
            "value = 9.6e9", "value = 9.2e9"
        ),
        encoding="utf-8",
    )
    assert "US$9.2 billion" in figures.read_text(encoding="utf-8")
    after = compiled(shipped_facts, folder)
    assert as_loaded(after) == fresh(shipped_facts)
    assert [conflict_object(c) for c in all_conflicts(after)] != conflicts


def test_new_times_on_the_same_bytes_are_hashed_once_then_recorded(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    compiled(shipped_facts, folder)
    an_hour_ago = time.time() - 3600
    for path in shipped_facts.rglob("*.toml"):  # a checkout of the same content
        path.write_bytes(path.read_bytes())
        os.utime(path, (an_hour_ago, an_hour_ago))
    contents = {path.read_bytes() for path in shipped_facts.rglob("*.toml")}
    hashed: list[bytes] = []
    real = hashlib.sha256

    def counting(data: bytes = b"") -> Any:
        hashed.append(data)
        return real(data)

    monkeypatch.setattr("hashlib.sha256", counting)
    time.sleep(build.RACY_NS / 1e9 + 0.1)  # the new ctimes are settled
    parsed.clear()
    first = compiled(shipped_facts, folder)
    assert parsed == [] and contents <= set(hashed), "the files were not compared by bytes"
    assert as_loaded(first) == fresh(shipped_facts)
    hashed.clear()
    compiled(shipped_facts, folder)
    assert not contents & set(hashed), "the new times were not recorded"
    (path,) = databases(folder)
    assert location.open_sealed(path) is not None


def test_renaming_adding_or_removing_a_file_is_seen(shipped_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    compiled(shipped_facts, folder)
    (figure_file,) = sorted((shipped_facts / "figures").glob("*.toml"))[:1]
    figure_file.rename(figure_file.with_name("renamed.toml"))
    assert as_loaded(compiled(shipped_facts, folder)) == fresh(shipped_facts)
    (shipped_facts / "extra.toml").write_text("# nothing yet\n", encoding="utf-8")
    assert as_loaded(compiled(shipped_facts, folder)) == fresh(shipped_facts)
    (shipped_facts / "figures" / "renamed.toml").unlink()
    assert as_loaded(compiled(shipped_facts, folder)) == fresh(shipped_facts)
    (shipped_facts / "sources.toml").unlink()
    with pytest.raises(StoreError, match="unknown source"):
        compiled(shipped_facts, folder)


def test_an_invalid_store_is_never_compiled(make_store: StoreMaker, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    root = make_store(
        figures="""
        [[figure]]
        id = "t"
        metric = "no-such-metric"
        value = 6e9
        as_written = "$6 billion"
        period = { start = "2023" }
        source = "alpha"
        quote = "trade reached $6 billion"
        """
    )
    for _ in range(2):
        with pytest.raises(StoreError, match="unknown metric 'no-such-metric'"):
            compiled(root, folder)
    assert databases(folder) == []


def test_restoring_a_broken_file_finds_the_store_again(shipped_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    good = as_loaded(compiled(shipped_facts, folder))
    metrics = shipped_facts / "metrics.toml"
    whole = metrics.read_bytes()
    metrics.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(StoreError, match=r"metrics\.toml"):
        compiled(shipped_facts, folder)
    metrics.write_bytes(whole)
    assert as_loaded(compiled(shipped_facts, folder)) == good


def _sql(statement: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        connection = sqlite3.connect(path)
        with connection:
            connection.execute(statement)
        connection.close()

    return damage


def _bytes(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        path.write_bytes(change(path.read_bytes()))

    return damage


def _flip(data: bytes) -> bytes:
    at = len(data) // 2
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


DAMAGE: dict[str, Callable[[Path], None]] = {
    "empty": _bytes(lambda data: b""),
    "truncated": _bytes(lambda data: data[: len(data) // 2]),
    "garbage": _bytes(lambda data: b"\x00not a database\xff" * 100),
    "byte-flipped": _bytes(_flip),
    "row-edited": _sql("UPDATE figures SET value = value * 2, as_written = 'tampered'"),
    "conflicts-deleted": _sql("DELETE FROM conflicts"),
    "meta-dropped": _sql("DROP TABLE kzkr_meta"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_or_tampered_database_is_rebuilt_not_trusted(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed, damage: str
) -> None:
    folder = tmp_path / "cache"
    expected = as_loaded(compiled(shipped_facts, folder))
    (path,) = databases(folder)
    DAMAGE[damage](path)
    parsed.clear()
    assert as_loaded(compiled(shipped_facts, folder)) == expected
    assert parsed, "the damaged database was read instead of the TOML"
    parsed.clear()
    assert as_loaded(compiled(shipped_facts, folder)) == expected
    assert parsed == [], "the damaged database was not replaced"
    assert databases(folder) == [path], "a temporary file was left behind"


def _place(shipped_facts: Path, folder: Path) -> Path:
    return location.database_path(folder, shipped_facts)


def test_a_fifo_in_its_place_neither_hangs_nor_is_read(shipped_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    path = _place(shipped_facts, folder)
    os.mkfifo(path)
    assert as_loaded(compiled(shipped_facts, folder)) == fresh(shipped_facts)
    assert path.is_file() and not path.is_symlink()


def test_a_symlink_in_its_place_is_not_followed(shipped_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    elsewhere = tmp_path / "elsewhere"
    valid = compiled(shipped_facts, elsewhere).path
    assert valid is not None
    target = tmp_path / "target.sqlite"
    valid.rename(target)
    written = target.read_bytes()
    folder.mkdir()
    path = _place(shipped_facts, folder)
    path.symlink_to(target)
    store = compiled(shipped_facts, folder)
    assert as_loaded(store) == fresh(shipped_facts)
    assert not path.is_symlink(), "the link was trusted instead of replaced"
    assert target.read_bytes() == written, "the link's target was written to"


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs root to chown")
def test_another_users_database_is_not_trusted(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed
) -> None:
    folder = tmp_path / "cache"
    expected = as_loaded(compiled(shipped_facts, folder))
    (path,) = databases(folder)
    seal = path.stat().st_mtime_ns
    os.chown(path, 4242, 4242)
    os.utime(path, ns=(seal, seal))
    parsed.clear()
    assert as_loaded(compiled(shipped_facts, folder)) == expected
    assert parsed, "another user's database was read"
    assert path.stat().st_uid == os.getuid()


def test_a_database_others_can_write_is_not_trusted(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed
) -> None:
    folder = tmp_path / "cache"
    compiled(shipped_facts, folder)
    (path,) = databases(folder)
    path.chmod(0o666)
    parsed.clear()
    compiled(shipped_facts, folder)
    assert parsed


def test_a_read_only_folder_compiles_in_memory(
    shipped_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)

    def refused(*args: Any, **kwargs: Any) -> Any:  # as root, the mode alone would not stop it
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("kzkr_cli.core.files.tempfile.mkstemp", refused)
    try:
        store = compiled(shipped_facts, folder)
        assert store.path is None
        assert as_loaded(store) == fresh(shipped_facts)
        assert databases(folder) == []
    finally:
        folder.chmod(0o700)


def test_a_folder_that_is_a_file_compiles_in_memory(shipped_facts: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert as_loaded(compiled(shipped_facts, blocked / "cache")) == fresh(shipped_facts)


def test_a_full_disk_leaves_nothing_behind(
    shipped_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kzkr_cli.core.files.os.fsync", full)
    store = compiled(shipped_facts, folder)
    assert store.path is None
    assert as_loaded(store) == fresh(shipped_facts)
    assert databases(folder) == []


def test_a_killed_compile_leaves_nothing_for_long(shipped_facts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    old, fresh_one = folder / ".store-old.tmp", folder / ".store-running.tmp"
    for leftover in (old, fresh_one):
        leftover.write_bytes(b"half a database")
    day_and_more = location.LEFTOVER_SECONDS + 60
    os.utime(old, (old.stat().st_atime - day_and_more, old.stat().st_mtime - day_and_more))
    compiled(shipped_facts, folder)
    assert not old.exists(), "a day-old leftover was kept"
    assert fresh_one.exists(), "a compile still running had its file removed"


def test_no_folder_means_in_memory_every_time(shipped_facts: Path, parsed: Parsed) -> None:
    for _ in range(2):
        assert open_compiled(shipped_facts, folder=None).path is None
    assert len(parsed) == 2 * len(list(shipped_facts.rglob("*.toml")))


def test_each_store_folder_has_one_database(
    shipped_facts: Path, tmp_path: Path, make_store: StoreMaker
) -> None:
    folder = tmp_path / "cache"
    compiled(shipped_facts, folder)
    sources = shipped_facts / "sources.toml"
    sources.write_bytes(sources.read_bytes() + b"\n")
    compiled(shipped_facts, folder)
    assert len(databases(folder)) == 1
    compiled(make_store(), folder)
    assert len(databases(folder)) == 2


def test_file_names_follow_the_working_folder(
    shipped_facts: Path, tmp_path: Path, parsed: Parsed, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.chdir(shipped_facts)
    compiled(Path(), folder)
    monkeypatch.chdir(tmp_path)
    parsed.clear()
    store = compiled(Path("facts"), folder)
    assert parsed == []
    loaded = whole_store(store.connection, store.root)
    assert loaded.files == load_store(Path("facts")).files
    assert all(origin.startswith("facts/") for origin in loaded.files.values())


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
