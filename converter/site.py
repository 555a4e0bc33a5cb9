"""Orchestration: corpus folder in, Markdown pages out, as a list of named stages.

``corpus/*.txt --parse--> briefings --collect--> pages --render--> Markdown --write--> docs/``. The CLI and
the tests call :func:`build`; nothing here needs MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from converter import dataset, feeds, ledger, links, moved, render, sources, speakers, topics, verify
from converter.errors import TranscriptParseError, printable
from converter.model import Briefing
from converter.parse import parse_text
from converter.parse.checks import with_diagnostics
from converter.parse.decoding import read_file

# The converter owns these outputs inside the docs folder, and nothing else there.
OWNED_DIR = links.BRIEFINGS_DIR
OWNED_FILES = (links.HOME,)
ERROR = "error"
WARNING = "warning"
# What write_atomic leaves behind if it is killed between writing and renaming: '.2025-01-23.md.k3j2.tmp'.
_RE_TEMPORARY = re.compile(r"^\..+\.tmp$")


@dataclass(frozen=True, order=True)
class Problem:
    """An error (the file could not be converted) or a warning, located by file and line.

    It prints as one line, ``path:line: severity: message``, whatever the path holds (see errors.printable).
    """

    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity}: {printable(self.message)}"


@dataclass
class Report:
    """What a build did and found; ``transcripts`` maps a transcript's file name to its path in the corpus."""

    pages: list[links.Page] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    boilerplate: list[tuple[str, int, str]] = field(default_factory=list)
    transcripts: dict[str, str] = field(default_factory=dict)
    # The ledger's view of this build (None when the build has no ledger): ids, aliases, redirects, losses.
    resolution: ledger.Resolution | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


def discover(corpus: Path) -> list[Path]:
    """Transcripts (``*.txt``, in any case) in the corpus folder and its subfolders, in a stable order.

    Hidden files and folders (``.git/``, an editor's ``.#draft.txt``) are not part of the corpus. Symbolic
    links are listed, never followed, and so are folders named ``*.txt`` and folders that cannot be read:
    :func:`parse_all` reports each of them by name rather than leave them out silently.
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


def parse_all(paths: list[Path], report: Report) -> list[tuple[Path, str, Briefing]]:
    """Parse every file; a file that fails is reported and the others still convert."""
    parsed = []
    for path in paths:
        if path.is_symlink() and path.is_dir():
            report.problems.append(Problem(
                str(path), 0, "expected a folder of transcripts, got a symbolic link to a folder; not followed",
                WARNING,
            ))
            continue
        try:
            _refuse_entry(path)
            decoded = read_file(path)
            briefing = with_diagnostics(parse_text(decoded.text, path.name, str(path)), decoded.diagnostics)
        except TranscriptParseError as error:
            report.problems.append(Problem(error.path, error.line, error.message))
            continue
        except Exception as error:  # a converter bug: one file's crash must not stop the others; it is an error
            report.problems.append(Problem(
                str(path), 0, f"expected a briefing, got an internal error: {type(error).__name__}: {error}"
            ))
            continue
        parsed.append((path, decoded.text, briefing))
        report.transcripts.setdefault(path.name, str(path))
        report.problems.extend(Problem(str(path), d.line, d.message, WARNING) for d in briefing.diagnostics)
    return parsed


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


def render_all(
    pages: list[links.Page], known: Mapping[str, sources.Source] | None = None, site_url: str | None = None,
    resolution: ledger.Resolution | None = None,
) -> dict[str, str]:
    """Every generated file by its path in the docs folder: briefing, year, speaker and topic pages, the home
    page, the feeds, the data files and their schema page. ``known`` holds the source files by page path;
    ``resolution`` the ledger's aliases and redirect pages."""
    known = known or {}
    aliases = resolution.aliases if resolution else {}
    index = topics.build(pages)
    outputs: dict[str, str] = {}
    for position, page in enumerate(pages):
        before = pages[position - 1] if position > 0 else None
        after = pages[position + 1] if position + 1 < len(pages) else None
        neighbours = render.Neighbours(
            previous=(links.relative(page.path, before.path), render.long_date(before.briefing)) if before else None,
            next=(links.relative(page.path, after.path), render.long_date(after.briefing)) if after else None,
            home=links.relative(page.path, links.HOME),
        )
        source = known.get(page.path) or sources.Source()
        by_anchor = {
            anchor: [(topic.name, links.relative(page.path, topic.path)) for topic in found]
            for anchor, found in index.on_page(page.path).items()
        }
        context = render.Context(
            page_id=links.page_id(page.path), topics=by_anchor, source_url=source.source_url,
            notes=source.notes, printed_date=source.printed_date, aliases=aliases.get(page.path, {}), path=page.path,
        )
        outputs[page.path] = render.briefing_page(page.briefing, neighbours, context)
    listings = [render.Listing(page.path, page.briefing) for page in reversed(pages)]
    outputs[links.HOME] = render.home_page(listings, index)
    outputs[links.ARCHIVE] = render.archive_page(listings)
    by_year: dict[int | None, list[render.Listing]] = {}
    by_speaker: dict[str, list[render.Listing]] = {}
    for listing in listings:
        by_year.setdefault(listing.briefing.date.year if listing.briefing.date else None, []).append(listing)
        if listing.briefing.speaker:
            by_speaker.setdefault(listing.briefing.speaker, []).append(listing)
    for year, of_year in by_year.items():
        outputs[links.year_path(year)] = render.year_page(year, of_year)
    outputs[f"{links.SPEAKERS_DIR}/index.md"] = render.speakers_page(listings)
    for name, of_speaker in by_speaker.items():
        outputs[links.speaker_path(name)] = render.speaker_page(name, of_speaker, speakers.SPEAKERS.get(name, ()))
    outputs[f"{links.TOPICS_DIR}/index.md"] = render.topics_page(index)
    by_path = {listing.path: listing for listing in listings}
    years = [year for year in by_year if year is not None]
    span = (min(years), max(years)) if years else None
    for topic in index.topics:
        outputs[topic.path] = render.topic_page(topic, by_path, span)
    outputs.update(feeds.files(pages, site_url))
    entries = [dataset.Entry(page, (known.get(page.path) or sources.Source()).source_url,
                             (known.get(page.path) or sources.Source()).notes) for page in pages]
    data = dataset.files(entries, index, site_url)
    outputs.update(data)
    outputs[links.DATA_PAGE] = dataset.schema_page(entries, data, site_url)
    if resolution:
        outputs.update(moved.files(resolution))
    return outputs


def write_atomic(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` through a temporary file and a rename; False if it was already so.

    A reader (``mkdocs serve``) sees the old page or the new one, never half of one. A symbolic link at
    ``path`` is replaced by the page, never written through.
    """
    data = text.encode("utf-8")
    if not path.is_symlink() and path.is_file() and path.read_bytes() == data:
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


def write_outputs(docs: Path, outputs: dict[str, str], report: Report) -> None:
    """Write the pages, and remove the pages of transcripts no longer in the corpus.

    Nothing is written outside ``docs``: a path that is absolute, climbs with ``..`` or passes through a
    symbolic link is refused and reported, whatever made it.
    """
    report.problems.extend(_same_day(report))
    root = docs.resolve()
    for relative, text in sorted(outputs.items()):
        target, refusal = _target(root, relative)
        if target is None:
            report.problems.append(Problem(str(docs / relative), 0, f"{refusal}; not written"))
            continue
        try:
            if write_atomic(target, text):
                report.written.append(relative)
        except OSError as error:
            report.problems.append(Problem(str(target), 0, f"expected to write the page, got {error.strerror}"))
    _remove_stale_pages(root, outputs, report)


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


def _remove_stale_pages(root: Path, outputs: dict[str, str], report: Report) -> None:
    """Remove the briefing pages this build no longer makes (and temporaries of a killed build)."""
    owned = root / OWNED_DIR
    if owned.is_symlink():
        report.problems.append(Problem(
            str(owned), 0, "expected a folder, got a symbolic link; stale pages not removed"
        ))
        return
    if not owned.is_dir():
        return
    removed = []
    # Bottom-up and never through a symbolic link: a link to a folder elsewhere is not the converter's.
    for folder, dirs, files in os.walk(owned, topdown=False):
        base = Path(folder)
        for name in files:
            path = base / name
            relative = path.relative_to(root).as_posix()
            if _RE_TEMPORARY.match(name):
                path.unlink()
            elif name.endswith(".md") and relative not in outputs:
                path.unlink()
                removed.append(relative)
        for name in dirs:
            sub = base / name
            if not sub.is_symlink() and not any(sub.iterdir()):
                sub.rmdir()
    report.removed.extend(sorted(removed))


def _same_day(report: Report) -> list[Problem]:
    """A warning for each briefing whose page gets '-2', '-3' because an earlier one has the same date.

    The pages' final dates (after source files correct them) are known only once the pages are collected,
    which is why the build's write stage asks for this.
    """
    by_date: dict[dt.date, list[links.Page]] = {}
    for page in report.pages:
        if page.briefing.date is not None:
            by_date.setdefault(page.briefing.date, []).append(page)
    found = []
    for date, pages in sorted(by_date.items()):
        if len(pages) < 2:
            continue
        names = ", ".join(report.transcripts.get(p.briefing.source, p.briefing.source) for p in pages)
        for page in pages[1:]:
            path = report.transcripts.get(page.briefing.source, page.briefing.source)
            found.append(Problem(
                path, page.briefing.title_line,
                f"expected one briefing per date, got {len(pages)} on {date.isoformat()} ({names}); "
                f"this one's page is {page.path}",
                WARNING,
            ))
    return found


def _read_sources(parsed: list[tuple[Path, str, Briefing]], report: Report) -> dict[int, sources.Source]:
    """Each transcript's source file, if any, by ``id`` of its (date-corrected) briefing; bad ones reported."""
    found: dict[int, sources.Source] = {}
    for number, (path, text, briefing) in enumerate(parsed):
        try:
            source = sources.load(path)
        except sources.SourceError as error:
            report.problems.append(Problem(error.path, error.line, error.message))
            continue
        if source is None:
            continue
        corrected = sources.apply(briefing, source)
        parsed[number] = (path, text, corrected)
        found[id(corrected)] = dataclasses.replace(source, printed_date=briefing.date)
    return found


def _remove_stale(docs: Path, outputs: dict[str, str], report: Report) -> None:
    """Remove the files of the speaker, topic and data folders that this build no longer makes.

    As for briefing pages: never through a symbolic link (a linked folder is not the converter's), bottom-up,
    and only files the converter could have made (``.md`` pages, the data files, its own temporaries).
    """
    root = docs.resolve()
    for name in links.GENERATED_DIRS:
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
                relative = path.relative_to(root).as_posix()
                if path.is_symlink():
                    continue
                if _RE_TEMPORARY.match(file_name):
                    path.unlink()
                elif file_name.endswith((".md", ".jsonl", ".csv")) and relative not in outputs:
                    path.unlink()
                    removed.append(relative)
            for dir_name in dirs:
                sub = base / dir_name
                if not sub.is_symlink() and not any(sub.iterdir()):
                    sub.rmdir()
        report.removed.extend(sorted(removed))


def keep_published(report: Report, ledger_path: Path) -> ledger.Resolution | None:
    """Reconcile the ledger with the collected pages: the pages take their published ids; a published id
    whose text is gone and that the ledger does not record as removed is an error that names it."""
    try:
        book = ledger.read(ledger_path)
    except ledger.LedgerError as error:
        report.problems.append(Problem(error.path, error.line, error.message))
        return None
    resolution = ledger.reconcile(book, report.pages)
    report.pages = resolution.pages
    for entry in resolution.lost:
        report.problems.append(Problem(
            str(ledger_path), 0,
            f"{links.url(entry.page, entry.anchor)}: expected the published anchor to lead to its text, got the "
            f"text gone (“{entry.excerpt}”); restore it, or run `briefings ledger` to record its removal",
        ))
    return resolution


def published(corpus: Path, ledger_path: Path) -> tuple[Report, ledger.Ledger | None]:
    """Parse and collect the corpus and reconcile it with the ledger, without rendering: ``briefings ledger``."""
    report = Report()
    if not corpus.is_dir():
        report.problems.append(Problem(str(corpus), 0, "expected a corpus folder of .txt transcripts, got none"))
        return report, None
    parsed = parse_all(discover(corpus), report)
    _read_sources(parsed, report)
    report.pages = links.collect([briefing for _path, _text, briefing in parsed])
    try:
        book = ledger.read(ledger_path)
    except ledger.LedgerError as error:
        report.problems.append(Problem(error.path, error.line, error.message))
        return report, None
    report.resolution = ledger.reconcile(book, report.pages)
    report.pages = report.resolution.pages
    return report, book


def build(corpus: Path, docs: Path, site_url: str | None = None, ledger_path: Path | None = None) -> Report:
    """Convert the corpus into pages under ``docs``: parse, read source files, collect, keep the published ids,
    render, verify, write.

    ``site_url`` (mkdocs.yml's) makes the feeds' and the dataset's URLs absolute; without it they are relative.
    ``ledger_path`` is the ledger of published ids (:mod:`converter.ledger`); without one (or where the file
    does not exist yet) every id is the parser's and nothing is checked.
    """
    report = Report()
    if not corpus.is_dir():
        report.problems.append(Problem(str(corpus), 0, "expected a corpus folder of .txt transcripts, got none"))
        return report
    parsed = parse_all(discover(corpus), report)
    known = _read_sources(parsed, report)
    collected = links.collect([briefing for _path, _text, briefing in parsed])
    report.pages = collected
    if ledger_path is not None:
        report.resolution = keep_published(report, ledger_path)
    # The ledger gives pages their published ids (new briefing objects, on the same paths, in the same order).
    parsed_as = {page.path: id(old.briefing) for old, page in zip(collected, report.pages, strict=True)}
    outputs = render_all(report.pages, {p: known[i] for p, i in parsed_as.items() if i in known}, site_url,
                         report.resolution)
    sources_by_id = {id(briefing): (path, text) for path, text, briefing in parsed}
    for page in report.pages:
        path, text = sources_by_id[parsed_as[page.path]]
        lost = verify.lost_words(text, page.briefing, outputs[page.path])
        if lost:
            line, word = lost
            report.problems.append(Problem(str(path), line, f"expected {word!r} in the page, got it lost"))
        report.boilerplate.extend(verify.removed_lines(path, text, page.briefing))
    write_outputs(docs, outputs, report)
    _remove_stale(docs, outputs, report)
    return report
