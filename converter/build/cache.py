"""The conversion cache: each transcript's :class:`Transcript`, kept by what it was made from.

An entry's key is a hash of the transcript's path and bytes, its source file's bytes (or their absence) and
the converter itself (every module of the package and the versions of the libraries it reads text with), so a
changed transcript, a changed source file and a changed converter each miss, and a hit is exactly what a
fresh conversion would give. A build keeps the entries it used and removes the others.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from pathlib import Path

from converter.build import sources
from converter.build.corpus import Transcript

# Libraries whose behaviour shapes a conversion: a new version may change a page.
_LIBRARIES = ("markdown", "pycountry", "pyyaml", "snowballstemmer", "PyStemmer")
PACKAGE = Path(__file__).resolve().parents[1]
_SUFFIX = ".pickle"


@functools.cache
def fingerprint(package: Path = PACKAGE) -> str:
    """A hash of the converter: its Python version, its libraries' versions and every module's source."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}\n".encode())
    for name in _LIBRARIES:
        digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def key(path: Path) -> str:
    """What a conversion of ``path`` depends on, as a hash; changes whenever the conversion could."""
    digest = hashlib.sha256(fingerprint().encode())
    digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(path.read_bytes())
    source = sources.path_for(path)
    digest.update(b"\0source\0" + source.read_bytes() if source.is_file() else b"\0no source")
    return digest.hexdigest()


class Cache:
    """Conversions under ``folder``, one file per key; a file that cannot be read is a miss, never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def _file(self, name: str) -> Path:
        return self.folder / name[:2] / f"{name}{_SUFFIX}"

    def get(self, name: str) -> Transcript | None:
        self.used.add(name)
        try:
            with self._file(name).open("rb") as file:
                found = pickle.load(file)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return found if isinstance(found, Transcript) else None

    def put(self, name: str, transcript: Transcript) -> None:
        self.used.add(name)
        target = self._file(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(transcript, file, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

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
