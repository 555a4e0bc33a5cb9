"""Parsing: a transcript's text in, a :class:`~converter.model.Briefing` out.

The layout is detected through :data:`LAYOUTS` (first match wins) and reads the front (title, metadata, table
of contents, :mod:`~converter.parse.front`); then, the same way for all layouts, :mod:`~converter.parse.body`
classifies the body, :mod:`~converter.parse.align` places the agenda items in it and
:mod:`~converter.parse.assemble` builds the model.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from converter.errors import TranscriptParseError
from converter.model import Briefing
from converter.parse import align, assemble, body, checks, midru, plain, repost, republished
from converter.parse.assemble import RESERVED_ANCHORS, section_anchors, slug
from converter.parse.decoding import decode, read_file
from converter.parse.front import Front
from converter.parse.normalize import lines_of

# Layout families, most specific first; ``plain`` claims whatever is left.
LAYOUTS: tuple[ModuleType, ...] = (republished, midru, repost, plain)


def parse_file(path: str | Path) -> Briefing:
    """Parse one transcript file; raises :class:`TranscriptParseError` naming the file and line.

    What decoding had to assume (a legacy code page, control characters) comes back among the diagnostics.
    """
    path = Path(path)
    decoded = read_file(path)
    return checks.with_diagnostics(parse_text(decoded.text, path.name, str(path)), decoded.diagnostics)


def parse_text(text: str, source: str, path: str | None = None) -> Briefing:
    """Parse a transcript's text; ``source`` is the file name the result reports."""
    lines = lines_of(text.removeprefix("\ufeff"))
    where = path or source
    layout = next(module for module in LAYOUTS if module.detect(lines))
    front: Front = layout.read(lines, where)
    body_lines = lines[front.body_start :]
    # Without a TOC (most transcripts before 2016) the body's bare headings make the agenda.
    agenda = front.agenda or body.derive_agenda(body_lines, front)
    if not agenda:
        first = next((line for line in body_lines if not line.blank), None)
        # A file that stops after its title (cut short) has nothing to quote.
        got = repr(first.text[:60]) if first else "the end of the file"
        line = (first or front.title_line).number
        raise TranscriptParseError(where, line, f"expected a table of contents, a heading or a question, got {got}")
    classified = body.classify(body_lines, front, agenda, getattr(layout, "DROP_REPEATED_LINES", False))
    placement = align.place(classified, agenda)
    # Whole-file checks (a second title, no date, an unanswered last question): converter/parse/checks.py.
    return checks.review(assemble.build(front, agenda, classified, placement, source, layout.NAME), lines)


__all__ = ["LAYOUTS", "RESERVED_ANCHORS", "decode", "parse_file", "parse_text", "section_anchors", "slug"]
