"""The parsed model: frozen dataclasses that every later stage (links, render, data) reads.

Line numbers are 1-based physical lines of the transcript; they are kept for diagnostics and the JSON contract
but take no part in equality, so two parses of the same text with different line endings compare equal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from converter.errors import Diagnostic


class Kind(StrEnum):
    """What an agenda item is: part of the spokesperson's opening statement, or a topic of the Q&A."""

    STATEMENT = "statement"
    QA = "qa"


class Role(StrEnum):
    """Who speaks in a turn of a question-and-answer exchange."""

    QUESTION = "question"
    ANSWER = "answer"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of transcript text, cleaned of NBSP and stray spaces, with its source line."""

    text: str
    line: int = field(compare=False)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An entry of the table of contents as printed; ``n`` is its position in the whole agenda."""

    n: int
    title: str
    kind: Kind
    line: int = field(compare=False)


@dataclass(frozen=True, slots=True)
class Turn:
    """A question or an answer: the label as printed and the paragraphs it holds (label removed)."""

    role: Role
    label: str
    paragraphs: tuple[Paragraph, ...]
    speaker: str | None = None
    outlet: str | None = None

    @property
    def line(self) -> int:
        return self.paragraphs[0].line


@dataclass(frozen=True, slots=True)
class Exchange:
    """A question with the answers given to it; ``anchor`` is its id on the page."""

    anchor: str
    question: Turn
    answers: tuple[Turn, ...]
    follow_up: bool


@dataclass(frozen=True, slots=True)
class Section:
    """An agenda item with the body text the transcript gives it (its heading line may be missing)."""

    n: int
    title: str
    kind: Kind
    anchor: str
    paragraphs: tuple[Paragraph, ...]
    exchanges: tuple[Exchange, ...]
    heading_line: int | None = field(compare=False)
    start_line: int | None = field(compare=False)
    end_line: int | None = field(compare=False)


@dataclass(frozen=True, slots=True)
class Briefing:
    """One transcript, parsed."""

    source: str
    layout: str
    title: str
    date: dt.date | None
    place: str | None
    speaker: str | None
    speaker_title: str | None
    language: str
    agenda: tuple[AgendaItem, ...]
    intro: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    title_line: int = field(compare=False)
    agenda_lines: tuple[int, int] | None = field(compare=False)
    qa_divider_line: int | None = field(compare=False)
    boilerplate_lines: tuple[int, ...] = field(compare=False)
    diagnostics: tuple[Diagnostic, ...] = field(compare=False, default=())
    # The Q&A divider as the transcript words it ('Excerpts from answers to media questions'), None if it has none.
    qa_heading: str | None = None
    # The speaker's name as the title prints it ('María Zajárova'); ``speaker`` is the canonical name.
    speaker_as_printed: str | None = None
    # The event the title names ('on the sidelines of the St Petersburg International Economic Forum').
    occasion: str | None = None

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        return tuple(exchange for section in self.sections for exchange in section.exchanges)

