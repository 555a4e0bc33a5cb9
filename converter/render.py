"""Rendering: pure functions from the model to Markdown text; nothing here reads or writes files.

Transcript text is data: :func:`escape` makes every character of it literal, so that no line of a transcript
can become Markdown, HTML or an attribute list, whatever it holds.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

import yaml

from converter import citation, ledger, links, topics
from converter.model import Briefing, Exchange, Kind, Paragraph, Section, Turn

# Characters that Markdown or its extensions (attr_list, toc) may read as syntax anywhere in a line; each is
# written as a backslash escape that Python-Markdown turns back into the character. The backslash comes
# first, so that the backslashes the others get are not escaped again.
_INLINE_SYNTAX = "\\`*_{}[]()#+!"
# Line openings that start a block: '1. ' / '1) ' (ordered list), '- ' / '+ ' (bullets), '---', '==='.
_RE_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-=])")
# Characters with no backslash escape in Python-Markdown's core: written as numeric character references.
# ('|' makes table cells where the tables extension is on.)
_ENTITIES = {"|": "&#124;"}
QA_HEADING = "Answers to media questions"
# The tooltip of a heading that the transcript lacks and the page takes from the agenda.
SUPPLIED_NOTE = "This heading comes from the agenda: the transcript has none here"
QA_ANCHOR = "answers-to-media-questions"


def escape(text: str) -> str:
    """Markdown source that renders as exactly ``text``, inert: no markup, no HTML, no attributes.

    Every paragraph of every page passes here: one ``str.replace`` per character that is there (a regular
    expression substitution per paragraph cost more than the rest of the page).
    """
    text = html.escape(text, quote=False)
    for character in _INLINE_SYNTAX:
        if character in text:
            text = text.replace(character, "\\" + character)
    for character, entity in _ENTITIES.items():
        if character in text:
            text = text.replace(character, entity)
    # Ordered-list numbers and setext/bullet dashes at the start of a line; '.' and '-' are safe elsewhere.
    match = _RE_BLOCK_START.match(text)
    return _block_start(match) + text[match.end() :] if match else text


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


def html_title(text: str) -> str:
    """A front-matter title: Material writes ``title`` into the page (<title>, header, navigation) as HTML."""
    return html.escape(text, quote=True)


def page_title(briefing: Briefing) -> str:
    """The short title for navigation and the browser tab: date and speaker."""
    when = long_date(briefing)
    return f"{when}: {briefing.speaker}" if briefing.speaker else when


def long_date(briefing: Briefing) -> str:
    return _long(briefing.date) if briefing.date else "Undated briefing"


def _long(date: dt.date) -> str:
    """'January 23, 2025' (no leading zero, whatever the platform's strftime)."""
    return f"{date:%B} {date.day}, {date.year}"


def _host(address: str) -> str:
    """'mid.ru' for a link's text: the host of a URL without 'www.'."""
    return address.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")


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


def _exchange(exchange: Exchange, context: Context | None = None) -> list[str]:
    """One question with its answers in one element whose id is the exchange's anchor (md_in_html)."""
    classes = "exchange follow-up" if exchange.follow_up else "exchange"
    blocks = aliases(exchange.anchor, context or Context())
    blocks.append(f'<div class="{classes}" id="{exchange.anchor}" markdown>')
    blocks.extend(_turn(exchange.question, "question", exchange.anchor))
    for answer in exchange.answers:
        blocks.extend(_turn(answer, "answer"))
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
    blocks.extend(_paragraphs(section.paragraphs))
    for exchange in section.exchanges:
        blocks.extend(_exchange(exchange, context))
    return blocks


def _agenda(sections: Sequence[Section]) -> list[str]:
    blocks = ["## Agenda { #agenda }"]
    statements = [s for s in sections if s.kind is Kind.STATEMENT]
    questions = [s for s in sections if s.kind is Kind.QA and s.anchor != QA_ANCHOR]
    if statements:
        blocks.append("\n".join(f"{i}. [{escape(s.title)}](#{s.anchor})" for i, s in enumerate(statements, 1)))
    if questions or any(s.anchor == QA_ANCHOR for s in sections):
        blocks.append(f"**[{QA_HEADING}](#{QA_ANCHOR})**")
    if questions:
        blocks.append("\n".join(f"{i}. [{escape(s.title)}](#{s.anchor})" for i, s in enumerate(questions, 1)))
    return blocks


def safe_url(address: str) -> str:
    """An http(s) URL as a Markdown link target: characters Markdown or HTML could read are percent-encoded."""
    return quote(address, safe=":/?#@!$&'*+,;=%~-._")


def _metadata(briefing: Briefing, neighbours: Neighbours, context: Context | None = None) -> list[str]:
    """The facts line under the title, and the links to the briefings before and after this one."""
    context = context or Context()
    date = escape(long_date(briefing))
    if context.printed_date and context.printed_date != briefing.date:
        date += f" (corrected; the transcript says {escape(_long(context.printed_date))})"
    facts = [f"**Date:** {date}"]
    if briefing.speaker:
        link = f"{context.root}{links.speaker_path(briefing.speaker)}"
        who = f"[{escape(briefing.speaker)}]({link})"
        facts.append(f"**Speaker:** {who}" + (f", {escape(briefing.speaker_title)}" if briefing.speaker_title else ""))
    if briefing.place:
        facts.append(f"**Place:** {escape(briefing.place)}")
    facts.append(f"**Transcript:** {escape(briefing.source)}")
    if context.source_url:
        facts.append(f"**Original:** [{escape(_host(context.source_url))}]({safe_url(context.source_url)})")
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
              *_agenda(briefing.sections)]
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
            blocks.append(f"## {QA_HEADING} {{ #{QA_ANCHOR} }}")
            qa_open = True
        blocks.extend(_section(section, 3 if qa_open else 2, context))
    return front_matter(briefing, context) + "\n" + "\n\n".join(blocks) + "\n"


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


# The home page lists this many of the newest briefings, and this many topics (the most mentioned).
HOME_LATEST = 10
HOME_TOPICS = 15
# A year page (and the navigation) groups a year's briefings by month when it has more than this many.
MONTHS_FROM = 12


def _front(title: str, description: str, **extra: object) -> list[str]:
    data: dict[str, object] = {"title": html_title(title), "description": description, **extra}
    return ["---", yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n"), "---", ""]


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def _span(years: Sequence[int]) -> str:
    if not years:
        return "no dated briefings"
    return f"{years[0]}–{years[-1]}" if years[0] != years[-1] else str(years[0])


def _years(listings: Iterable[Listing]) -> list[int]:
    return sorted({item.briefing.date.year for item in listings if item.briefing.date})


def _entry(item: Listing, source: str, *, year: bool = True, speaker: bool = True) -> str:
    """'[January 23, 2025](…) · Maria Zakharova · Moscow · 12 statements, …' from the page at ``source``."""
    briefing = item.briefing
    when = long_date(briefing) if year or not briefing.date else f"{briefing.date:%B} {briefing.date.day}"
    parts = [f"[{escape(when)}]({links.relative(source, item.path)})"]
    if speaker and briefing.speaker:
        parts.append(f"[{escape(briefing.speaker)}]({links.relative(source, links.speaker_path(briefing.speaker))})")
    if briefing.place:
        parts.append(escape(briefing.place))
    parts.append(counts(briefing))
    return "- " + " · ".join(parts)


def home_page(listings: Sequence[Listing], index: topics.Index | None = None) -> str:
    """The home page: what the archive holds, the newest briefings, and the ways into the rest."""
    questions = sum(len(item.briefing.exchanges) for item in listings)
    years = _years(listings)
    speakers = Counter(item.briefing.speaker for item in listings if item.briefing.speaker)
    lines = [
        *_front("Home", "Transcripts of the Russian Foreign Ministry spokesperson's press briefings.",
                hide=["toc"]),
        "# Briefings archive",
        "",
        f"The archive holds **{len(listings):,}** briefings with **{questions:,}** questions from the media "
        f"({_span(years)}). Every agenda item and every question has its own link and citation, and a row in "
        f"the [dataset]({links.DATA_PAGE}).",
        "",
        "## Latest briefings { #latest }",
        "",
    ]
    for item in listings[:HOME_LATEST]:
        briefing = item.briefing
        who = ", ".join(escape(part) for part in (briefing.speaker, briefing.place) if part)
        lines.append(f"- [{escape(long_date(briefing))}]({item.path}): {who} ({counts(briefing)})")
    lines += ["", "## Browse the archive { #browse }", ""]
    per_year = Counter(item.briefing.date.year for item in listings if item.briefing.date)
    if per_year:
        years_line = " · ".join(f"[{year}]({links.year_path(year)}) ({per_year[year]})" for year in reversed(years))
        lines += [f"**By year:** {years_line} · [all years]({links.ARCHIVE})", ""]
    if speakers:
        ranked = sorted(speakers.items(), key=lambda pair: (-pair[1], pair[0]))
        who = " · ".join(f"[{escape(name)}]({links.speaker_path(name)}) ({count})" for name, count in ranked)
        lines += [f"**By speaker:** {who}", ""]
    if index and index.topics:
        top = sorted(index.topics, key=lambda t: (-len(t.mentions), t.name.casefold()))[:HOME_TOPICS]
        named = " · ".join(f"[{escape(t.name)}]({t.path})" for t in sorted(top, key=lambda t: t.name.casefold()))
        lines += [f"**By topic:** {named} · [all {len(index.topics)} topics]({links.TOPICS_DIR}/index.md)", ""]
    lines += [
        f"**Data and feeds:** [the dataset and its schema]({links.DATA_PAGE}) · "
        f"[RSS]({links.RSS_FEED}) · [Atom]({links.ATOM_FEED})",
    ]
    return "\n".join(lines) + "\n"


def archive_page(listings: Sequence[Listing]) -> str:
    """``briefings/index.md``: every year with how many briefings and questions it holds, newest first."""
    source = links.ARCHIVE
    lines = [*_front("All briefings", "The briefings archive by year."), "# All briefings by year", ""]
    by_year: dict[int | None, list[Listing]] = {}
    for item in listings:
        by_year.setdefault(item.briefing.date.year if item.briefing.date else None, []).append(item)
    for year in sorted(by_year, key=lambda y: -1 if y is None else y, reverse=True):
        items = by_year[year]
        questions = sum(len(i.briefing.exchanges) for i in items)
        who = sorted({i.briefing.speaker for i in items if i.briefing.speaker})
        label = str(year) if year is not None else "Undated"
        lines.append(
            f"- [{label}]({links.relative(source, links.year_path(year))}): {_plural(len(items), 'briefing')}, "
            f"{_plural(questions, 'question')}" + (f" ({escape(', '.join(who))})" if who else "")
        )
    return "\n".join(lines) + "\n"


def year_page(year: int | None, listings: Sequence[Listing]) -> str:
    """``briefings/<year>/index.md``: the year's briefings in calendar order, by month when the year is long."""
    source = links.year_path(year)
    label = str(year) if year is not None else "Undated briefings"
    ordered = sorted(listings, key=lambda i: (i.briefing.date or dt.date.min, i.path))
    questions = sum(len(i.briefing.exchanges) for i in ordered)
    lines = [
        *_front(f"Briefings of {year}" if year is not None else label, f"Every briefing of {label}."),
        f"# {'Briefings of ' + label if year is not None else label}",
        "",
        f"{_plural(len(ordered), 'briefing')} with {_plural(questions, 'question')} from the media. "
        f"[All years]({links.relative(source, links.ARCHIVE)})",
        "",
    ]
    by_month = year is not None and len(ordered) > MONTHS_FROM
    month = None
    for item in ordered:
        date = item.briefing.date
        if by_month and date and date.month != month:
            month = date.month
            lines += ["", f"## {date:%B} {{ #{date.strftime('%B').lower()} }}", ""]
        lines.append(_entry(item, source, year=year is None))
    return "\n".join(lines) + "\n"


def speakers_page(listings: Sequence[Listing]) -> str:
    """``speakers/index.md``: every speaker, most briefings first."""
    source = f"{links.SPEAKERS_DIR}/index.md"
    lines = [*_front("Speakers", "Who gave the briefings."), "# Speakers", ""]
    by_speaker: dict[str, list[Listing]] = {}
    for item in listings:
        if item.briefing.speaker:
            by_speaker.setdefault(item.briefing.speaker, []).append(item)
    for name, items in sorted(by_speaker.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        span = _span(_years(items))
        lines.append(f"- [{escape(name)}]({links.relative(source, links.speaker_path(name))}): "
                     f"{_plural(len(items), 'briefing')} ({span})")
    return "\n".join(lines) + "\n"


def speaker_page(name: str, listings: Sequence[Listing], aliases: Sequence[str] = ()) -> str:
    """``speakers/<slug>.md``: one speaker's briefings, newest first, by year."""
    source = links.speaker_path(name)
    ordered = sorted(listings, key=lambda i: (i.briefing.date or dt.date.min, i.path), reverse=True)
    titles = Counter(i.briefing.speaker_title for i in ordered if i.briefing.speaker_title)
    questions = sum(len(i.briefing.exchanges) for i in ordered)
    lines = [*_front(name, f"Every briefing given by {name}."), f"# {escape(name)}", ""]
    intro = f"{_plural(len(ordered), 'briefing')} with {_plural(questions, 'question')} ({_span(_years(ordered))})."
    if titles:
        intro = escape("; ".join(title for title, _ in titles.most_common())) + ". " + intro
    lines += [intro, ""]
    others = [alias for alias in aliases if alias != name]
    if others:
        lines += ["Transcripts also name them " + ", ".join(f"*{escape(a)}*" for a in others) + ".", ""]
    lines += [f"[All speakers]({links.relative(source, links.SPEAKERS_DIR + '/index.md')})", ""]
    year = None
    for item in ordered:
        item_year = item.briefing.date.year if item.briefing.date else None
        if item_year != year or item is ordered[0]:
            year = item_year
            heading = f"## {year} {{ #year-{year} }}" if year is not None else "## Undated { #undated }"
            lines += ["", heading, ""]
        lines.append(_entry(item, source, speaker=False))
    return "\n".join(lines) + "\n"


def topics_page(index: topics.Index) -> str:
    """``topics/index.md``: every topic by group, with how often it came up."""
    lines = [
        *_front("Topics", "Recurring agenda items, countries and organisations of the briefings."),
        "# Topics",
        "",
        f"Topics come from the corpus: agenda items on the agenda of at least {topics.MIN_BRIEFINGS} briefings, "
        f"and the countries, organisations and places named at least {topics.MIN_MENTIONS} times in agenda "
        "titles and questions. The number is how many agenda items and questions each was found in.",
        "",
    ]
    for group, heading in topics.GROUPS.items():
        members = [t for t in index.topics if t.group == group]
        if not members:
            continue
        lines += [f"## {heading} {{ #{group} }}", ""]
        lines += [f"- [{escape(t.name)}]({t.slug}.md) ({len(t.mentions)})" for t in members]
        lines.append("")
    return "\n".join(lines) + "\n"


def _excerpt(text: str, limit: int = 110) -> str:
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0] + "…"


def topic_page(topic: topics.Topic, listings: Mapping[str, Listing], years: tuple[int, int] | None) -> str:
    """``topics/<slug>.md``: how often the topic came up per year, then every mention, newest first."""
    source = topic.path
    group = {topics.AGENDA: "Recurring agenda item", topics.COUNTRY: "Country",
             topics.ORGANISATION: "Organisation", topics.PLACE: "Place"}[topic.group]
    briefings = {item.page for item in topic.mentions}
    lines = [
        *_front(topic.name, f"Every agenda item and question on {topic.name} in the briefings archive."),
        f"# {escape(topic.name)}",
        "",
        f"{group} · {_plural(len(topic.mentions), 'mention')} in {_plural(len(briefings), 'briefing')} · "
        f"[All topics]({links.relative(source, links.TOPICS_DIR + '/index.md')})",
        "",
    ]
    if years:
        lines += [chart(topic.per_year(), years[0], years[1], topic.name), ""]
    page = year = None
    for item in topic.mentions:
        item_year = item.date.year if item.date else None
        if item_year != year or page is None:
            year = item_year
            lines += ["", f"## {year} {{ #year-{year} }}" if year is not None else "## Undated { #undated }", ""]
            page = None
        if item.page != page:
            page = item.page
            listing = listings[item.page]
            who = f" · {escape(listing.briefing.speaker)}" if listing.briefing.speaker else ""
            lines.append(f"- [{escape(long_date(listing.briefing))}]({links.relative(source, item.page)}){who}")
        target = links.relative(source, item.page, item.anchor)
        if item.exchange is None:
            kind = "statement" if item.section.kind is Kind.STATEMENT else "Q&A topic"
            lines.append(f"    - [{escape(item.section.title)}]({target}) ({kind})")
        else:
            question = " ".join(p.text for p in item.exchange.question.paragraphs)
            lines.append(f"    - [Question {item.anchor.removeprefix('q')}]({target}): "
                         f"{escape(_excerpt(question))}")
    return "\n".join(lines) + "\n"


# The chart's geometry, in SVG user units: one bar per year.
_BAR_PITCH, _BAR_WIDTH, _BAR_HEIGHT, _TOP, _BOTTOM = 36, 26, 90, 16, 18


def chart(per_year: Mapping[int, int], first: int, last: int, name: str = "") -> str:
    """An inline SVG bar chart of mentions per year, ``first`` to ``last``; drawn here, so it works offline.

    It holds numbers and years only (the accessible label names the topic, escaped).
    """
    years = list(range(first, last + 1))
    peak = max((per_year.get(y, 0) for y in years), default=0) or 1
    width = _BAR_PITCH * len(years) + 10
    height = _TOP + _BAR_HEIGHT + _BOTTOM
    label = html.escape(f"Mentions of {name} per year, {first}–{last}" if name else "Mentions per year", quote=True)
    parts = [f'<figure class="topic-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
             f'aria-label="{label}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for n, year in enumerate(years):
        count = per_year.get(year, 0)
        bar = round(_BAR_HEIGHT * count / peak) if count else 0
        x = 5 + n * _BAR_PITCH + (_BAR_PITCH - _BAR_WIDTH) // 2
        y = _TOP + _BAR_HEIGHT - bar
        noun = "mention" if count == 1 else "mentions"
        parts.append(f'<g><title>{year}: {count} {noun}</title>'
                     f'<rect class="bar" x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{max(bar, 1)}"/>')
        if count:
            parts.append(f'<text class="count" x="{x + _BAR_WIDTH // 2}" y="{y - 3}">{count}</text>')
        parts.append(f'<text class="year" x="{x + _BAR_WIDTH // 2}" y="{height - 4}">{year}</text></g>')
    parts.append("</svg><figcaption>Mentions per year</figcaption></figure>")
    return "".join(parts)
