"""Orchestration: corpus folder in, Markdown pages out, as a list of named stages.

``corpus/*.txt --parse--> briefings --collect--> pages --render--> Markdown --write--> docs/``. The CLI and
the tests call :func:`build`; nothing here needs MkDocs.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from converter import links, render, verify
from converter.errors import TranscriptParseError
from converter.model import Briefing
from converter.parse import decode, parse_text

# The converter owns these outputs inside the docs folder, and nothing else there.
OWNED_DIR = links.BRIEFINGS_DIR
OWNED_FILES = (links.HOME,)


@dataclass(frozen=True, order=True)
class Problem:
    """An error (the file could not be converted) or a warning, located by file and line."""

    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Report:
    """What a build did and found."""

    pages: list[links.Page] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    boilerplate: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def discover(corpus: Path) -> list[Path]:
    """Transcripts in the corpus folder and its subfolders, in a stable order."""
    return sorted(corpus.rglob("*.txt"), key=lambda p: p.relative_to(corpus).as_posix())


def parse_all(paths: list[Path], report: Report) -> list[tuple[Path, str, Briefing]]:
    """Parse every file; a file that fails is reported and the others still convert."""
    parsed = []
    for path in paths:
        try:
            text = decode(path.read_bytes(), str(path))
            briefing = parse_text(text, path.name, str(path))
        except TranscriptParseError as error:
            report.problems.append(Problem(error.path, error.line, error.message))
            continue
        parsed.append((path, text, briefing))
        report.problems.extend(Problem(str(path), d.line, d.message, "warning") for d in briefing.diagnostics)
    return parsed


def render_all(pages: list[links.Page]) -> dict[str, str]:
    """Every page's Markdown by its path in the docs folder, the home page included."""
    outputs: dict[str, str] = {}
    for index, page in enumerate(pages):
        before = pages[index - 1] if index > 0 else None
        after = pages[index + 1] if index + 1 < len(pages) else None
        neighbours = render.Neighbours(
            previous=(links.relative(page.path, before.path), render.long_date(before.briefing)) if before else None,
            next=(links.relative(page.path, after.path), render.long_date(after.briefing)) if after else None,
            home=links.relative(page.path, links.HOME),
        )
        outputs[page.path] = render.briefing_page(page.briefing, neighbours)
    listings = [render.Listing(page.path, page.briefing) for page in reversed(pages)]
    outputs[links.HOME] = render.home_page(listings)
    return outputs


def write_atomic(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` through a temporary file and a rename; False if it was already so."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def write_outputs(docs: Path, outputs: dict[str, str], report: Report) -> None:
    """Write the pages, and remove the pages of transcripts no longer in the corpus."""
    root = docs.resolve()
    for relative, text in sorted(outputs.items()):
        target = (root / relative).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"refusing to write outside {root}: {relative}")
        if write_atomic(target, text):
            report.written.append(relative)
    owned = root / OWNED_DIR
    if owned.is_dir():
        for stale in sorted(owned.rglob("*.md")):
            relative = stale.relative_to(root).as_posix()
            if relative not in outputs:
                stale.unlink()
                report.removed.append(relative)
        for folder in sorted((p for p in owned.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()


def build(corpus: Path, docs: Path) -> Report:
    """Convert the corpus into pages under ``docs``: parse, collect, render, verify, write."""
    report = Report()
    if not corpus.is_dir():
        report.problems.append(Problem(str(corpus), 0, "expected a corpus folder of .txt transcripts, got none"))
        return report
    parsed = parse_all(discover(corpus), report)
    report.pages = links.collect([briefing for _path, _text, briefing in parsed])
    outputs = render_all(report.pages)
    sources = {id(briefing): (path, text) for path, text, briefing in parsed}
    for page in report.pages:
        path, text = sources[id(page.briefing)]
        lost = verify.lost_words(text, page.briefing, outputs[page.path])
        if lost:
            line, word = lost
            report.problems.append(Problem(str(path), line, f"expected {word!r} in the page, got it lost"))
        report.boilerplate.extend(verify.removed_lines(path, text, page.briefing))
    write_outputs(docs, outputs, report)
    return report
