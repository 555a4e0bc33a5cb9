"""The front of a transcript: stamps and banners, the title and its metadata, the table of contents.

Everything before the body is read here; :mod:`converter.parse.assemble` reads the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from converter import speakers
from converter.errors import Diagnostic, TranscriptParseError
from converter.model import Kind
from converter.parse import dates, vocabulary
from converter.parse.normalize import Line, clean, match_key

# How far into a file the title may stand (reposts put banners and a lede above it).
_TITLE_SEARCH_LINES = 60
# The speaker at the end of the 'who' part of a title: 'Maria Zakharova', 'A.K.Lukashevich', 'Andrei Kozhin'.
_RE_TRAILING_NAME = re.compile(
    r"(?P<name>(?:[A-Z]\.\s?){1,3}[A-Z][\w’'-]+|[A-Z][\w’'-]+\s(?:[A-Z]\.\s?)?[A-Z][\w’'-]+)$"
)


@dataclass(frozen=True)
class TitleInfo:
    """What a title line says: who spoke, where and when, in which language."""

    title: str
    date: dt.date | None
    place: str | None
    speaker: str | None
    speaker_title: str | None
    language: str


@dataclass(frozen=True)
class AgendaEntry:
    """A TOC entry; ``kind`` is None where the TOC has no Q&A divider to tell."""

    title: str
    kind: Kind | None
    line: int


@dataclass
class Front:
    """The front matter of a transcript and where its body starts (index into the line list)."""

    title_line: Line
    info: TitleInfo
    agenda: list[AgendaEntry]
    agenda_lines: tuple[int, int] | None
    body_start: int
    boilerplate: set[int] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def title_opening(text: str) -> str | None:
    """The opening of a briefing title (``'briefing by'``) that ``text`` starts with, or None."""
    key = match_key(text)
    for opening in vocabulary.TITLE_OPENINGS:
        if key.startswith(opening + " "):
            return opening
    return None


def read_title(text: str) -> TitleInfo:
    """Split a title into speaker, speaker title, place and date.

    ``Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025`` gives the speaker
    ``Maria Zakharova``, the title ``Foreign Ministry Spokeswoman``, the place ``Moscow``.
    """
    title = text.strip()
    opening = title_opening(title)
    language = vocabulary.TITLE_OPENINGS.get(opening or "", "en")
    rest = clean(title)[len(opening):].strip() if opening else clean(title)
    found = dates.find_date(rest)
    date = None
    if found is not None:
        date, start, _end = found
        rest = rest[:start]
    parts = [part.strip() for part in rest.rstrip(" ,:").split(",") if part.strip()]
    who = parts[0] if parts else ""
    place = ", ".join(parts[1:]) or None
    speaker, speaker_title = _split_who(who)
    return TitleInfo(title, date, place, speaker, speaker_title, language)


def _split_who(who: str) -> tuple[str | None, str | None]:
    """('Maria Zakharova', 'Foreign Ministry Spokeswoman') from 'Foreign Ministry Spokeswoman Maria Zakharova'."""
    words = who.split()
    # The longest run of final words that the speaker table knows ('A.K.Lukashevich', 'Maria Zakharova').
    for size in range(min(4, len(words)), 0, -1):
        name = speakers.canonical(" ".join(words[-size:]))
        if name:
            return name, _role(" ".join(words[:-size]))
    match = _RE_TRAILING_NAME.search(who)
    if not match:
        return None, _role(who)
    return match.group("name"), _role(who[: match.start()])


def _role(text: str) -> str | None:
    text = text.strip(" ,")
    if text.casefold().startswith("the "):
        text = text[4:]
    return text or None


def _find_title(lines: list[Line], path: str) -> int:
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if title_opening(line.text):
            return index
    first = next((line for line in lines if not line.blank), None)
    if first is None:
        raise TranscriptParseError(path, 1, "expected a briefing transcript, got an empty file")
    raise TranscriptParseError(
        path, first.number, f"expected a briefing title such as 'Briefing by …', got {first.text[:80]!r}"
    )


def is_front_furniture(line: Line) -> bool:
    """Lines of page furniture that stand around the title and the TOC."""
    key = match_key(line.text)
    return (
        key in vocabulary.FURNITURE
        or key in vocabulary.TOC_HEADINGS
        or bool(vocabulary.RE_LANGUAGE_CODES.match(line.text))
        or bool(vocabulary.RE_DOCUMENT_NUMBER.match(line.text))
        or dates.parse_stamp(line.text) is not False
    )


def _agenda_entry(line: Line) -> tuple[str, bool] | None:
    """(title, is_divider) for a TOC line, or None when the line is not a TOC entry."""
    raw = line.raw.strip()
    match = vocabulary.RE_BULLET_ITEM.match(raw) or vocabulary.RE_NUMBERED_ITEM.match(raw)
    title = match.group("title").strip() if match else raw
    if match_key(title) in vocabulary.QA_DIVIDERS:
        return title, True
    return (title, False) if match else None


def read_front(lines: list[Line], path: str) -> Front:
    """Find the title, the furniture around it and the table of contents."""
    index = _find_title(lines, path)
    title_line = lines[index]
    front = Front(title_line, read_title(title_line.raw), [], None, index + 1)
    # Whatever stands above the title is page furniture of the copy: stamps, banners, section names.
    front.boilerplate.update(line.number for line in lines[:index] if not line.blank)
    position = index + 1
    title_key = match_key(title_line.text)
    while position < len(lines):
        line = lines[position]
        if line.blank:
            position += 1
        elif is_front_furniture(line) or match_key(line.text) == title_key:
            front.boilerplate.add(line.number)
            position += 1
        else:
            break
    kind: Kind | None = None
    first = last = None
    entries: list[AgendaEntry] = []
    while position < len(lines):
        line = lines[position]
        if line.blank:
            position += 1
            continue
        entry = _agenda_entry(line)
        if entry is None:
            break
        title, is_divider = entry
        if is_divider:
            if kind is Kind.QA or not entries:
                break
            kind = Kind.QA
        else:
            entries.append(AgendaEntry(title, kind, line.number))
        first = first or line.number
        last = line.number
        position += 1
    if entries and kind is Kind.QA:
        entries = [AgendaEntry(e.title, e.kind or Kind.STATEMENT, e.line) for e in entries]
    front.agenda = entries
    if first is not None and last is not None:
        front.agenda_lines = (first, last)
        front.body_start = next(i for i, line in enumerate(lines) if line.number == last) + 1
    else:
        front.body_start = index + 1
    return front
