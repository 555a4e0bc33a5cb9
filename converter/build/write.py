"""Writing the docs folder: atomic page writes, only where the bytes change, and the one sweep of stale files.

The converter owns ``links.OWNED_DIRS`` and the top-level files it writes there, and nothing else in the docs
folder: nothing is written outside it (a path that climbs out or passes through a symbolic link is refused),
and the sweep removes only files of the kinds the converter makes that this build did not write.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from converter import links
from converter.build.report import Problem, Report
from converter.errors import printable

# What write_atomic leaves behind if it is killed between writing and renaming: '.2025-01-23.md.k3j2.tmp'.
_RE_TEMPORARY = re.compile(r"^\..+\.tmp$")
# The kinds of file the converter writes into its folders; the sweep leaves every other file alone.
SWEPT_SUFFIXES = (".md", ".jsonl", ".csv", ".gz", ".json", ".xml")


# A generated file: its docs-relative path and its text (pages, feeds) or bytes (the compressed data files).
Output = tuple[str, str | bytes]


def write_atomic(path: Path, text: str | bytes) -> bool:
    """Write ``text`` (as UTF-8) or bytes to ``path`` through a temporary file and a rename; False if it was
    already so.

    A reader (``mkdocs serve``) sees the old page or the new one, never half of one. A symbolic link at
    ``path`` is replaced by the page, never written through.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if not path.is_symlink() and path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        # mkstemp makes the file private (0600); a page is as readable as any file the build writes.
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def write_outputs(docs: Path, outputs: Iterable[Output] | dict[str, str], report: Report) -> set[str]:
    """Write each (docs-relative path, text) as it comes, then remove the owned files this build did not make.

    Returns the paths written or found unchanged. Nothing is written outside ``docs``: a path that is
    absolute, climbs with ``..`` or passes through a symbolic link is refused and reported, whatever made it.
    """
    root = docs.resolve()
    made: set[str] = set()
    for relative, text in outputs.items() if isinstance(outputs, dict) else outputs:
        made.add(relative)
        target, refusal = _target(root, relative)
        if target is None:
            report.problems.append(Problem(str(docs / relative), 0, f"{refusal}; not written"))
            continue
        try:
            if write_atomic(target, text):
                report.written.append(relative)
        except OSError as error:
            report.problems.append(Problem(str(target), 0, f"expected to write the page, got {error.strerror}"))
    report.written.sort()
    sweep(root, made, report)
    return made


def _target(root: Path, relative: str) -> tuple[Path | None, str]:
    """The file to write for a docs-relative POSIX path, or None and why it is refused."""
    parts = relative.split("/")
    if relative.startswith("/") or "\\" in relative or any(p in ("", ".", "..") for p in parts) or (
        printable(relative) != relative
    ):
        return None, f"expected a relative path inside the docs folder, got {relative!r}"
    folder = root
    for part in parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return None, f"expected a folder inside the docs folder, got a symbolic link at {folder}"
        if folder.exists() and not folder.is_dir():
            return None, f"expected a folder, got a file at {folder}"
    target = folder / parts[-1]
    if target.is_dir() and not target.is_symlink():
        return None, "expected a page file, got a directory"
    return target, ""


def sweep(root: Path, made: set[str], report: Report) -> None:
    """Remove from the converter's folders the files this build did not make (and a killed build's temporaries).

    Never through a symbolic link (a linked folder is not the converter's), bottom-up, and only files of the
    kinds the converter writes; folders left empty go too.
    """
    for name in links.OWNED_DIRS:
        owned = root / name
        if owned.is_symlink():
            report.problems.append(Problem(
                str(owned), 0, "expected a folder, got a symbolic link; stale files not removed"
            ))
            continue
        if not owned.is_dir():
            continue
        removed = []
        for folder, dirs, files in os.walk(owned, topdown=False):
            base = Path(folder)
            for file_name in files:
                path = base / file_name
                if path.is_symlink():
                    continue
                if _RE_TEMPORARY.match(file_name):
                    path.unlink()
                elif file_name.endswith(SWEPT_SUFFIXES) and path.relative_to(root).as_posix() not in made:
                    path.unlink()
                    removed.append(path.relative_to(root).as_posix())
            for dir_name in dirs:
                sub = base / dir_name
                if not sub.is_symlink() and not any(sub.iterdir()):
                    sub.rmdir()
        report.removed.extend(sorted(removed))
