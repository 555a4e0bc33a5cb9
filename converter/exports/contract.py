"""The JSON contract of ``briefings parse``: one object per transcript, documented in docs/dev/contract.md."""

from __future__ import annotations

from typing import Any

from converter.model import Briefing


def to_json(briefing: Briefing) -> dict[str, Any]:
    """The briefing as the documented JSON object (keys in the documented order)."""
    sections = briefing.sections
    return {
        "source": briefing.source,
        "layout": briefing.layout,
        "title": briefing.title,
        "title_line": briefing.title_line,
        "date": briefing.date.isoformat() if briefing.date else None,
        "place": briefing.place,
        "occasion": briefing.occasion,
        "speaker": briefing.speaker,
        "speaker_as_printed": briefing.speaker_as_printed,
        "speaker_title": briefing.speaker_title,
        "language": briefing.language,
        "agenda": [
            {"n": item.n, "title": item.title, "kind": item.kind.value, "line": item.line} for item in briefing.agenda
        ],
        "agenda_lines": list(briefing.agenda_lines) if briefing.agenda_lines else None,
        "qa_divider_line": briefing.qa_divider_line,
        "intro": (
            {"start_line": briefing.intro[0].line, "end_line": briefing.intro[-1].line} if briefing.intro else None
        ),
        "sections": [
            {
                "n": section.n,
                "title": section.title,
                "kind": section.kind.value,
                "anchor": section.anchor,
                "heading_line": section.heading_line,
                "start_line": section.start_line,
                "end_line": section.end_line,
            }
            for section in sections
        ],
        "questions": [
            {
                "line": exchange.question.line,
                "section": section.n,
                "follow_up": exchange.follow_up,
                "anchor": exchange.anchor,
                "outlet": exchange.question.outlet,
            }
            for section in sections
            for exchange in section.exchanges
        ],
        "answers": [
            {"line": answer.line, "speaker": answer.speaker, "question": exchange.anchor}
            for section in sections
            for exchange in section.exchanges
            for answer in exchange.answers
        ],
        "boilerplate_lines": list(briefing.boilerplate_lines),
        "diagnostics": [{"line": d.line, "message": d.message} for d in briefing.diagnostics],
    }
