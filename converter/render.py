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
# The tooltip of a heading that the transcript lacks and the page takes from the agenda.
SUPPLIED_NOTE = "This heading comes from the agenda: the transcript has none here"
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


def _turn(turn: Turn, css_class: str, link: str | None = None) -> list[str]:
    """A question's or an answer's paragraphs, the label in bold before the first, each with its class."""
    texts = _paragraphs(turn.paragraphs) or [""]
    first = f"**{escape(turn.label)}:** {texts[0]}".rstrip()
    if link:
        first += f' [¶](#{link} "Link to this question and its answer"){{ .exchange-link }}'
    return [f"{first}\n{{: .{css_class} }}", *(f"{text}\n{{: .{css_class}-more }}" for text in texts[1:])]


def _exchange(exchange: Exchange) -> list[str]:
    """One question with its answers in one element whose id is the exchange's anchor (md_in_html)."""
    classes = "exchange follow-up" if exchange.follow_up else "exchange"
    blocks = [f'<div class="{classes}" id="{exchange.anchor}" markdown>']
    blocks.extend(_turn(exchange.question, "question", exchange.anchor))
    for answer in exchange.answers:
        blocks.extend(_turn(answer, "answer"))
    blocks.append("</div>")
    return blocks


def _section(section: Section, level: int) -> list[str]:
    classes = ".statement" if section.kind is Kind.STATEMENT else ".qa"
    if section.heading_line is None:
        classes += f' .supplied title="{SUPPLIED_NOTE}"'
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
    """The facts line under the title, and the links to the briefings before and after this one."""
    facts = [f"**Date:** {escape(long_date(briefing))}"]
    if briefing.speaker:
        who = briefing.speaker + (f", {briefing.speaker_title}" if briefing.speaker_title else "")
        facts.append(f"**Speaker:** {escape(who)}")
    if briefing.place:
        facts.append(f"**Place:** {escape(briefing.place)}")
    facts.append(f"**Transcript:** {escape(briefing.source)}")
    earlier = (
        f"[← Earlier: {escape(neighbours.previous[1])}]({neighbours.previous[0]}){{ rel=prev }}"
        if neighbours.previous else "← Earlier: none"
    )
    later = (
        f"[Later: {escape(neighbours.next[1])} →]({neighbours.next[0]}){{ rel=next }}"
        if neighbours.next else "Later: none →"
    )
    return [
        '<div class="briefing-meta" markdown>\n\n' + "\n".join(f"- {fact}" for fact in facts) + "\n\n</div>",
        f"{earlier} · [All briefings]({neighbours.home}) · {later}\n{{: .briefing-nav }}",
    ]


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


def counts(briefing: Briefing) -> str:
    """'12 statements, 25 Q&A topics, 31 questions': the same wording on every page that counts."""
    statements = sum(1 for s in briefing.sections if s.kind is Kind.STATEMENT)
    topics = len(briefing.sections) - statements
    questions = len(briefing.exchanges)

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return ", ".join([plural(statements, "statement"), plural(topics, "Q&A topic"), plural(questions, "question")])


def home_page(listings: Sequence[Listing]) -> str:
    """The home page: what the archive holds, then every briefing, newest first."""
    questions = sum(len(item.briefing.exchanges) for item in listings)
    years = sorted({item.briefing.date.year for item in listings if item.briefing.date})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "no dated briefings")
    lines = [
        "---",
        "title: Home",
        "description: Transcripts of the Russian Foreign Ministry spokesperson's press briefings.",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Briefings archive",
        "",
        f"The archive holds **{len(listings)}** briefings with **{questions}** questions from the media "
        f"({span}). Every agenda item and every question has its own link.",
        "",
        "## Latest briefings { #latest }",
        "",
    ]
    for item in listings:
        briefing = item.briefing
        who = ", ".join(escape(part) for part in (briefing.speaker, briefing.place) if part)
        lines.append(f"- [{escape(long_date(briefing))}]({item.path}): {who} ({counts(briefing)})")
    return "\n".join(lines) + "\n"
