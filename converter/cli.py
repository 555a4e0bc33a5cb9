"""The command line: a thin layer over :mod:`converter.parse` and :mod:`converter.build`.

``briefings parse PATH`` prints the JSON contract; ``briefings build CORPUS DOCS`` writes the pages;
``briefings check CORPUS`` parses and verifies without writing. Every problem is one line on stderr,
``path:line: message``; a problem with the input never shows a traceback (``--traceback`` shows one for a
converter bug).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from converter import __version__, build, ledger, links
from converter.errors import TranscriptParseError, printable
from converter.exports import contract
from converter.pages.markdown import plural
from converter.parse import parse_file

# Exit codes: 0 done, 1 a problem with the input (or a converter bug), 2 a usage error (argparse), 130 ^C.
EXIT_PROBLEM = 1
EXIT_INTERRUPTED = 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"briefings {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the Python traceback of a converter bug")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser("parse", help="print one transcript's parse as JSON")
    parse.add_argument("path", type=Path, help="a transcript .txt file")
    convert = commands.add_parser("build", help="convert a corpus folder into Markdown pages")
    convert.add_argument("corpus", type=Path, help="folder of .txt transcripts")
    convert.add_argument("docs", type=Path, help="MkDocs docs folder to write briefings/ and index.md into")
    convert.add_argument("--strict", action="store_true", help="exit 1 when any transcript has an error")
    convert.add_argument("--ledger", type=Path, help="the ledger of published ids to keep (e.g. anchors.lock)")
    book = commands.add_parser("ledger", help="record the ids the corpus publishes in the ledger, for review")
    book.add_argument("corpus", type=Path, help="folder of .txt transcripts")
    book.add_argument("--ledger", type=Path, default=Path(ledger.DEFAULT_PATH), help="the ledger file to update "
                      f"(default: {ledger.DEFAULT_PATH})")
    book.add_argument("--check", action="store_true", help="change nothing; exit 1 when the ledger is not up to date")
    check = commands.add_parser("check", help="parse and verify a corpus without writing pages")
    check.add_argument("corpus", type=Path, help="folder of .txt transcripts")
    check.add_argument("--show-removed", action="store_true", help="list the boilerplate lines left out")
    return parser


def _say(line: str) -> None:
    print(printable(line), file=sys.stderr)


def _parse(path: Path) -> int:
    try:
        briefing = parse_file(path)
    except TranscriptParseError as error:
        _say(str(error))
        return EXIT_PROBLEM
    json.dump(contract.to_json(briefing), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for diagnostic in briefing.diagnostics:
        _say(f"{path}:{diagnostic.line}: warning: {diagnostic.message}")
    return 0


def _folder_problem(path: Path, what: str, may_be_missing: bool = False) -> str | None:
    """``path: expected …, got …`` when ``path`` is not a folder (or, if allowed, not there at all)."""
    if path.is_dir() or (may_be_missing and not path.exists() and not path.is_symlink()):
        return None
    got = "a file" if path.exists() else "a broken symbolic link" if path.is_symlink() else "no such folder"
    return f"{path}: expected {what}, got {got}"


def _report(report: build.Report, wrote: bool, show_removed: bool = False) -> None:
    """Every problem, sorted by file and line, then the removed lines (on request) and a summary."""
    for problem in sorted(report.problems):
        _say(str(problem))
    if show_removed:
        for path, line, text in report.boilerplate:
            print(printable(f"{path}:{line}: removed: {text}"))
    done = plural(len(report.pages), "briefing") + " converted"
    if wrote:
        done += f", {plural(len(report.written), 'page')} written, {len(report.removed)} removed"
    _say(f"{done}; {plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}")


def _ledger(corpus: Path, path: Path, check: bool) -> int:
    """Write (or, with ``check``, compare) the ledger this corpus gives; list what it records as removed."""
    report, book = build.published(corpus, path)
    for problem in sorted(report.errors):
        _say(str(problem))
    if book is None or report.resolution is None or report.errors:
        return EXIT_PROBLEM
    new = ledger.updated(book, report.resolution)
    text = ledger.dumps(new)
    old = path.read_text(encoding="utf-8") if path.exists() else None
    was_removed = {(e.page, e.anchor) for e in book.entries if e.removed}
    gone = [e for e in new.entries if e.removed and (e.page, e.anchor) not in was_removed]
    added = len({(e.page, e.anchor) for e in new.entries} - {(e.page, e.anchor) for e in book.entries})
    for entry in gone:
        _say(f"{path}: {links.url(entry.page, entry.anchor)}: removed (“{entry.excerpt}”)")
    if check:
        if text == old:
            return 0
        _say(f"{path}: expected the ledger of {corpus} to be up to date, got {added} new ids and {len(gone)} "
             f"removals to record; run `briefings ledger {corpus}`, review the diff and commit it")
        return EXIT_PROBLEM
    if text != old:
        path.write_text(text, encoding="utf-8")
    _say(f"{path}: {plural(len(new.entries), 'id')} published; {added} new, {len(gone)} recorded as removed")
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return _parse(args.path)
    problem = _folder_problem(args.corpus, "a corpus folder of .txt transcripts")
    if args.command == "build":
        problem = problem or _folder_problem(args.docs, "a docs folder to write into", may_be_missing=True)
    if problem:
        _say(problem)
        return EXIT_PROBLEM
    if args.command == "ledger":
        return _ledger(args.corpus, args.ledger, args.check)
    if args.command == "build":
        report = build.build(args.corpus, args.docs, ledger_path=args.ledger)
        _report(report, wrote=True)
        return EXIT_PROBLEM if report.errors and (args.strict or not report.pages) else 0
    with tempfile.TemporaryDirectory() as scratch:
        report = build.build(args.corpus, Path(scratch))
    _report(report, wrote=False, show_removed=args.show_removed)
    return EXIT_PROBLEM if report.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        _say("briefings: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of stdout went away (`briefings parse x.txt | head`): nothing more to say to it, and
        # nothing for Python to flush into the closed pipe at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEM
    except OSError as error:
        # The file system refused what the build needed (a full disk, a folder without write permission).
        _say(f"{error.filename or 'briefings'}: expected to read or write it, got {error.strerror or error}")
        return EXIT_PROBLEM
    except Exception as error:
        if args.traceback:
            raise
        _say(f"briefings: internal error: {type(error).__name__}: {error} (run with --traceback and report it)")
        return EXIT_PROBLEM
