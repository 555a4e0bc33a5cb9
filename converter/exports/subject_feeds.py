"""Atom feeds of one subject: every agenda item and question on a topic, every briefing of a speaker.

``topics/<slug>.xml`` beside the topic's page and ``speakers/<slug>.xml`` beside the speaker's, each linked from
that page, so a reader can subscribe to everything said about one country or organisation. Entries link to the
exact anchor (the ledger's stable ids); as in :mod:`converter.feeds`, URLs are absolute under ``site_url`` and
relative to the feed without it, and nothing depends on the clock.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from converter import links, topics
from converter.exports import feeds
from converter.model import Kind
from converter.pages import citation

LIMIT = 50
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "briefings:subjects:")


@dataclass(frozen=True)
class Entry:
    title: str
    path: str
    anchor: str | None
    date: dt.date | None
    summary: str
    author: str | None


def _href(site_url: str | None, feed: str, path: str, anchor: str | None = None) -> str:
    """Absolute under ``site_url``; else relative to the feed's own folder (as Atom resolves it)."""
    if site_url:
        return links.absolute(site_url, path, anchor)
    return "../" * feed.count("/") + (links.url(path, anchor) or "./")


def _moment(date: dt.date | None) -> str:
    return dt.datetime.combine(date or dt.date(1970, 1, 1), dt.time(), tzinfo=dt.UTC).isoformat()


def atom(title: str, subtitle: str, feed: str, page: str, entries: Sequence[Entry], site_url: str | None) -> str:
    """An Atom document: ``feed`` is its own path, ``page`` the page it belongs to (both in the docs folder)."""
    ET.register_namespace("", feeds.ATOM_NS)

    def tag(name: str) -> str:
        return f"{{{feeds.ATOM_NS}}}{name}"

    def text(parent: ET.Element, name: str, value: str) -> None:
        ET.SubElement(parent, tag(name)).text = value

    root = ET.Element(tag("feed"))
    text(root, "title", title)
    text(root, "subtitle", subtitle)
    text(root, "id", links.absolute(site_url, feed) if site_url else f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, feed)}")
    text(root, "updated", _moment(entries[0].date if entries else None))
    ET.SubElement(root, tag("link"), {"rel": "alternate", "href": _href(site_url, feed, page)})
    if site_url:
        ET.SubElement(root, tag("link"), {"rel": "self", "href": links.absolute(site_url, feed)})
    text(ET.SubElement(root, tag("author")), "name", citation.PUBLISHER)
    for item in entries:
        entry = ET.SubElement(root, tag("entry"))
        text(entry, "title", item.title)
        href = _href(site_url, feed, item.path, item.anchor)
        key = f"{item.path}#{item.anchor}" if item.anchor else item.path
        text(entry, "id", href if site_url else f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}")
        text(entry, "updated", _moment(item.date))
        ET.SubElement(entry, tag("link"), {"rel": "alternate", "href": href})
        if item.author:
            text(ET.SubElement(entry, tag("author")), "name", item.author)
        text(entry, "summary", item.summary)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _when(date: dt.date | None) -> str:
    return f"{date:%B} {date.day}, {date.year}" if date else "Undated"


def topic_entries(topic: topics.Topic, speakers: dict[str, str | None]) -> list[Entry]:
    """The topic's mentions, newest first (the topic page's order), at most :data:`LIMIT`."""
    found = []
    for item in topic.mentions[:LIMIT]:
        when = _when(item.date)
        if item.exchange is None:
            kind = "Statement" if item.section.kind is Kind.STATEMENT else "Q&A topic"
            title = f"{when}: {item.section.title}"
            summary = f"{kind}. " + " ".join(p.text for p in item.section.paragraphs if p.text)
        else:
            title = f"{when}: question on {item.section.title}"
            summary = " ".join(p.text for p in item.exchange.question.paragraphs if p.text)
        found.append(Entry(title, item.page, item.anchor, item.date, summary.strip(), speakers.get(item.page)))
    return found


def speaker_entries(pages: Iterable[links.Page]) -> list[Entry]:
    """A speaker's briefings, newest first, at most :data:`LIMIT`."""
    ordered = sorted(pages, key=lambda p: (p.briefing.date or dt.date.min, p.path), reverse=True)[:LIMIT]
    return [Entry(p.briefing.title, p.path, None, p.briefing.date, feeds.summary(p.briefing), p.briefing.speaker)
            for p in ordered]


def files(pages: Sequence[links.Page], index: topics.Index, site_url: str | None = None) -> dict[str, str]:
    """Every topic's and every speaker's feed by its path in the docs folder."""
    outputs = {}
    speakers = {page.path: page.briefing.speaker for page in pages}
    for topic in index.topics:
        path = links.topic_feed_path(topic.slug)
        outputs[path] = atom(f"{topic.name}: Briefings", f"Every agenda item and question on {topic.name}.",
                             path, topic.path, topic_entries(topic, speakers), site_url)
    by_speaker: dict[str, list[links.Page]] = {}
    for page in pages:
        if page.briefing.speaker:
            by_speaker.setdefault(page.briefing.speaker, []).append(page)
    for name, own in sorted(by_speaker.items()):
        path = links.speaker_feed_path(name)
        outputs[path] = atom(f"{name}: Briefings", f"Every briefing given by {name}.", path,
                             links.speaker_path(name), speaker_entries(own), site_url)
    return outputs
