"""The front of a transcript: stamps and banners, the title and its metadata, the table of contents.

Everything before the body is read here; :mod:`converter.parse.body` reads the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from converter import speakers
from converter.errors import Diagnostic, TranscriptParseError
from converter.model import Kind
from converter.parse import dates, vocabulary
from converter.parse.normalize import Line, clean, match_key

# How far into a file the title may stand (republishers put menus, banners and headlines above it).
_TITLE_SEARCH_LINES = 200
# How many lines after a title line are read for a sign that a briefing follows it (see _opens_a_briefing).
_EVIDENCE_LINES = 12
# A sentence of the briefing itself, not a headline: this many words at least, and a full stop.
_MIN_SENTENCE_WORDS = 8
# The longest a lede may be that stands for a missing title.
_MAX_LEDE = 600
# A title within this many lines after a lede is the briefing's title, and the lede is furniture above it.
_LEDE_GAP = 3
# The longest a speaker's name may be at the end of a title.
_MAX_NAME = 80
# The longest line an unmarked TOC entry may be; longer lines are the body's paragraphs.
_MAX_TITLE = 250
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
    # The speaker's name as the title prints it ('María Zajárova', 'A.K.Lukashevich'); ``speaker`` is canonical.
    speaker_as_printed: str | None = None
    # Where the briefing was given, when the title names an event: 'on the sidelines of the … Forum'.
    occasion: str | None = None


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
    stamp_date: tuple[dt.date, int] | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The TOC's Q&A divider as printed, less its number and colon ('Excerpts from answers to media questions').
    qa_divider: str | None = None


def title_opening(text: str) -> str | None:
    """The opening of a briefing title (``'briefing by'``) that ``text`` starts with, or None."""
    key = match_key(text)
    for opening in vocabulary.TITLE_OPENINGS:
        if key.startswith(opening + " "):
            return opening
    return None


def is_title(text: str) -> bool:
    """Whether a line is a briefing's title: 'Briefing by …', or a single-answer post's '…’s answer to …'."""
    return title_opening(text) is not None or bool(vocabulary.RE_ANSWER_TITLE.match(clean(text)))


def read_title(text: str) -> TitleInfo:
    """Split a title into speaker, speaker title, place and date.

    ``Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025`` gives the speaker
    ``Maria Zakharova``, the title ``Foreign Ministry Spokeswoman``, the place ``Moscow``; a Spanish title puts
    the name between commas: ``Rueda informativa ofrecida por la portavoz …, María Zajárova, Moscú, …``. An
    occasion after the name or in a part of its own (``… Maria Zakharova on the sidelines of the … Forum, St
    Petersburg, …``) is kept apart from the speaker and the place.
    """
    title = text.strip()
    opening = title_opening(title)
    language = vocabulary.TITLE_OPENINGS.get(opening or "", "en")
    rest = clean(title)[len(opening):].strip() if opening else clean(title)
    answer = None if opening else vocabulary.RE_ANSWER_TITLE.match(rest)
    if answer:
        # "… Maria Zakharova’s answer to a media question about …": who answered; what about is no place.
        found = dates.find_date(rest)
        speaker, printed, speaker_title = _split_who(answer.group("who"))
        return TitleInfo(title, found[0] if found else None, None, speaker, speaker_title, language, printed)
    rest = vocabulary.RE_TITLE_CONNECTIVE.sub("", rest)
    found = dates.find_date(rest)
    date = None
    if found is not None:
        date, start, end = found
        # 'Moscú, el 14 de marzo de 2019': the article belongs to the date.
        rest = vocabulary.RE_DATE_LEAD.sub("", rest[:start]) + rest[end:]
    parts = [part.strip() for part in rest.strip(" ,:").split(",") if part.strip()]
    who, occasion = _split_occasion(parts.pop(0) if parts else "")
    speaker, printed, speaker_title = _split_who(who)
    if parts and _is_name(parts[0]) and (speaker is None or speakers.canonical(parts[0])):
        printed = parts.pop(0)
        speaker, speaker_title = speakers.canonical(printed) or printed, _role(who)
    if occasion is None:
        # '…, St Petersburg, on the sidelines of the … Forum, June 15, 2023': a part of its own.
        occasion = next((part for part in parts if vocabulary.RE_OCCASION_OPENER.match(part)), None)
        parts = [part for part in parts if part is not occasion]
    if parts:
        parts[0] = vocabulary.RE_PLACE_LEAD.sub("", parts[0])
    return TitleInfo(title, date, ", ".join(parts) or None, speaker, speaker_title, language, printed, occasion)


def _is_name(text: str) -> bool:
    return bool(speakers.canonical(text) or _RE_TRAILING_NAME.fullmatch(text))


def _split_who(who: str) -> tuple[str | None, str | None, str | None]:
    """('Maria Zakharova', 'Maria Zakharova', 'Foreign Ministry Spokeswoman') from 'Foreign Ministry Spokeswoman
    Maria Zakharova': the canonical name, the name as printed, the speaker's title."""
    known = _known_name_at_end(who)
    if known:
        printed, size = known
        words = who.split()
        return speakers.canonical(printed), printed, _role(" ".join(words[:-size]))
    match = _trailing_name(who)
    if not match:
        return None, None, _role(who)
    return match.group("name"), match.group("name"), _role(who[: match.start()])


def _known_name_at_end(text: str) -> tuple[str, int] | None:
    """The longest run of final words that the speaker table knows ('A.K.Lukashevich', 'Maria Zakharova'), with
    its length in words."""
    words = text.split()
    for size in range(min(4, len(words)), 0, -1):
        if speakers.canonical(" ".join(words[-size:])):
            return " ".join(words[-size:]), size
    return None


def _trailing_name(text: str) -> re.Match[str] | None:
    # Only the end can be the name: searching the whole part would be quadratic on a long one.
    return _RE_TRAILING_NAME.search(text, max(0, len(text) - _MAX_NAME))


def _split_occasion(who: str) -> tuple[str, str | None]:
    """('Foreign Ministry Spokeswoman Maria Zakharova', 'on the sidelines of the … Forum') from the two run
    together: the occasion opens with its own words (``vocabulary.RE_OCCASION_OPENER``) right after a name,
    one the speaker table knows, else any capitalised name (tests/fixtures/occasion/)."""
    if _known_name_at_end(who):
        return who, None  # '… Department at the Foreign Ministry Maria Zakharova': the name comes last
    openers = [match.start() for match in vocabulary.RE_OCCASION_OPENER.finditer(who)]
    for ends_with_name in (_known_name_at_end, _trailing_name):
        for start in openers:
            if ends_with_name(who[:start].rstrip()):
                return who[:start].rstrip(), who[start:].strip()
    return who, None


def _role(text: str) -> str | None:
    text = text.strip(" ,")
    if text.casefold().startswith("the "):
        text = text[4:]
    return text or None


def find_title(lines: list[Line]) -> tuple[int, bool, bool] | None:
    """Where the briefing's title stands: (index, whether it is a lede, whether a title line was passed over).

    The title is the first title line that a briefing follows; a title line that only heads a list of other
    pages' headlines ('Latest', 'Related articles' on a republisher's page) is passed over. Failing any title
    line, a lede that names the speaker, the date and a briefing stands for it (tests/fixtures/republished/).
    """
    head = lines[:_TITLE_SEARCH_LINES]
    candidates: list[int] = []
    title = None
    for index, line in enumerate(head):
        if is_title(line.text):
            candidates.append(index)
            if _opens_a_briefing(lines, index):
                title = len(candidates) - 1
                break
    end = candidates[title] if title is not None else len(head)
    # A lede before the title stands for it, unless the title follows it directly (a news site's lede above
    # the briefing's own title); an agenda item worded like a title ('Briefing by …') comes later.
    lede = next((index for index, line in enumerate(head[:end]) if is_lede(line.text)), None)
    if lede is not None and not (title is not None and _next_lines(lines, lede, _LEDE_GAP) >= end):
        return lede, True, bool(candidates) and candidates[0] < lede
    if title is not None:
        return candidates[title], False, title > 0
    return (candidates[0], False, False) if candidates else None


def _next_lines(lines: list[Line], index: int, count: int) -> int:
    """The index of the ``count``-th non-blank line after ``index`` (or the end)."""
    for position in range(index + 1, len(lines)):
        if not lines[position].blank:
            count -= 1
            if count == 0:
                return position
    return len(lines)


def _opens_a_briefing(lines: list[Line], index: int) -> bool:
    """Whether the lines after a title line show a briefing: a TOC, a Q&A label or divider, or a sentence,
    before any other title or a lede (the same title printed again does not count)."""
    key = match_key(lines[index].text)
    seen = 0
    for line in lines[index + 1 :]:
        if line.blank or match_key(line.text) == key:
            continue
        text = line.text
        if is_title(text) or is_lede(text) or seen == _EVIDENCE_LINES:
            return False
        seen += 1
        if (
            match_key(text) in vocabulary.TOC_HEADINGS
            or match_key(text) in vocabulary.QA_DIVIDERS
            or vocabulary.RE_BULLET_ITEM.match(text)
            or vocabulary.RE_NUMBERED_ITEM.match(text)
            or vocabulary.RE_QUESTION.match(text)
            or (text[-1] in vocabulary.SENTENCE_END and len(text.split()) >= _MIN_SENTENCE_WORDS)
        ):
            return True
    return False


def is_lede(text: str) -> bool:
    """A lede that can stand for a title: it says a briefing was given, by whom, and when."""
    return (
        len(text) <= _MAX_LEDE
        and not is_title(text)  # another briefing's title in a list of headlines is no lede
        and bool(vocabulary.RE_LEDE_BRIEFING.search(text))
        and dates.find_date(text) is not None
        and _lede_speaker(text) is not None
    )


def _lede_speaker(text: str) -> tuple[str, int] | None:
    """The first speaker a lede names, as printed, with the index of its first word."""
    words = [word.strip(".,;:()«»“”\"") for word in text.split()]
    for start in range(len(words)):
        for size in range(min(4, len(words) - start), 0, -1):
            name = " ".join(words[start : start + size])
            if name and name[0].isupper() and speakers.canonical(name):
                return name, start
    match = vocabulary.RE_LEDE_SPEAKER.search(text)
    if match:
        return match.group("name"), len(text[: match.start("name")].split())
    return None


def read_lede(text: str) -> TitleInfo:
    """Speaker, office, place and date from a lede: 'MOSCOW, March 16, 2023. Foreign Ministry Spokeswoman Maria
    Zakharova held a briefing …' gives Maria Zakharova, Foreign Ministry Spokeswoman, Moscow, 2023-03-16."""
    title = text.strip()
    found = dates.find_date(title)
    date = found[0] if found else None
    place = None
    if found:
        # A dateline: the place before the date, in capitals on news sites ('MOSCOW, March 16, 2023.').
        dateline = title[: found[1]].strip(" ,.—–-")
        words = dateline.split()
        # ('On March 14, 2019, …' has no dateline: 'On' is no place.)
        if words and len(words) <= 3 and dateline[0].isupper() and words[-1].casefold() not in (
            vocabulary.FRAGMENT_END_WORDS
        ):
            place = dateline.title() if dateline.isupper() else dateline
    printed, start = _lede_speaker(title) or (None, 0)
    role: list[str] = []
    for word in reversed(title.split()[:start]):
        # The office is the capitalised words just before the name ('Foreign Ministry Spokeswoman').
        if not word[0].isupper() or word[-1] in ".,;:":
            break
        role.insert(0, word)
    speaker = (speakers.canonical(printed) or printed) if printed else None
    return TitleInfo(title, date, place, speaker, " ".join(role) or None, _lede_language(title), printed)


def _lede_language(text: str) -> str:
    return "es" if re.search(r"\brueda\b", text, re.IGNORECASE) else "en"


def _find_title(lines: list[Line], path: str) -> tuple[int, bool]:
    found = find_title(lines)
    if found is not None:
        return found[0], found[1]
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
        or bool(vocabulary.RE_CAPTION.match(line.text))
        or dates.parse_stamp(line.text) is not False
    )


def looks_like_title(text: str) -> bool:
    """Whether an unmarked line can be an agenda title: short, and not a sentence, a fragment or a Q&A label."""
    return (
        0 < len(text) <= _MAX_TITLE
        and text[-1] not in ".!?;"
        and not vocabulary.RE_QUESTION.match(text)
        and not is_fragment(text)
    )


def is_fragment(text: str) -> bool:
    """Whether a line is a sentence cut off at either end: it opens in lower case or with an ellipsis, or stops
    on a word no title ends on ('… as was agreed by the'), as page copies cut mid-section print them."""
    words = text.split()
    return bool(vocabulary.RE_FRAGMENT_START.match(text)) or (
        len(words) > 1 and words[-1].casefold() in vocabulary.FRAGMENT_END_WORDS
    )


def _agenda_entry(line: Line, unmarked: bool) -> tuple[str, bool, bool] | None:
    """(title, is_divider, is_marked) for a TOC line, or None when the line is not a TOC entry.

    ``unmarked`` accepts entries with no number or bullet, as TOCs of plain lines separated by blank lines
    print them (after a 'Table of contents' heading or a Q&A divider).
    """
    raw = line.visible.strip()
    match = vocabulary.RE_BULLET_ITEM.match(raw) or vocabulary.RE_NUMBERED_ITEM.match(raw)
    title = match.group("title").strip() if match else raw
    if match_key(title) in vocabulary.QA_DIVIDERS:
        return title, True, bool(match)
    if match or (unmarked and looks_like_title(line.text)):
        return title, False, bool(match)
    return None


def _skip_furniture(lines: list[Line], position: int, front: Front, title_key: str) -> tuple[int, bool]:
    """Past blank lines, furniture and a repeated title; whether a TOC heading was among them."""
    toc_heading = False
    while position < len(lines):
        line = lines[position]
        if line.blank:
            position += 1
            continue
        if not (is_front_furniture(line) or match_key(line.text) == title_key):
            break
        toc_heading = toc_heading or match_key(line.text) in vocabulary.TOC_HEADINGS
        _note_stamp(line, front)
        front.boilerplate.add(line.number)
        position += 1
    return position, toc_heading


def _note_stamp(line: Line, front: Front) -> None:
    stamp = dates.parse_stamp(line.text)
    if isinstance(stamp, dt.date) and not isinstance(stamp, bool) and front.stamp_date is None:
        front.stamp_date = (stamp, line.number)


def _entry_follows(lines: list[Line], position: int, unmarked: bool) -> bool:
    """Whether the next non-blank line from ``position`` can be a TOC entry (numbered, bulleted, or a title)."""
    line = next((line for line in lines[position:] if not line.blank), None)
    return line is not None and _agenda_entry(line, unmarked) is not None


def _read_agenda(lines: list[Line], position: int, front: Front, unmarked: bool) -> int:
    """Read the TOC from ``position``; returns where the body starts."""
    kind: Kind | None = None
    divider: str | None = None
    first = last = None
    entries: list[AgendaEntry] = []
    keys: set[str] = set()
    start = position
    # Whether the entries of the current list (statements, then Q&A topics) have numbers or bullets: a list
    # keeps its style, so an unmarked line after a numbered list is the body, not another entry.
    marked: bool | None = None
    while position < len(lines):
        line = lines[position]
        if line.blank or line.number in front.boilerplate:
            position += 1
            continue
        # Unmarked entries: under a TOC heading, or as Q&A topics after statements and a divider (a divider
        # that opens the text is the body of a Q&A-only excerpt, whose topic headings are no TOC).
        entry = _agenda_entry(line, (unmarked or (kind is Kind.QA and bool(entries))) and marked is not True)
        if entry is None:
            break
        title, is_divider, is_marked = entry
        if is_divider:
            if kind is Kind.QA:
                break
            kind, marked, divider = Kind.QA, None, clean(title).rstrip(" :")
        elif match_key(title) in keys and not _entry_follows(lines, position + 1, unmarked or kind is Kind.QA):
            # A title printed again is the body's first heading when its text follows it; followed by another
            # entry it is a second item of one title (a statement and a Q&A topic 'Situation in Syria').
            break
        else:
            if marked is not None and marked != is_marked:
                break
            marked = is_marked
            entries.append(AgendaEntry(title, kind, line.number))
            keys.add(match_key(title))
        first = first or line.number
        last = line.number
        position += 1
    if not entries or first is None or last is None:
        return start  # a lone divider opens the body of a Q&A-only excerpt: no TOC
    if kind is Kind.QA:
        entries = [AgendaEntry(e.title, e.kind or Kind.STATEMENT, e.line) for e in entries]
    front.agenda = entries
    front.agenda_lines = (first, last)
    front.qa_divider = divider
    return next(i for i, line in enumerate(lines) if line.number == last) + 1


def read_front(lines: list[Line], path: str) -> Front:
    """Find the title, the furniture around it and the table of contents."""
    index, lede = _find_title(lines, path)
    title_line = lines[index]
    info = read_lede(title_line.visible) if lede else read_title(title_line.visible)
    front = Front(title_line, info, [], None, index + 1)
    # Whatever stands above the title is page furniture of the copy: stamps, banners, section names.
    for line in lines[:index]:
        if not line.blank:
            _note_stamp(line, front)
            front.boilerplate.add(line.number)
    position, toc_heading = _skip_furniture(lines, index + 1, front, match_key(title_line.text))
    front.body_start = _read_agenda(lines, position, front, unmarked=toc_heading)
    if front.info.date is None and front.stamp_date is not None:
        # A title without a date: the page stamp is the best evidence left, and it is said so.
        date, number = front.stamp_date
        front.info = replace(front.info, date=date)
        front.diagnostics.append(
            Diagnostic(title_line.number, f"expected a date in the title, got none; took {date} from line {number}")
        )
    if front.agenda and not any(not line.blank for line in lines[front.body_start :]):
        last = front.agenda_lines[1] if front.agenda_lines else title_line.number
        front.diagnostics.append(
            Diagnostic(last, "expected the transcript after the table of contents, got the end of the file")
        )
    return front
