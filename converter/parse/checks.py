"""Whole-file checks after a parse: what a transcript says as a whole that no rule of one line sees.

Each finding is a :class:`~converter.errors.Diagnostic` added to the briefing: the page is still made, and the
diagnostic says where the file needs a look (several briefings pasted into one file, no date in the title,
a last question that nobody answers).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from converter.errors import Diagnostic
from converter.model import Briefing
from converter.parse import dates
from converter.parse.front import is_title
from converter.parse.normalize import Line

# A title line is short; a longer line that opens like one is a sentence about a briefing.
_MAX_TITLE = 300


def review(briefing: Briefing, lines: list[Line]) -> Briefing:
    """The briefing with the diagnostics of the whole-file checks added."""
    return with_diagnostics(briefing, [*_more_titles(briefing, lines), *_undated(briefing), *_unanswered(briefing)])


def with_diagnostics(briefing: Briefing, extra: Iterable[Diagnostic]) -> Briefing:
    """The briefing with ``extra`` diagnostics merged in line order."""
    extra = tuple(extra)
    if not extra:
        return briefing
    return dataclasses.replace(briefing, diagnostics=tuple(sorted({*briefing.diagnostics, *extra})))


def _more_titles(briefing: Briefing, lines: list[Line]) -> list[Diagnostic]:
    """A diagnostic for every further dated title line: several briefings pasted into one file."""
    first, last = briefing.agenda_lines or (0, -1)
    skip = {briefing.title_line, *briefing.boilerplate_lines}
    skip.update(section.heading_line for section in briefing.sections if section.heading_line is not None)
    found = []
    for line in lines:
        text = line.text
        if (
            line.number in skip
            or first <= line.number <= last
            or not text
            or len(text) > _MAX_TITLE
            or text[-1] in ".!?;"
            or not is_title(text)
            or dates.find_date(text) is None
        ):
            continue
        found.append(Diagnostic(
            line.number,
            f"expected one briefing per file, got another title {text[:80]!r}; its text stays on this page "
            "(split the file to give each briefing its own page)",
        ))
    return found


def _undated(briefing: Briefing) -> list[Diagnostic]:
    if briefing.date is not None:
        return []
    return [Diagnostic(
        briefing.title_line, "expected a date in the title, got none; the page goes under briefings/undated/"
    )]


def _unanswered(briefing: Briefing) -> list[Diagnostic]:
    """A diagnostic when the transcript's last question has no answer: a copy cut short."""
    exchanges = briefing.exchanges
    if not exchanges or exchanges[-1].answers:
        return []
    # An exchange runs to the next question, so the last one's question is where the file stops.
    return [Diagnostic(exchanges[-1].question.line, "expected an answer to the last question, got the end of the file")]
