"""The command line: a thin layer over :mod:`converter.parse` and :mod:`converter.site`.

``briefings parse PATH`` prints the JSON contract; ``briefings build CORPUS DOCS`` writes the pages;
``briefings check CORPUS`` parses and verifies without writing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from converter import __version__, contract, site
from converter.errors import TranscriptParseError
from converter.parse import parse_file


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"briefings {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser("parse", help="print one transcript's parse as JSON")
    parse.add_argument("path", type=Path, help="a transcript .txt file")
    build = commands.add_parser("build", help="convert a corpus folder into Markdown pages")
    build.add_argument("corpus", type=Path, help="folder of .txt transcripts")
    build.add_argument("docs", type=Path, help="MkDocs docs folder to write briefings/ and index.md into")
    build.add_argument("--strict", action="store_true", help="exit 1 when any transcript has an error")
    check = commands.add_parser("check", help="parse and verify a corpus without writing pages")
    check.add_argument("corpus", type=Path, help="folder of .txt transcripts")
    check.add_argument("--show-removed", action="store_true", help="list the boilerplate lines left out")
    return parser


def _parse(path: Path) -> int:
    try:
        briefing = parse_file(path)
    except TranscriptParseError as error:
        print(error, file=sys.stderr)
        return 1
    json.dump(contract.to_json(briefing), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _report(report: site.Report, show_removed: bool = False) -> None:
    for problem in sorted(report.problems):
        print(problem, file=sys.stderr)
    if show_removed:
        for path, line, text in report.boilerplate:
            print(f"{path}:{line}: removed: {text}")
    print(
        f"{len(report.pages)} briefings converted, {len(report.written)} pages written, "
        f"{len(report.removed)} removed; {len(report.errors)} errors, {len(report.warnings)} warnings",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "parse":
        return _parse(args.path)
    if args.command == "build":
        report = site.build(args.corpus, args.docs)
        _report(report)
        return 1 if report.errors and (args.strict or not report.pages) else 0
    with tempfile.TemporaryDirectory() as scratch:
        report = site.build(args.corpus, Path(scratch))
    _report(report, args.show_removed)
    return 1 if report.errors else 0
