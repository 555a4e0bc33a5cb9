"""The build cache: whatever a build made from an input it already saw, kept under a hash of that input.

Each kind of value has its own folder under the cache's root and a key that changes whenever the value could:
a transcript's conversion (:data:`TRANSCRIPTS`, keyed by :func:`key`: the transcript's path and bytes, its
source file, the converter); a briefing's share of the search index (``search/``) and its answers sketched
(``repeats/``), both keyed by :func:`page_key`; the Markdown of briefing and topic pages (``markdown/``,
``topics/``) and each briefing's share of the data files (``dataset/``), keyed by everything they are made
from (:meth:`Cache.made`); a page as MkDocs rendered it (``html/``, converter/rendered.py).
A hit is exactly what a fresh computation would give; a file that cannot be read is a miss; a build keeps the
entries it used and removes the others.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Generic, TypeVar

from converter import links
from converter.build import sources

# Libraries whose behaviour shapes a conversion: a new version may change a page.
_LIBRARIES = ("markdown", "pycountry", "pyyaml", "snowballstemmer", "PyStemmer")
PACKAGE = Path(__file__).resolve().parents[1]
_SUFFIX = ".pickle"
# The folder of the conversions under the cache's root.
TRANSCRIPTS = "transcripts"
# Below this many values to compute, worker processes cost more to start than they save.
PARALLEL_FROM = 16

T = TypeVar("T")
V = TypeVar("V")


@functools.cache
def fingerprint(package: Path = PACKAGE) -> str:
    """A hash of the converter: its Python version, its libraries' versions and every module's source."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}\n".encode())
    for name in _LIBRARIES:
        digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def digest(*parts: str | bytes) -> str:
    """A key made of the converter's :func:`fingerprint` and ``parts`` (each kept apart from the next)."""
    hashed = hashlib.sha256(fingerprint().encode())
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def key(path: Path) -> str:
    """What a conversion of ``path`` depends on, as a hash; changes whenever the conversion could."""
    source = sources.path_for(path)
    return digest(str(path), path.read_bytes(), b"source\0" + source.read_bytes() if source.is_file() else b"none")


def pickled(value: object) -> bytes:
    """``value`` pickled the same way whenever it is equal: without the memo, which writes an object met twice as
    a reference, so that two equal values built apart (a string shared or copied) pickle to the same bytes."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo; the values of a build hold no cycles
    pickler.dump(value)
    return buffer.getvalue()


def page_key(page: links.Page) -> str:
    """What every value made from one briefing page alone is made from: its path and its model (ids included)."""
    return digest("page", page.path, pickled(page.briefing))


class Cache(Generic[T]):
    """Values of one ``kind`` under ``folder``, one file per key; a file that cannot be read (or holds
    something else) is a miss, never an error."""

    def __init__(self, folder: Path, kind: type[T]) -> None:
        self.folder = folder
        self.kind = kind
        self.used: set[str] = set()

    def _file(self, name: str) -> Path:
        return self.folder / name[:2] / f"{name}{_SUFFIX}"

    def get(self, name: str) -> T | None:
        self.used.add(name)
        try:
            with self._file(name).open("rb") as file:
                found = pickle.load(file)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return found if isinstance(found, self.kind) else None

    def has(self, name: str) -> bool:
        """Whether there is an entry under ``name`` (it may still turn out unreadable)."""
        self.used.add(name)
        return self._file(name).is_file()

    def put(self, name: str, value: T) -> None:
        self.used.add(name)
        target = self._file(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def made(self, inputs: object, make: Callable[[], T]) -> T:
        """The value made from ``inputs``: from the cache (under a :func:`digest` of the folder's name and the
        :func:`pickled` inputs) where it has one, else ``make()``, kept. ``inputs`` must hold everything ``make``
        reads."""
        name = digest(self.folder.name, pickled(inputs))
        found = self.get(name)
        if found is None:
            found = make()
            self.put(name, found)
        return found

    def prune(self) -> int:
        """Remove every entry this build did not use; how many were removed."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for entry in self.folder.glob(f"*/*{_SUFFIX}"):
            if entry.name.removesuffix(_SUFFIX) not in self.used:
                entry.unlink(missing_ok=True)
                removed += 1
        for temporary in self.folder.glob("*/.*.tmp"):
            temporary.unlink(missing_ok=True)
        return removed


def parallel_map(function: Callable[[V], T], items: Sequence[V], workers: int | None = None) -> Iterator[T]:
    """``map(function, items)``, in worker processes when there are many items and more than one core.

    Workers are spawned, not forked: ``mkdocs serve`` runs threads, and forking a process with threads can
    deadlock the child. ``function`` must be a module-level function (it is pickled by name).
    """
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(items) < PARALLEL_FROM:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        yield from pool.map(function, items, chunksize=4)


def cached_map(
    function: Callable[[V], T], items: Iterable[V], keys: Iterable[str], cache: Cache[T] | None,
    workers: int | None = None,
) -> tuple[list[T], int]:
    """Each item's value, in order: from ``cache`` under its key where it has one, else ``function(item)``
    (in worker processes when many miss), stored; and how many were computed. Prunes the cache's other
    entries."""
    items, keys = list(items), list(keys)
    found: dict[int, T] = {}
    missing: list[int] = []
    for number, name in enumerate(keys):
        hit = cache.get(name) if cache is not None else None
        if hit is None:
            missing.append(number)
        else:
            found[number] = hit
    computed = parallel_map(function, [items[number] for number in missing], workers)
    for number, value in zip(missing, computed, strict=True):
        found[number] = value
        if cache is not None:
            cache.put(keys[number], value)
    if cache is not None:
        cache.prune()
    return [found[number] for number in range(len(items))], len(missing)
