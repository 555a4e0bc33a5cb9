"""The corpus: which files are transcripts, and each one converted on its own (parsed, dated by its source file).

:func:`convert` is what the cache keeps and what the worker processes run: one path in, one
:class:`Transcript` out, its problems included, so that a file that fails never stops the others.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from converter.build import sources, verify
from converter.build.report import ERROR, WARNING, Problem
from converter.errors import TranscriptParseError, printable
from converter.model import Briefing
from converter.parse import parse_text
from converter.parse.checks import with_diagnostics
from converter.parse.decoding import read_file
from converter.parse.normalize import lines_of


@dataclass(frozen=True)
class Transcript:
    """One corpus file after conversion: its text, its briefing (dated as its source file says), the source
    file's metadata, what went wrong, and the lines its page leaves out (number, text).

    ``briefing`` is None when the file could not be converted; its errors say why.
    """

    path: str
    text: str = ""
    briefing: Briefing | None = None
    source: sources.Source = field(default_factory=sources.Source)
    problems: tuple[Problem, ...] = ()
    removed: tuple[tuple[int, str], ...] = ()

    @property
    def name(self) -> str:
        return Path(self.path).name


def discover(corpus: Path) -> list[Path]:
    """Transcripts (``*.txt``, in any case) in the corpus folder and its subfolders, in a stable order.

    Hidden files and folders (``.git/``, an editor's ``.#draft.txt``) are not part of the corpus. Symbolic
    links are listed, never followed, and so are folders named ``*.txt`` and folders that cannot be read:
    :func:`convert` reports each of them by name rather than leave them out silently.
    """
    found: list[Path] = []
    unreadable: list[Path] = []
    for folder, dirs, files in os.walk(corpus, onerror=lambda error: unreadable.append(Path(error.filename))):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        base = Path(folder)
        for name in files:
            if not name.startswith(".") and name.lower().endswith(".txt"):
                found.append(base / name)
        for name in dirs:
            if name.lower().endswith(".txt") or (base / name).is_symlink():
                found.append(base / name)
    found.extend(unreadable)
    return sorted(set(found), key=lambda p: p.relative_to(corpus).as_posix())


def cacheable(path: Path) -> bool:
    """Whether ``path`` is a plain file whose conversion the cache may keep (links and folders are refused)."""
    return not path.is_symlink() and path.is_file() and printable(path.name) == path.name


def convert(path: Path) -> Transcript:
    """Parse one transcript and read its source file; every problem is in the result, nothing is raised."""
    if path.is_symlink() and path.is_dir():
        return Transcript(str(path), problems=(Problem(
            str(path), 0, "expected a folder of transcripts, got a symbolic link to a folder; not followed", WARNING,
        ),))
    try:
        _refuse_entry(path)
        decoded = read_file(path)
        briefing = with_diagnostics(parse_text(decoded.text, path.name, str(path)), decoded.diagnostics)
    except TranscriptParseError as error:
        return Transcript(str(path), problems=(Problem(error.path, error.line, error.message),))
    except Exception as error:  # a converter bug: one file's crash must not stop the others; it is an error
        return Transcript(str(path), problems=(Problem(
            str(path), 0, f"expected a briefing, got an internal error: {type(error).__name__}: {error}"
        ),))
    problems = [Problem(str(path), d.line, d.message, WARNING) for d in briefing.diagnostics]
    source = sources.Source()
    try:
        found = sources.load(path)
    except sources.SourceError as error:
        problems.append(Problem(error.path, error.line, error.message, ERROR))
    else:
        if found is not None:
            source = dataclasses.replace(found, printed_date=briefing.date)
            briefing = sources.apply(briefing, found)
    lines = lines_of(decoded.text)
    removed = tuple((n, lines[n - 1].text) for n in verify.removed(lines, briefing))
    return Transcript(str(path), decoded.text, briefing, source, tuple(problems), removed)


def _refuse_entry(path: Path) -> None:
    """Raises for corpus entries that are no transcript of the corpus's own, whatever they hold."""
    if printable(path.name) != path.name:
        raise TranscriptParseError(path, 0, f"expected a file name without control characters, got {path.name!r}")
    if path.is_symlink():
        # A link can point anywhere (a key, a file of another project); its text would go into a public page,
        # or into an error message that quotes its first line. A corpus holds its transcripts itself.
        raise TranscriptParseError(
            path, 0, f"expected a transcript file, got a symbolic link to {str(path.readlink())!r}; copy the file in"
        )
    if path.is_dir() and not path.name.lower().endswith(".txt"):
        raise TranscriptParseError(path, 0, "expected a readable folder of transcripts, got one that cannot be read")
