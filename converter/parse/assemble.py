"""The body of a transcript: classify its lines, align the agenda with them, group Q&A into exchanges.

Agenda items whose heading is missing from the body are placed by a best monotone alignment of the agenda
with the body's units (paragraphs before the Q&A part, question-and-answer exchanges after it), scored by word
overlap between each item's title and the units it receives. Headings found in the body, the start of the Q&A
part and separators such as mid.ru's 'Back to top' constrain where an item may start.
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
from converter.parse.front import AgendaEntry, Front
from converter.parse.normalize import Line, match_key
from converter.parse.similarity import STOP_WORDS, Weights, terms

# Score of giving a unit to the untitled introduction: below any item, so an introduction exists only where
# the first item's heading comes after some text.
_INTRO_SCORE = -0.05
# Score of a unit that no agenda item can take (questions where the agenda lists no Q&A topic): kept in an
# extra section, and only where no item can have it.
_OVERFLOW_SCORE = -1.0
# Cost of an agenda item that gets no body at all (a truncated file, a TOC entry never delivered).
_EMPTY_ITEM_COST = 1.0
# Cost of starting a headless item in the middle of a separator-delimited block (mid.ru 'Back to top').
_MID_BLOCK_START_COST = 1.0
# Ties go to the earlier item: a unit that names no new topic continues the current one.
_TIE_BREAK = 1e-6
# Cost of starting a headless item between two units, per unit of their lexical cohesion: topic shifts show
# as a drop in the words two neighbouring paragraphs share (TextTiling, Hearst 1997). Seed 000 needs it: its
# item 3 opens with a paragraph on 'diplomatic missions in Africa' that names none of the title's words.
_COHESION_COST = 1.0
# Cost of starting a headless item on a unit that carries none of its title's words: an item is not placed
# where nothing points to it, it is rather left empty (with a diagnostic).
_BLIND_START_COST = 1.0
# Repeated lines shorter than this are ordinary ('Thank you.'); longer ones are a reposting channel's double.
_MIN_REPEAT = 40
# A bare heading (transcripts without a TOC) is at most this long.
_MAX_HEADING = 200
_MAX_HEADING_WORDS = 30
# The item that holds the Q&A of a transcript whose Q&A part has no topic headings.
QA_TITLE = "Answers to media questions"
# An emoji or symbol before a label, as reposts print them: '❓ ', '💬 '.
_RE_LABEL_PREFIX = re.compile(r"^[^\w\s(«“\"']{1,4}\s*")
# How much of an exchange's affinity to a Q&A topic comes from the question (the rest from the answers).
_QUESTION_WEIGHT = 0.7


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


@dataclass
class Placement:
    """Where each agenda item landed: its units (by index) and its kind."""

    units: list[list[int]]
    kinds: list[Kind]
    intro: list[int]
    overflow: list[int]
    diagnostics: list[Diagnostic]


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
            divider = line.number
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
        unit.words = terms(" ".join(texts), language)
        if unit.role is LineRole.QUESTION:
            answer = next((i for i, line in enumerate(unit.lines) if roles[line.number] is LineRole.ANSWER), None)
            unit.question_words = terms(" ".join(texts[:answer]), language)
    has_separators = any(role is LineRole.SEPARATOR for role in roles.values())
    qa_index = next((i for i, unit in enumerate(units) if unit.first >= qa_start), len(units))
    return Body(roles, units, qa_index, divider, has_separators, language, labels, diagnostics)


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
            entries.append(AgendaEntry(line.raw.strip(), Kind.STATEMENT, line.number))
        elif index + 1 < len(content) and vocabulary.RE_QUESTION.match(content[index + 1].text):
            entries.append(AgendaEntry(line.raw.strip(), Kind.QA, line.number))
    if first_question is not None:
        topics = [entry.line for entry in entries if entry.kind is Kind.QA]
        if not topics or topics[0] > first_question.number:
            title = divider.raw.strip().rstrip(":") if divider else QA_TITLE
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
            after_separator, current = True, None
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


def place(body: Body, agenda: list[AgendaEntry], weights: Weights | None = None) -> Placement:
    """Align the agenda with the body's units: the best monotone assignment under the constraints."""
    units, n_items = body.units, len(agenda)
    weights = weights or Weights(unit.words for unit in units)
    titles = [terms(entry.title, body.language) for entry in agenda]
    headed = {unit.heading_of: index for index, unit in enumerate(units) if unit.heading_of is not None}
    neg = -math.inf
    cohesion = [0.0] + [weights.cohesion(units[u - 1].words, units[u].words) for u in range(1, len(units))]
    # Column 0 is the untitled introduction, item i of the agenda is column i + 1, the last is the overflow.
    columns = n_items + 2
    overflow = n_items + 1

    def allowed(u: int, j: int) -> bool:
        unit = units[u]
        if j == 0:
            return u < body.qa_start and unit.heading_of is None
        if j == overflow:
            return unit.heading_of is None
        item = j - 1
        if unit.heading_of is not None and unit.heading_of != item:
            return False
        if item in headed and u < headed[item]:
            return False
        kind = agenda[item].kind
        region = Kind.STATEMENT if u < body.qa_start else Kind.QA
        return kind is None or kind is region

    def may_start(u: int, j: int) -> tuple[bool, float]:
        """Whether item j may start at unit u, and the cost of doing so."""
        item, unit = j - 1, units[u]
        if j == overflow:
            return True, 0.0
        if item in headed:
            return headed[item] == u, 0.0
        if u >= body.qa_start and unit.role is LineRole.TEXT and u != body.qa_start:
            return False, 0.0
        cost = _COHESION_COST * cohesion[u]
        if score(u, j) <= 0:
            cost += _BLIND_START_COST
        if body.has_separators and not unit.after_separator and u != body.qa_start:
            cost += _MID_BLOCK_START_COST
        return True, cost

    def score(u: int, j: int) -> float:
        if j == 0:
            return _INTRO_SCORE
        if j == overflow:
            return _OVERFLOW_SCORE
        unit, title = units[u], titles[j - 1]
        if unit.role is LineRole.HEADING:
            value = 0.0
        elif unit.role is LineRole.QUESTION:
            value = _QUESTION_WEIGHT * weights.overlap(title, unit.question_words) + (
                1 - _QUESTION_WEIGHT
            ) * weights.overlap(title, unit.words)
        else:
            value = weights.overlap(title, unit.words)
        return value - _TIE_BREAK * j

    best = [[neg] * columns for _ in units]
    back = [[-1] * columns for _ in units]
    for u in range(len(units)):
        forced_start = u == body.qa_start
        # running = max over columns j' < j of best[u-1][j'] + cost * j': the best column to start j from,
        # the items strictly between j' and j left empty. Before the first unit, the start is column 0.
        running, running_from = (0.0, -1) if u == 0 else (neg, -1)
        for j in range(columns):
            if allowed(u, j):
                stay = best[u - 1][j] if u > 0 and not forced_start else neg
                start = neg
                if j == 0:
                    start = 0.0 if u == 0 else neg
                else:
                    ok, cost = may_start(u, j)
                    if ok and running > neg:
                        start = running - _EMPTY_ITEM_COST * (j - 1) - cost
                # On a tie the unit stays with the current item.
                if stay >= start and stay > neg:
                    best[u][j], back[u][j] = stay + score(u, j), j
                elif start > neg:
                    best[u][j], back[u][j] = start + score(u, j), running_from if u > 0 else -1
            if u > 0 and best[u - 1][j] > neg and best[u - 1][j] + _EMPTY_ITEM_COST * j > running:
                running, running_from = best[u - 1][j] + _EMPTY_ITEM_COST * j, j
    return _trace(body, agenda, best, back, columns)


def _trace(
    body: Body, agenda: list[AgendaEntry], best: list[list[float]], back: list[list[int]], columns: int
) -> Placement:
    units = body.units
    diagnostics: list[Diagnostic] = []
    assigned: list[list[int]] = [[] for _ in agenda]
    intro: list[int] = []
    overflow: list[int] = []
    if units:
        # Items after the last one reached stay empty; the overflow column comes after all of them.
        finals = [best[-1][j] - _EMPTY_ITEM_COST * max(len(agenda) - j, 0) for j in range(columns)]
        j = max(range(columns), key=lambda c: (finals[c], -c))
        if finals[j] == -math.inf:
            raise AssertionError("alignment found no path")  # the introduction column always has one
        for u in range(len(units) - 1, -1, -1):
            (intro if j == 0 else overflow if j == columns - 1 else assigned[j - 1]).append(u)
            previous = back[u][j]
            j = previous if previous >= 0 else j
        for group in assigned:
            group.reverse()
        intro.reverse()
        overflow.reverse()
    kinds: list[Kind] = []
    for index, entry in enumerate(agenda):
        if entry.kind is not None:
            kinds.append(entry.kind)
        elif assigned[index]:
            kinds.append(Kind.QA if assigned[index][0] >= body.qa_start else Kind.STATEMENT)
        else:
            later_statement = any(
                group and group[0] < body.qa_start for group in assigned[index + 1 :]
            )
            kinds.append(Kind.STATEMENT if later_statement or body.qa_start >= len(units) else Kind.QA)
    for index, entry in enumerate(agenda):
        if not assigned[index]:
            diagnostics.append(
                Diagnostic(entry.line, f"expected body text for agenda item {index + 1} {entry.title!r}, found none")
            )
    if overflow:
        diagnostics.append(Diagnostic(
            units[overflow[0]].first,
            "expected an agenda item for this part of the body, got none; it is kept under 'Other questions'",
        ))
    return Placement(assigned, kinds, intro, overflow, diagnostics)
