"""The body of a transcript: every line's role (heading, question, answer, text, furniture), the units the
alignment places (headings, paragraphs, exchanges), and the headings of transcripts without a TOC.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import StrEnum

from converter import speakers
from converter.errors import Diagnostic
from converter.model import Kind
from converter.parse import vocabulary
from converter.parse.front import AgendaEntry, Front, is_fragment
from converter.parse.normalize import Line, match_key
from converter.parse.similarity import STOP_WORDS, terms

# Repeated lines shorter than this are ordinary ('Thank you.'); longer ones are a reposting channel's double.
_MIN_REPEAT = 40
# A bare heading (transcripts without a TOC) is at most this long.
_MAX_HEADING = 200
_MAX_HEADING_WORDS = 30
# The item that holds the Q&A of a transcript whose Q&A part has no topic headings.
QA_TITLE = "Answers to media questions"
# An emoji or symbol before a label, as reposts print them: '❓ ', '💬 '.
_RE_LABEL_PREFIX = re.compile(r"^[^\w\s(«“\"']{1,4}\s*")


class LineRole(StrEnum):
    BLANK = "blank"
    BOILERPLATE = "boilerplate"
    SEPARATOR = "separator"
    HEADING = "heading"
    QUESTION = "question"
    ANSWER = "answer"
    TEXT = "text"


@dataclass
class Unit:
    """What the alignment places: a heading line, a paragraph, or an exchange (question to next question)."""

    role: LineRole
    lines: list[Line]
    after_separator: bool
    heading_of: int | None = None
    words: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number


@dataclass
class Body:
    """The body's lines classified, and what the alignment needs to know about them."""

    roles: dict[int, LineRole]
    units: list[Unit]
    qa_start: int
    qa_divider_line: int | None
    has_separators: bool
    language: str = "en"
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The body's Q&A divider as printed, less its colon.
    qa_divider: str | None = None


def speaker_label(line: Line, briefing_speaker: str | None) -> tuple[LineRole, str, str] | None:
    """(role, label, text after it) when a line opens a question or an answer."""
    match = vocabulary.RE_QUESTION.match(line.text)
    if match:
        return LineRole.QUESTION, match.group("label"), match.group("rest")
    match = vocabulary.RE_SPEAKER.match(line.text)
    if match:
        label = match.group("label")
        if speakers.resolve(label, briefing_speaker) or _looks_like_a_name(label):
            return LineRole.ANSWER, label, match.group("rest")
    return None


def _looks_like_a_name(label: str) -> bool:
    """An unknown 'Firstname Lastname:' label, not a capitalised phrase ('In Poland Today:')."""
    words = label.split()
    return len(words) >= 2 and "." not in label and not any(word.casefold() in STOP_WORDS for word in words)


def _find_headings(lines: list[Line], agenda: list[AgendaEntry]) -> dict[int, int]:
    """Body line number -> agenda index, for the items whose title stands alone on a body line, in order."""
    headings: dict[int, int] = {}
    position = 0
    keys = [match_key(line.text) for line in lines]
    for index, entry in enumerate(agenda):
        key = match_key(entry.title)
        for offset, line in enumerate(lines[position:]):
            if keys[position + offset] == key:
                headings[line.number] = index
                position += offset + 1
                break
    return headings


def classify(lines: list[Line], front: Front, agenda: list[AgendaEntry], drop_repeats: bool = False) -> Body:
    """Give every body line a role and cut the body into units.

    ``drop_repeats`` leaves out long lines that repeat an earlier one word for word: reposting channels paste
    the same post twice; in a briefing itself a repeated sentence is the speaker's, and stays.
    """
    headings = _find_headings([line for line in lines if line.number not in front.boilerplate], agenda)
    roles: dict[int, LineRole] = {}
    labels: dict[int, tuple[str, str]] = {}
    diagnostics: list[Diagnostic] = []
    seen: dict[str, int] = {}
    divider: int | None = None
    divider_text: str | None = None
    for line in lines:
        key = match_key(line.text)
        if line.blank:
            roles[line.number] = LineRole.BLANK
        elif line.number in front.boilerplate:
            roles[line.number] = LineRole.BOILERPLATE
        elif key in vocabulary.SEPARATORS:
            roles[line.number] = LineRole.SEPARATOR
        elif key in vocabulary.FURNITURE or vocabulary.RE_CAPTION.match(line.text):
            roles[line.number] = LineRole.BOILERPLATE
        elif key in vocabulary.QA_DIVIDERS and divider is None:
            roles[line.number] = LineRole.BOILERPLATE
            divider, divider_text = line.number, line.text.rstrip(" :")
        elif line.number in headings:
            roles[line.number] = LineRole.HEADING
        elif drop_repeats and (repeated := _repeats(line, seen)) is not None:
            # Reposting channels paste the same post twice ('❓ Question: …' then 'Question: …').
            roles[line.number] = LineRole.BOILERPLATE
            diagnostics.append(Diagnostic(line.number, f"repeats line {repeated}; left out of the page"))
        elif label := speaker_label(line, front.info.speaker):
            roles[line.number] = label[0]
            labels[line.number] = (label[1], label[2])
        else:
            roles[line.number] = LineRole.TEXT
    diagnostics.extend(_truncation(lines, roles))
    first_question = next((n for n, role in roles.items() if role is LineRole.QUESTION), None)
    starts = [n for n in (divider, first_question) if n is not None]
    qa_start = min(starts) if starts else math.inf
    units = _cut_units(lines, roles, headings, qa_start)
    language = front.info.language
    for unit in units:
        # Labels ('Question:', 'Maria Zakharova:') say who speaks, not what about: they count for no topic.
        texts = [labels[line.number][1] if line.number in labels else line.text for line in unit.lines]
        if unit.role is LineRole.QUESTION:
            answer = next((i for i, line in enumerate(unit.lines) if roles[line.number] is LineRole.ANSWER), None)
            # Each text read once: the question's words, then the answers' (a word never spans two lines).
            unit.question_words = terms(" ".join(texts[:answer]), language)
            answers = terms(" ".join(texts[answer:]), language) if answer is not None else frozenset()
            unit.words = unit.question_words | answers
        else:
            unit.words = terms(" ".join(texts), language)
    has_separators = any(role is LineRole.SEPARATOR for role in roles.values())
    qa_index = next((i for i, unit in enumerate(units) if unit.first >= qa_start), len(units))
    return Body(roles, units, qa_index, divider, has_separators, language, labels, diagnostics, divider_text)


def _repeats(line: Line, seen: dict[str, int]) -> int | None:
    """The earlier line that ``line`` repeats word for word (long lines only), or None; remembers ``line``."""
    key = _RE_LABEL_PREFIX.sub("", line.text)
    if len(key) < _MIN_REPEAT:
        return None
    if key in seen:
        return seen[key]
    seen[key] = line.number
    return None


def _truncation(lines: list[Line], roles: dict[int, LineRole]) -> list[Diagnostic]:
    """A diagnostic when the last line of text stops mid-sentence, as in a copy cut short."""
    last = next(
        (line for line in reversed(lines) if roles[line.number] in (LineRole.TEXT, LineRole.QUESTION, LineRole.ANSWER)),
        None,
    )
    if last is None or last.text[-1] in vocabulary.SENTENCE_END or not last.text[-1].isalnum():
        return []
    tail = " ".join(last.text.split()[-6:])
    return [Diagnostic(last.number, f"expected the transcript to end with a full sentence, got '…{tail}'")]


def is_heading(line: Line, briefing_speaker: str | None) -> bool:
    """A bare heading of a transcript without a TOC: a short line that is no sentence, label or furniture."""
    text = line.text
    return (
        len(text) <= _MAX_HEADING
        and len(text.split()) <= _MAX_HEADING_WORDS
        and text[-1] not in vocabulary.SENTENCE_END
        and text[-1] not in ":;,"
        and (text[0].isupper() or text[0].isdigit())
        and match_key(text) not in vocabulary.QA_DIVIDERS
        and speaker_label(line, briefing_speaker) is None
        # A copy cut mid-section runs a paragraph's broken end into the next heading (truncated/ fixtures).
        and not is_fragment(text)
    )


def derive_agenda(lines: list[Line], front: Front) -> list[AgendaEntry]:
    """Agenda entries for a transcript without a TOC: its bare heading lines, then its Q&A part.

    Before the Q&A part every heading-like line is an item; within it, a heading-like line directly followed
    by a question is a Q&A topic. Questions before any such topic go to one item named after the Q&A part.
    """
    content = [
        line for line in lines
        if not line.blank and line.number not in front.boilerplate
        and match_key(line.text) not in vocabulary.FURNITURE and not vocabulary.RE_CAPTION.match(line.text)
    ]
    divider = next((line for line in content if match_key(line.text) in vocabulary.QA_DIVIDERS), None)
    first_question = next((line for line in content if vocabulary.RE_QUESTION.match(line.text)), None)
    starts = [line.number for line in (divider, first_question) if line is not None]
    qa_start = min(starts) if starts else math.inf
    speaker = front.info.speaker
    entries: list[AgendaEntry] = []
    for index, line in enumerate(content):
        if not is_heading(line, speaker):
            continue
        if line.number < qa_start:
            entries.append(AgendaEntry(line.visible.strip(), Kind.STATEMENT, line.number))
        elif index + 1 < len(content) and vocabulary.RE_QUESTION.match(content[index + 1].text):
            entries.append(AgendaEntry(line.visible.strip(), Kind.QA, line.number))
    if first_question is not None:
        topics = [entry.line for entry in entries if entry.kind is Kind.QA]
        if not topics or topics[0] > first_question.number:
            title = divider.visible.strip().rstrip(":") if divider else QA_TITLE
            where = divider.number if divider else first_question.number
            position = next((i for i, e in enumerate(entries) if e.kind is Kind.QA), len(entries))
            entries.insert(position, AgendaEntry(title, Kind.QA, where))
    return entries


def _cut_units(
    lines: list[Line], roles: dict[int, LineRole], headings: dict[int, int], qa_start: float
) -> list[Unit]:
    units: list[Unit] = []
    after_separator = True
    current: Unit | None = None
    for line in lines:
        role = roles[line.number]
        if role in (LineRole.BLANK, LineRole.BOILERPLATE):
            continue
        if role is LineRole.SEPARATOR:
            # In the Q&A part text after a separator goes on with the exchange before it, so that the page
            # keeps it where the transcript has it.
            after_separator = True
            if line.number < qa_start:
                current = None
            continue
        if role is LineRole.HEADING:
            units.append(Unit(role, [line], after_separator, heading_of=headings[line.number]))
            current = None
        elif line.number >= qa_start and role is LineRole.QUESTION:
            current = Unit(LineRole.QUESTION, [line], after_separator)
            units.append(current)
        elif line.number >= qa_start and current is not None:
            current.lines.append(line)
            continue
        else:
            units.append(Unit(LineRole.TEXT, [line], after_separator))
        after_separator = False
    return units
