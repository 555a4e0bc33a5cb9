"""Rendering: pure functions from the model to Markdown text; nothing here reads or writes files.

Transcript text is data: :func:`escape` makes every character of it literal, so that no line of a transcript
can become Markdown, HTML or an attribute list, whatever it holds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from converter.model import Briefing, Exchange, Kind, Paragraph, Section, Turn

# Characters that Markdown or its extensions (attr_list, toc) may read as syntax anywhere in a line; each is
# written as a backslash escape that Python-Markdown turns back into the character.
_RE_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+!])")
# Line openings that start a block: '1. ' / '1) ' (ordered list), '- ' / '+ ' (bullets), '---', '==='.
_RE_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-=])")
# Characters with no backslash escape in Python-Markdown's core: written as numeric character references.
# ('|' makes table cells where the tables extension is on.)
_ENTITIES = {"|": "&#124;"}
_RE_ENTITY_CHARS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
QA_HEADING = "Answers to media questions"
QA_ANCHOR = "answers-to-media-questions"


def escape(text: str) -> str:
    """Markdown source that renders as exactly ``text``, inert: no markup, no HTML, no attributes."""
    text = html.escape(text, quote=False)
    text = _RE_INLINE_SYNTAX.sub(r"\\\1", text)
    text = _RE_ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group()], text)
    # Ordered-list numbers and setext/bullet dashes at the start of a line; '.' and '-' are safe elsewhere.
    return _RE_BLOCK_START.sub(_block_start, text)


def _block_start(match: re.Match[str]) -> str:
    if match[1]:
        return f"{match[1]}\\{match[2]}"
    return "\\-" if match[3] == "-" else "&#61;"  # '=' has no backslash escape


@dataclass(frozen=True)
class Neighbours:
    """Links from a briefing page to the pages beside it (relative ``.md`` paths, or None)."""

    previous: tuple[str, str] | None = None
    next: tuple[str, str] | None = None
    home: str = "../../index.md"


def front_matter(briefing: Briefing) -> str:
    """YAML front matter in keys Material understands (title, description) plus the briefing's metadata."""
    data = {
        "title": page_title(briefing),
        "description": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else None,
        "speaker": briefing.speaker,
        "speaker_title": briefing.speaker_title,
        "place": briefing.place,
        "source": briefing.source,
        "language": briefing.language,
    }
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def page_title(briefing: Briefing) -> str:
    """The short title for navigation and the browser tab: date and speaker."""
    when = long_date(briefing)
    return f"{when}: {briefing.speaker}" if briefing.speaker else when


def long_date(briefing: Briefing) -> str:
    date = briefing.date
    return f"{date:%B} {date.day}, {date.year}" if date else "Undated briefing"


def _paragraphs(paragraphs: Iterable[Paragraph]) -> list[str]:
    return [escape(p.text) for p in paragraphs if p.text]


def _turn(turn: Turn, anchor: str | None = None) -> list[str]:
    texts = _paragraphs(turn.paragraphs) or [""]
    label = escape(turn.label)
    first = f"**{label}:** {texts[0]}".rstrip()
    if anchor:
        first += f" [¶](#{anchor} \"Link to this question\"){{ .exchange-link }}\n{{: #{anchor} .question }}"
    else:
        first += "\n{: .answer }"
    return [first, *texts[1:]]


def _exchange(exchange: Exchange) -> list[str]:
    blocks = _turn(exchange.question, exchange.anchor)
    for answer in exchange.answers:
        blocks.extend(_turn(answer))
    return blocks


def _section(section: Section, level: int) -> list[str]:
    classes = ".statement" if section.kind is Kind.STATEMENT else ".qa"
    if section.heading_line is None:
        classes += " .supplied"  # the transcript has no heading here: this one comes from the agenda
    blocks = [f"{'#' * level} {escape(section.title)} {{ #{section.anchor} {classes} }}"]
    blocks.extend(_paragraphs(section.paragraphs))
    for exchange in section.exchanges:
        blocks.extend(_exchange(exchange))
    return blocks


def _agenda(sections: Sequence[Section]) -> list[str]:
    blocks = ["## Agenda { #agenda }"]
    statements = [s for s in sections if s.kind is Kind.STATEMENT]
    questions = [s for s in sections if s.kind is Kind.QA]
    if statements:
        blocks.append("\n".join(f"{i}. [{escape(s.title)}](#{s.anchor})" for i, s in enumerate(statements, 1)))
    if questions:
        blocks.append(f"**[{QA_HEADING}](#{QA_ANCHOR})**")
        blocks.append("\n".join(f"{i}. [{escape(s.title)}](#{s.anchor})" for i, s in enumerate(questions, 1)))
    return blocks


def _metadata(briefing: Briefing, neighbours: Neighbours) -> list[str]:
    facts = [f"**Date:** {escape(long_date(briefing))}"]
    if briefing.speaker:
        who = briefing.speaker + (f", {briefing.speaker_title}" if briefing.speaker_title else "")
        facts.append(f"**Speaker:** {escape(who)}")
    if briefing.place:
        facts.append(f"**Place:** {escape(briefing.place)}")
    facts.append(f"**Source:** {escape(briefing.source)}")
    links = []
    if neighbours.previous:
        links.append(f"[← {escape(neighbours.previous[1])}]({neighbours.previous[0]}){{ rel=prev }}")
    links.append(f"[All briefings]({neighbours.home})")
    if neighbours.next:
        links.append(f"[{escape(neighbours.next[1])} →]({neighbours.next[0]}){{ rel=next }}")
    return [" · ".join(facts) + "\n{: .briefing-meta }", " · ".join(links) + "\n{: .briefing-nav }"]


def briefing_page(briefing: Briefing, neighbours: Neighbours = Neighbours()) -> str:
    """The Markdown page of one briefing: front matter, metadata, agenda, every section with its anchors."""
    blocks = [f"# {escape(briefing.title)}", *_metadata(briefing, neighbours), *_agenda(briefing.sections)]
    if briefing.intro:
        blocks.append("## Introduction { #introduction }")
        blocks.extend(_paragraphs(briefing.intro))
    qa_open = False
    for section in briefing.sections:
        if section.kind is Kind.QA and not qa_open:
            blocks.append(f"## {QA_HEADING} {{ #{QA_ANCHOR} }}")
            qa_open = True
        blocks.extend(_section(section, 3 if qa_open else 2))
    return front_matter(briefing) + "\n" + "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class Listing:
    """One briefing as the home page lists it."""

    path: str
    briefing: Briefing


def home_page(listings: Sequence[Listing]) -> str:
    """The home page: what the archive holds, then every briefing, newest first."""
    questions = sum(len(item.briefing.exchanges) for item in listings)
    years = sorted({item.briefing.date.year for item in listings if item.briefing.date})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "no dated briefings")
    lines = [
        "---",
        "title: Briefings archive",
        "description: Transcripts of the Russian Foreign Ministry spokesperson's press briefings.",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Briefings archive",
        "",
        f"The archive holds **{len(listings)}** briefings with **{questions}** answers to media questions "
        f"({span}). Every agenda item and every question has its own link.",
        "",
        "## Latest briefings { #latest }",
        "",
    ]
    for item in listings:
        briefing = item.briefing
        count = len(briefing.sections)
        detail = f"{count} agenda item{'s' if count != 1 else ''}, {len(briefing.exchanges)} questions"
        lines.append(f"- [{escape(long_date(briefing))}]({item.path}): {escape(briefing.title)} ({detail})")
    return "\n".join(lines) + "\n"
