"""A cache of the validated store, so a large store is parsed and checked once per change.

The cache is keyed by a fingerprint of everything the store was made from: kzkr's version
and loading code, and every store file's path and exact bytes. Any change to any file,
including one caught half-written, gives another key and so a miss. Only a store that
loaded without a problem is written, and it is written atomically (a temporary file renamed
into place), so a reader sees a whole cache file or none. A cache file that cannot be read,
is cut short, fails its checksum or cannot be unpickled is ignored and replaced: the cache
can make loading faster, never make it fail.

The cached store is a pickle in the user's own cache folder, which only the user can write
to; a file in it that the user does not own is never read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from pydantic import VERSION as PYDANTIC_VERSION

from kzkr_cli import __version__
from kzkr_cli.core.store import (
    MAX_FILE_BYTES,
    Progress,
    Store,
    collector_paused,
    display_path,
    load_store,
    toml_files,
)

CACHE_VARIABLE = "KZKR_CACHE"
"""Set to ``off`` to neither read nor write the cache."""
CACHE_DIR_VARIABLE = "KZKR_CACHE_DIR"
"""The cache folder; else ``$XDG_CACHE_HOME/kzkr``, else ``~/.cache/kzkr``."""
MIN_STORE_BYTES = 0
"""A store whose TOML files total no more than this is never cached. Every store is cached by
default: even the shipped store (under 0.1 MB) starts faster from its cache, since a hit reads
no TOML and never builds the record models' validators (they are built on first use)."""

# hashlib and pickle are imported where they are used: every command opens a store, and
# only a large one needs them.
_MAGIC = b"kzkr store cache 1\n"
_DIGEST = 32


def cache_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where cached stores are kept, or None when the cache is off or no folder can be named."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_VARIABLE, "").strip().lower() == "off":
        return None
    if env.get(CACHE_DIR_VARIABLE):
        return Path(env[CACHE_DIR_VARIABLE])
    xdg = env.get("XDG_CACHE_HOME", "")
    if xdg and Path(xdg).is_absolute():  # the XDG rule: a relative value is ignored
        return Path(xdg) / "kzkr"
    try:
        return Path.home() / ".cache" / "kzkr"
    except RuntimeError:  # no home folder to be found
        return None


def load_store_cached(
    root: Path,
    progress: Progress | None = None,
    folder: Path | None = None,
    min_bytes: int | None = None,
) -> Store:
    """``load_store(root)``, through the cache in ``folder`` when the store is large enough
    to gain from it: with no folder, or a store of ``min_bytes`` (``MIN_STORE_BYTES``) or
    less, just ``load_store``. Raises StoreError as ``load_store`` does, never from the cache."""
    limit = MIN_STORE_BYTES if min_bytes is None else min_bytes
    files = None if folder is None else _large_store_files(root, limit)
    if folder is None or files is None:
        return load_store(root, progress)
    wanted = _Fingerprint(root)
    try:
        for path in files:
            wanted.add(path, path.read_bytes())
        location = folder / f"store-{_name_of(root)}.pickle"
    except OSError:  # load_store reports a file that cannot be read
        return load_store(root, progress)
    with collector_paused():
        cached = _read(location, wanted.digest())
    if cached is not None:
        return _placed(cached, root)
    parsed = _Fingerprint(root)
    store = load_store(root, progress, on_read=parsed.add)
    _write(location, parsed.digest(), _Cached(store, parsed.names))
    return store


def _large_store_files(root: Path, min_bytes: int) -> list[Path] | None:
    """The store's files when they total more than ``min_bytes`` and each can be loaded;
    None otherwise, including when the folder is missing (load_store says why)."""
    try:
        if not root.is_dir():
            return None
        files = toml_files(root)
        sizes = [path.stat().st_size for path in files]
    except OSError:
        return None
    if sum(sizes) <= min_bytes or any(size > MAX_FILE_BYTES for size in sizes):
        return None
    return files


class _Fingerprint:
    """A hash of kzkr's version and loading code and of each store file's path and bytes;
    with, for each file, the name problems give it (relative to the working folder)."""

    def __init__(self, root: Path) -> None:
        import hashlib

        self._root = root
        self._hash = hashlib.sha256(_code_fingerprint())
        self.names: dict[str, str] = {}

    def add(self, path: Path, raw: bytes) -> None:
        relative = path.relative_to(self._root).as_posix()
        self.names[relative] = display_path(path)
        name = os.fsencode(relative)
        self._hash.update(len(name).to_bytes(8, "big") + name)
        self._hash.update(len(raw).to_bytes(8, "big"))
        self._hash.update(raw)

    def digest(self) -> bytes:
        return self._hash.digest()


@cache
def _code_fingerprint() -> bytes:
    """What decides how a store loads and how its records are pickled: kzkr's version, the
    source of the modules that define and check the records (so an edited checkout misses
    too), and the Python and pydantic versions."""
    import hashlib
    import pickle

    code = hashlib.sha256(
        f"{__version__}\0{sys.version}\0{PYDANTIC_VERSION}\0{pickle.HIGHEST_PROTOCOL}".encode()
    )
    for module in sorted(Path(__file__).parent.glob("*.py")):
        code.update(module.name.encode() + b"\0" + module.read_bytes())
    return code.digest()


def _name_of(root: Path) -> str:
    """One cache file per store folder, so a changed store replaces its cache, not adds one."""
    import hashlib

    return hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]


def _read(location: Path, key: bytes) -> _Cached | None:
    """The cached store under ``key``, or None for a missing, foreign, stale, damaged or
    unreadable cache file: a cache file is never a reason for loading to fail."""
    import hashlib
    import pickle

    try:
        with location.open("rb") as handle:
            owner = os.fstat(handle.fileno()).st_uid
            if hasattr(os, "getuid") and owner != os.getuid():
                return None
            header = handle.read(len(_MAGIC) + 2 * _DIGEST)
            if header[: len(_MAGIC)] != _MAGIC or header[len(_MAGIC) : -_DIGEST] != key:
                return None
            payload = handle.read()
        if hashlib.sha256(payload).digest() != header[-_DIGEST:]:
            return None
        cached = pickle.loads(payload)
    except Exception:  # unpickling can fail in any way when the file is not ours
        return None
    if not isinstance(cached, _Cached) or not isinstance(cached.store, Store):
        return None
    return cached


def _write(location: Path, key: bytes, cached: _Cached) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not written."""
    import hashlib
    import pickle
    import tempfile

    temporary: Path | None = None
    try:
        payload = pickle.dumps(cached, protocol=pickle.HIGHEST_PROTOCOL)
        location.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=".store-", suffix=".tmp", dir=location.parent)
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(_MAGIC + key + hashlib.sha256(payload).digest())
            handle.write(payload)
        temporary.replace(location)
        temporary = None
    except Exception:  # a full disk or a read-only folder: the store is loaded all the same
        return
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


class _Cached:
    """A store as cached: its records, and the name problems give each file (by its path
    inside the store), so the names can follow the store to another working folder."""

    def __init__(self, store: Store, names: dict[str, str]) -> None:
        self.store = store
        self.names = names


def _placed(cached: _Cached, root: Path) -> Store:
    """The cached store as if loaded from ``root`` in this working folder."""
    store = cached.store
    store.root = root
    names = {old: display_path(root / relative) for relative, old in cached.names.items()}
    if any(old != new for old, new in names.items()):
        store.files = {rid: _renamed(origin, names) for rid, origin in store.files.items()}
    return store


def _renamed(origin: str, names: dict[str, str]) -> str:
    """``file`` or ``file:line`` with the file named as from here."""
    if origin in names:
        return names[origin]
    file, _, line = origin.rpartition(":")
    return f"{names[file]}:{line}" if file in names else origin
