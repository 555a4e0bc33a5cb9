"""Assembly: classified body units and their placement in, the model's sections and exchanges out.

Questions and answers are grouped into exchanges (a question turn, the answer turns after it), exchanges and
paragraphs into sections, sections into a :class:`~converter.model.Briefing`; anchors are made here.
"""

from __future__ import annotations

import unicodedata

from converter import speakers
from converter.errors import Diagnostic
from converter.model import AgendaItem, Briefing, Exchange, Kind, Paragraph, Role, Section, Turn
from converter.parse import vocabulary
from converter.parse.align import Placement
from converter.parse.body import Body, LineRole, Unit
from converter.parse.front import AgendaEntry, Front
from converter.parse.normalize import Line, clean, match_key

# Anchors the page itself uses, which no agenda item may take.
RESERVED_ANCHORS = frozenset({"agenda", "introduction", "answers-to-media-questions", "other-questions"})
# The anchor of the page's Q&A part (render.QA_ANCHOR), and of an item that is the whole Q&A part.
QA_ANCHOR = "answers-to-media-questions"
# Where questions go that no agenda item lists.
OVERFLOW_TITLE = "Other questions"
OVERFLOW_ANCHOR = "other-questions"
_MAX_SLUG = 60


def slug(text: str) -> str:
    """A URL fragment from a title: ASCII letters and digits joined by hyphens, at most 60 characters."""
    ascii_text = unicodedata.normalize("NFKD", clean(text)).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.replace("'", "")).split()
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > _MAX_SLUG and result:
            break
        result = f"{result}-{word}" if result else word[:_MAX_SLUG]
    return result


def section_anchors(titles: list[str], whole_qa: int | None = None) -> list[str]:
    """One distinct anchor per agenda item: the title's slug, '-2', '-3' after repeats, 'item-N' if empty.

    ``whole_qa`` is the index of an item that holds the whole Q&A part (a transcript whose Q&A topics have no
    headings): it takes the page's own ``answers-to-media-questions`` anchor.
    """
    taken: set[str] = set(RESERVED_ANCHORS)
    anchors = []
    for n, title in enumerate(titles, start=1):
        if n - 1 == whole_qa:
            anchors.append(QA_ANCHOR)
            continue
        base = slug(title) or f"item-{n}"
        if base[0].isdigit() or (base.startswith("q") and base[1:].isdigit()):
            base = f"item-{base}"
        anchor, count = base, 1
        while anchor in taken:
            count += 1
            anchor = f"{base}-{count}"
        taken.add(anchor)
        anchors.append(anchor)
    return anchors


def _paragraph(line: Line, text: str | None = None) -> Paragraph:
    return Paragraph(clean(line.text if text is None else text), line.number)


def _exchange(unit: Unit, body: Body, anchor: str, follow_up: bool, speaker: str | None) -> Exchange:
    """A question unit as a question turn and the answer turns that follow it."""
    turns: list[tuple[str, list[Paragraph]]] = []
    for line in unit.lines:
        if line.number in body.labels:
            label, rest = body.labels[line.number]
            turns.append((label, [_paragraph(line, rest)] if rest else []))
        else:
            turns[-1][1].append(_paragraph(line))
    label, paragraphs = turns[0]
    note = vocabulary.RE_QUESTION.match(label + ":")
    outlet = note.group("note") if note else None
    if outlet and outlet.casefold() in vocabulary.FOLLOW_UP_NOTES:
        outlet = None
    question = Turn(Role.QUESTION, label, tuple(paragraphs) or (Paragraph("", unit.first),), outlet=outlet)
    answers = tuple(
        Turn(Role.ANSWER, label, tuple(paragraphs) or (Paragraph("", unit.first),),
             speaker=speakers.resolve(label, speaker) or label)
        for label, paragraphs in turns[1:]
    )
    return Exchange(anchor, question, answers, follow_up)


def _section(
    n: int, title: str, kind: Kind, anchor: str, units: list[Unit], body: Body, speaker: str | None, asked: int
) -> Section:
    """A section from its units; questions are numbered on from ``asked`` (those of earlier sections)."""
    paragraphs: list[Paragraph] = []
    exchanges: list[Exchange] = []
    for unit in units:
        if unit.role is LineRole.TEXT:
            paragraphs.extend(_paragraph(line) for line in unit.lines)
        elif unit.role is LineRole.QUESTION:
            anchor_of_question = f"q{asked + len(exchanges) + 1}"
            exchanges.append(_exchange(unit, body, anchor_of_question, bool(exchanges), speaker))
    return Section(
        n=n,
        title=title,
        kind=kind,
        anchor=anchor,
        paragraphs=tuple(paragraphs),
        exchanges=tuple(exchanges),
        heading_line=next((unit.first for unit in units if unit.role is LineRole.HEADING), None),
        start_line=units[0].first if units else None,
        end_line=units[-1].last if units else None,
    )


def build(
    front: Front, agenda: list[AgendaEntry], body: Body, placement: Placement, source: str, layout: str
) -> Briefing:
    """The briefing: metadata from the front, sections from the placed units, every anchor."""
    whole_qa = next(
        (i for i, e in enumerate(agenda) if e.kind is Kind.QA and match_key(e.title) in vocabulary.QA_DIVIDERS), None
    )
    anchors = section_anchors([entry.title for entry in agenda], whole_qa if not front.agenda else None)
    sections: list[Section] = []
    question_count = 0
    for index, (entry, group) in enumerate(zip(agenda, placement.units, strict=True)):
        section = _section(
            index + 1, entry.title, placement.kinds[index], anchors[index], [body.units[u] for u in group],
            body, front.info.speaker, question_count,
        )
        question_count += len(section.exchanges)
        sections.append(section)
    if placement.overflow:
        sections.append(_section(
            len(agenda) + 1, OVERFLOW_TITLE, Kind.QA, OVERFLOW_ANCHOR, [body.units[u] for u in placement.overflow],
            body, front.info.speaker, sum(len(s.exchanges) for s in sections),
        ))
    intro = tuple(_paragraph(line) for u in placement.intro for line in body.units[u].lines)
    boilerplate = set(front.boilerplate)
    boilerplate.update(
        number for number, role in body.roles.items() if role in (LineRole.BOILERPLATE, LineRole.SEPARATOR)
    )
    info = front.info
    # The page prints the Q&A divider as the transcript words it: the TOC's, else the body's.
    qa_heading = front.qa_divider or body.qa_divider
    diagnostics: list[Diagnostic] = [*front.diagnostics, *body.diagnostics, *placement.diagnostics]
    return Briefing(
        source=source,
        layout=layout,
        title=info.title,
        date=info.date,
        place=info.place,
        speaker=info.speaker,
        speaker_title=info.speaker_title,
        language=info.language,
        # The agenda as printed: none where the body's headings made the sections.
        agenda=tuple(
            AgendaItem(s.n, s.title, s.kind, entry.line) for s, entry in zip(sections, front.agenda, strict=False)
        ),
        intro=intro,
        sections=tuple(sections),
        title_line=front.title_line.number,
        agenda_lines=front.agenda_lines,
        qa_divider_line=body.qa_divider_line,
        boilerplate_lines=tuple(sorted(boilerplate)),
        diagnostics=tuple(sorted(diagnostics)),
        qa_heading=qa_heading,
        speaker_as_printed=info.speaker_as_printed,
        occasion=info.occasion,
    )
