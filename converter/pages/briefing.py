"""The briefing page: the model of one briefing, with what the corpus knows of it, in, Markdown out.

Pure functions; nothing here reads or writes files. Transcript text goes through :func:`markdown.escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import yaml

from converter import ledger, links
from converter.model import Briefing, Exchange, Kind, Paragraph, Section, Turn
from converter.pages import citation, markdown
from converter.pages.markdown import escape, html_title, safe_url

QA_HEADING = "Answers to media questions"
# The tooltip of a heading that the transcript lacks and the page takes from the agenda.
SUPPLIED_NOTE = "This heading comes from the agenda: the transcript has none here"
QA_ANCHOR = "answers-to-media-questions"


@dataclass(frozen=True)
class Neighbours:
    """Links from a briefing page to the pages beside it (relative ``.md`` paths, or None)."""

    previous: tuple[str, str] | None = None
    next: tuple[str, str] | None = None
    home: str = "../../index.md"


@dataclass(frozen=True)
class StoryLinks:
    """One story of an agenda item (converter/stories.py): its topic, and (date, relative link) before and after."""

    name: str
    earlier: tuple[str, str] | None
    later: tuple[str, str] | None


@dataclass(frozen=True)
class Context:
    """What a briefing page knows from the rest of the corpus: its id, its items' topics, its source file.

    ``topics`` maps an anchor to ``(name, relative link)`` pairs; ``root`` is the relative path from the page
    to the docs folder (briefing pages are two folders down: ``briefings/2025/``).
    """

    page_id: str | None = None
    topics: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    source_url: str | None = None
    notes: str | None = None
    printed_date: dt.date | None = None  # the date of the title, when a source file corrected it
    root: str = "../../"
    # Published ids that lead here now (converter/ledger.py), by the anchor they stand before.
    aliases: Mapping[str, Sequence[ledger.Alias]] = field(default_factory=dict)
    path: str = ""  # the page's own path in the docs folder, for links in the aliases' notes
    stories: Mapping[str, Sequence[StoryLinks]] = field(default_factory=dict)  # by the anchor of an agenda item
    # Exchanges whose answer repeats an earlier one (converter/repeats.py): anchor -> (where, link, similarity).
    repeats: Mapping[str, tuple[str, str, float]] = field(default_factory=dict)


def front_matter(briefing: Briefing, context: Context | None = None) -> str:
    """YAML front matter in keys Material understands (title, description) plus the briefing's metadata.

    ``citation`` holds what the page's citation tags (overrides/main.html) and the cite control read.
    """
    context = context or Context()
    data: dict[str, object] = {
        "title": html_title(page_title(briefing)),
        "description": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else None,
        "speaker": briefing.speaker,
        "speaker_title": briefing.speaker_title,
        "place": briefing.place,
        "source": briefing.source,
        "language": briefing.language,
    }
    if context.source_url:
        data["source_url"] = context.source_url
    data["citation"] = citation.meta(briefing, context.page_id, context.source_url)
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def page_title(briefing: Briefing) -> str:
    """The short title for navigation and the browser tab: date and speaker."""
    when = long_date(briefing)
    return f"{when}: {briefing.speaker}" if briefing.speaker else when


def long_date(briefing: Briefing) -> str:
    """The briefing's date as the site prints it, or 'Undated briefing'."""
    return markdown.long_date(briefing.date) if briefing.date else "Undated briefing"


def _paragraphs(paragraphs: Iterable[Paragraph]) -> list[str]:
    return [escape(p.text) for p in paragraphs if p.text]


def _turn(turn: Turn, css_class: str, link: str | None = None) -> list[str]:
    """A question's or an answer's paragraphs, the label in bold before the first, each with its class."""
    texts = _paragraphs(turn.paragraphs) or [""]
    first = f"**{escape(turn.label)}:** {texts[0]}".rstrip()
    if link:
        first += f' [¶](#{link} "Link to this question and its answer"){{ .exchange-link }}'
    return [f"{first}\n{{: .{css_class} }}", *(f"{text}\n{{: .{css_class}-more }}" for text in texts[1:])]


def _topics(anchor: str, context: Context) -> list[str]:
    """'Topics: NATO · Ukraine' under an item, each a link to its topic page; nothing when it has none."""
    found = context.topics.get(anchor, ())
    if not found:
        return []
    return ["Topics: " + " · ".join(f"[{escape(name)}]({link})" for name, link in found) + "\n{: .topics }"]


def aliases(anchor: str, context: Context) -> list[str]:
    """The published ids that lead to ``anchor`` now: an empty element each, or a note where the content they
    named moved to another page or is gone (ids are the ledger's checked slugs; notes are escaped)."""
    blocks = []
    for alias in context.aliases.get(anchor, ()):
        if alias.note is None:
            blocks.append(f'<div class="anchor-alias" id="{alias.anchor}"></div>')
            continue
        text = escape(alias.note) + "."
        if alias.link:
            text += f" [Read it there]({links.relative(context.path, *alias.link)})."
        blocks.append(f'<div class="anchor-note" id="{alias.anchor}" markdown>\n\n{text}\n\n</div>')
    return blocks


def _stories(anchor: str, context: Context) -> list[str]:
    """'Ukraine: ← January 28, 2021 · March 3, 2025 →' under an agenda item, one line per story."""
    lines = []
    for story in context.stories.get(anchor, ()):
        earlier = (f"[← {escape(story.earlier[0])}]({story.earlier[1]}){{ .story-earlier }}" if story.earlier
                   else "first in the archive")
        later = (f"[{escape(story.later[0])} →]({story.later[1]}){{ .story-later }}" if story.later
                 else "latest in the archive")
        lines.append(f"Story of {escape(story.name)}: {earlier} · {later}\n{{: .story }}")
    return lines


def _repeat(anchor: str, context: Context) -> list[str]:
    """'This answer largely repeats one first given on …' under an answer that does, linking the first."""
    found = context.repeats.get(anchor)
    if found is None:
        return []
    where, link, similarity = found
    return [f"This answer largely repeats one first given on [{escape(where)}]({link}) "
            f"({round(similarity * 100)}% of their three-word phrases in common).\n{{: .repeat }}"]


def _exchange(exchange: Exchange, context: Context | None = None) -> list[str]:
    """One question with its answers in one element whose id is the exchange's anchor (md_in_html)."""
    classes = "exchange follow-up" if exchange.follow_up else "exchange"
    blocks = aliases(exchange.anchor, context or Context())
    blocks.append(f'<div class="{classes}" id="{exchange.anchor}" markdown>')
    blocks.extend(_turn(exchange.question, "question", exchange.anchor))
    for answer in exchange.answers:
        blocks.extend(_turn(answer, "answer"))
    blocks.extend(_repeat(exchange.anchor, context or Context()))
    blocks.extend(_topics(exchange.anchor, context or Context()))
    blocks.append("</div>")
    return blocks


def _section(section: Section, level: int, context: Context | None = None) -> list[str]:
    context = context or Context()
    classes = ".statement" if section.kind is Kind.STATEMENT else ".qa"
    if section.heading_line is None:
        classes += f' .supplied title="{SUPPLIED_NOTE}"'
    blocks = aliases(section.anchor, context)
    blocks.append(f"{'#' * level} {escape(section.title)} {{ #{section.anchor} {classes} }}")
    blocks.extend(_topics(section.anchor, context))
    blocks.extend(_stories(section.anchor, context))
    blocks.extend(_paragraphs(section.paragraphs))
    for exchange in section.exchanges:
        blocks.extend(_exchange(exchange, context))
    return blocks


def qa_heading(briefing: Briefing) -> str:
    """The heading of the Q&A part: the transcript's own divider wording, else the usual one."""
    return briefing.qa_heading or QA_HEADING


def _agenda(sections: Sequence[Section], heading: str = QA_HEADING) -> list[str]:
    blocks = ["## Agenda { #agenda }"]
    statements = [s for s in sections if s.kind is Kind.STATEMENT]
    questions = [s for s in sections if s.kind is Kind.QA and s.anchor != QA_ANCHOR]
    if statements:
        blocks.append("\n".join(f"{i}. [{escape(s.title)}](#{s.anchor})" for i, s in enumerate(statements, 1)))
    if questions or any(s.anchor == QA_ANCHOR for s in sections):
        blocks.append(f"**[{escape(heading)}](#{QA_ANCHOR})**")
    if questions:
        blocks.append("\n".join(f"{i}. [{escape(s.title)}](#{s.anchor})" for i, s in enumerate(questions, 1)))
    return blocks


def _metadata(briefing: Briefing, neighbours: Neighbours, context: Context | None = None) -> list[str]:
    """The facts line under the title, and the links to the briefings before and after this one."""
    context = context or Context()
    date = escape(long_date(briefing))
    if context.printed_date and context.printed_date != briefing.date:
        date += f" (corrected; the transcript says {escape(markdown.long_date(context.printed_date))})"
    facts = [f"**Date:** {date}"]
    if briefing.speaker:
        link = f"{context.root}{links.speaker_path(briefing.speaker)}"
        # The name as the transcript prints it ('María Zajárova'), linked to the canonical name's page.
        who = f"[{escape(briefing.speaker_as_printed or briefing.speaker)}]({link})"
        facts.append(f"**Speaker:** {who}" + (f", {escape(briefing.speaker_title)}" if briefing.speaker_title else ""))
    if briefing.place:
        facts.append(f"**Place:** {escape(briefing.place)}")
    if briefing.occasion:
        facts.append(f"**Occasion:** {escape(briefing.occasion[0].upper() + briefing.occasion[1:])}")
    facts.append(f"**Transcript:** {escape(briefing.source)}")
    if context.source_url:
        facts.append(f"**Original:** [{escape(markdown.host(context.source_url))}]({safe_url(context.source_url)})")
    if context.notes:
        facts.append(f"**Note:** {escape(' '.join(context.notes.split()))}")
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


def briefing_page(briefing: Briefing, neighbours: Neighbours = Neighbours(), context: Context | None = None) -> str:
    """The Markdown page of one briefing: front matter, metadata, agenda, every section with its anchors."""
    context = context or Context()
    blocks = [f"# {escape(briefing.title)}", *_metadata(briefing, neighbours, context), *aliases("agenda", context),
              *_agenda(briefing.sections, qa_heading(briefing))]
    if briefing.intro:
        blocks.extend(aliases("introduction", context))
        blocks.append("## Introduction { #introduction }")
        blocks.extend(_paragraphs(briefing.intro))
    qa_open = False
    for section in briefing.sections:
        if section.anchor == QA_ANCHOR:
            # The whole Q&A part as one section (no topic headings in the transcript): it is the Q&A heading.
            blocks.extend(_section(section, 2, context))
            qa_open = True
            continue
        if section.kind is Kind.QA and not qa_open:
            blocks.append(f"## {escape(qa_heading(briefing))} {{ #{QA_ANCHOR} }}")
            qa_open = True
        blocks.extend(_section(section, 3 if qa_open else 2, context))
    return front_matter(briefing, context) + "\n" + "\n\n".join(blocks) + "\n"
