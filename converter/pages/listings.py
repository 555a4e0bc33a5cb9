"""Listing pages: the home page, the archive by year, speakers, topics; each a pure function, Markdown out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from converter import links, topics
from converter.model import Briefing, Kind
from converter.pages import chart
from converter.pages.briefing import long_date
from converter.pages.markdown import escape, front, plural


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

    return ", ".join([plural(statements, "statement"), plural(topics, "Q&A topic"), plural(questions, "question")])


# The home page lists this many of the newest briefings, and this many topics (the most mentioned).
HOME_LATEST = 10
HOME_TOPICS = 15
# A year page (and the navigation) groups a year's briefings by month when it has more than this many.
MONTHS_FROM = 12


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


def home_page(listings: Sequence[Listing], index: topics.Index | None = None, feeds: bool = True) -> str:
    """The home page: what the archive holds, the newest briefings, and the ways into the rest."""
    questions = sum(len(item.briefing.exchanges) for item in listings)
    years = _years(listings)
    speakers = Counter(item.briefing.speaker for item in listings if item.briefing.speaker)
    lines = [
        *front("Home", "Transcripts of the Russian Foreign Ministry spokesperson's press briefings.",
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
    # Feeds exist only where the site has a public address (converter/exports/feeds.py).
    if feeds:
        lines.append(f"**Data and feeds:** [the dataset and its schema]({links.DATA_PAGE}) · "
                     f"[RSS]({links.RSS_FEED}) · [Atom]({links.ATOM_FEED})")
    else:
        lines.append(f"**Data:** [the dataset and its schema]({links.DATA_PAGE})")
    return "\n".join(lines) + "\n"


def archive_page(listings: Sequence[Listing]) -> str:
    """``briefings/index.md``: every year with how many briefings and questions it holds, newest first."""
    source = links.ARCHIVE
    lines = [*front("All briefings", "The briefings archive by year."), "# All briefings by year", ""]
    by_year: dict[int | None, list[Listing]] = {}
    for item in listings:
        by_year.setdefault(item.briefing.date.year if item.briefing.date else None, []).append(item)
    for year in sorted(by_year, key=lambda y: -1 if y is None else y, reverse=True):
        items = by_year[year]
        questions = sum(len(i.briefing.exchanges) for i in items)
        who = sorted({i.briefing.speaker for i in items if i.briefing.speaker})
        label = str(year) if year is not None else "Undated"
        lines.append(
            f"- [{label}]({links.relative(source, links.year_path(year))}): {plural(len(items), 'briefing')}, "
            f"{plural(questions, 'question')}" + (f" ({escape(', '.join(who))})" if who else "")
        )
    return "\n".join(lines) + "\n"


def year_page(year: int | None, listings: Sequence[Listing]) -> str:
    """``briefings/<year>/index.md``: the year's briefings in calendar order, by month when the year is long."""
    source = links.year_path(year)
    label = str(year) if year is not None else "Undated briefings"
    ordered = sorted(listings, key=lambda i: (i.briefing.date or dt.date.min, i.path))
    questions = sum(len(i.briefing.exchanges) for i in ordered)
    lines = [
        *front(f"Briefings of {year}" if year is not None else label, f"Every briefing of {label}."),
        f"# {'Briefings of ' + label if year is not None else label}",
        "",
        f"{plural(len(ordered), 'briefing')} with {plural(questions, 'question')} from the media. "
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
    lines = [*front("Speakers", "Who gave the briefings."), "# Speakers", ""]
    by_speaker: dict[str, list[Listing]] = {}
    for item in listings:
        if item.briefing.speaker:
            by_speaker.setdefault(item.briefing.speaker, []).append(item)
    for name, items in sorted(by_speaker.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        span = _span(_years(items))
        lines.append(f"- [{escape(name)}]({links.relative(source, links.speaker_path(name))}): "
                     f"{plural(len(items), 'briefing')} ({span})")
    return "\n".join(lines) + "\n"


def speaker_page(name: str, listings: Sequence[Listing], aliases: Sequence[str] = ()) -> str:
    """``speakers/<slug>.md``: one speaker's briefings, newest first, by year."""
    source = links.speaker_path(name)
    ordered = sorted(listings, key=lambda i: (i.briefing.date or dt.date.min, i.path), reverse=True)
    titles = Counter(i.briefing.speaker_title for i in ordered if i.briefing.speaker_title)
    questions = sum(len(i.briefing.exchanges) for i in ordered)
    lines = [*front(name, f"Every briefing given by {name}."), f"# {escape(name)}", ""]
    intro = f"{plural(len(ordered), 'briefing')} with {plural(questions, 'question')} ({_span(_years(ordered))})."
    if titles:
        intro = escape("; ".join(title for title, _ in titles.most_common())) + ". " + intro
    lines += [intro, ""]
    others = [alias for alias in aliases if alias != name]
    if others:
        lines += ["Transcripts also name them " + ", ".join(f"*{escape(a)}*" for a in others) + ".", ""]
    feed = links.relative(source, links.speaker_feed_path(name))
    lines += [f"[All speakers]({links.relative(source, links.SPEAKERS_DIR + '/index.md')}) · "
              f"[Subscribe to their briefings (Atom feed)]({feed})"
              '{ .subject-feed type="application/atom+xml" }', ""]
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
        *front("Topics", "Recurring agenda items, countries and organisations of the briefings."),
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


# A topic page lists every mention, by year. When that page would be longer than this (in bytes of Markdown; the
# HTML page is about a quarter longer, plus the theme's 11 kB), it keeps each year's heading (and its anchor,
# which may have been cited) with the year's counts, and the year's mentions get a page of their own
# (``topics/<slug>/<year>.md``): no page of the archive grows past 500 kB, and a topic of a few hundred mentions
# stays one page. A topic only grows, so a topic split once stays split.
TOPIC_PAGE_BYTES = 300_000


def topic_pages(
    topic: topics.Topic, listings: Mapping[str, Listing], years: tuple[int, int] | None
) -> Iterator[tuple[str, str]]:
    """The topic's page (``topics/<slug>.md``) and, for a topic whose page would be too long, a page per year."""
    whole = topic_page(topic, listings, years)
    if len(whole.encode("utf-8")) <= TOPIC_PAGE_BYTES:
        yield topic.path, whole
        return
    by_year: dict[int | None, list[topics.Item]] = {}
    for item in topic.mentions:
        by_year.setdefault(item.date.year if item.date else None, []).append(item)
    yield topic.path, topic_page(topic, listings, years, by_year)
    for year, items in by_year.items():
        yield links.topic_year_path(topic.slug, year), _topic_year_page(topic, year, items, listings)


def _topic_group(topic: topics.Topic) -> str:
    return {topics.AGENDA: "Recurring agenda item", topics.COUNTRY: "Country",
            topics.ORGANISATION: "Organisation", topics.PLACE: "Place"}[topic.group]


def _year_heading(year: int | None) -> str:
    return f"## {year} {{ #year-{year} }}" if year is not None else "## Undated { #undated }"


def topic_page(
    topic: topics.Topic, listings: Mapping[str, Listing], years: tuple[int, int] | None,
    by_year: Mapping[int | None, Sequence[topics.Item]] | None = None,
) -> str:
    """``topics/<slug>.md``: how often the topic came up per year, then every mention, newest first; or, given
    ``by_year``, each year's counts and a link to the year's own page."""
    source = topic.path
    briefings = {item.page for item in topic.mentions}
    lines = [
        *front(topic.name, f"Every agenda item and question on {topic.name} in the briefings archive."),
        f"# {escape(topic.name)}",
        "",
        f"{_topic_group(topic)} · {plural(len(topic.mentions), 'mention')} in {plural(len(briefings), 'briefing')} · "
        f"[All topics]({links.relative(source, links.TOPICS_DIR + '/index.md')})",
        "",
        f"[Subscribe to this topic (Atom feed)]({links.relative(source, links.topic_feed_path(topic.slug))})"
        '{ .subject-feed type="application/atom+xml" }',
        "",
    ]
    if years:
        lines += [chart.chart(topic.per_year(), years[0], years[1], topic.name), ""]
    if by_year is None:
        lines += _mentions(topic.mentions, source, listings)
        return "\n".join(lines) + "\n"
    for year, items in by_year.items():
        target = links.relative(source, links.topic_year_path(topic.slug, year))
        label = f"{year}" if year is not None else "undated briefings"
        count = len({item.page for item in items})
        lines += ["", _year_heading(year), "",
                  f"[{plural(len(items), 'mention')} in {plural(count, 'briefing')} of {label}]({target})"]
    return "\n".join(lines) + "\n"


def _topic_year_page(
    topic: topics.Topic, year: int | None, items: Sequence[topics.Item], listings: Mapping[str, Listing]
) -> str:
    """``topics/<slug>/<year>.md``: the topic's mentions of one year, newest first."""
    source = links.topic_year_path(topic.slug, year)
    label = str(year) if year is not None else "undated briefings"
    briefings = {item.page for item in items}
    lines = [
        *front(f"{topic.name} in {label}", f"Every agenda item and question on {topic.name} in {label}."),
        f"# {escape(topic.name)} in {label}",
        "",
        f"{_topic_group(topic)} · {plural(len(items), 'mention')} in {plural(len(briefings), 'briefing')} · "
        f"[All years of {escape(topic.name)}]({links.relative(source, topic.path)})",
        "",
    ]
    lines += _mentions(items, source, listings)
    return "\n".join(lines) + "\n"


def _mentions(items: Iterable[topics.Item], source: str, listings: Mapping[str, Listing]) -> list[str]:
    """Each mention under its year and its briefing, as links from the page at ``source`` to exact anchors."""
    lines: list[str] = []
    page = year = None
    for item in items:
        item_year = item.date.year if item.date else None
        if item_year != year or page is None:
            year = item_year
            lines += ["", _year_heading(year), ""]
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
    return lines
