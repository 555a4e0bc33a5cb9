"""Feeds: RSS 2.0 and Atom documents of the newest briefings, built with the standard library's ElementTree.

A feed is for subscribing to a published address: every URL in it is absolute under the site's public address
(``site_url``, ``SITE_URL``), and a build without one writes no feed (an RSS channel cannot be valid with
relative links). A :class:`Feed` names the documents and what they list, so a topic's or a speaker's feed is
one more ``Feed`` over its own briefings. Nothing depends on the clock: a feed's date is its newest briefing's,
so the same corpus gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from converter import links
from converter.model import Briefing, Kind
from converter.pages import citation

LIMIT = 20
TITLE = "Briefings"
DESCRIPTION = "The newest briefings of the Russian Foreign Ministry spokesperson, with their agendas."
ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Feed:
    """One feed in both formats: where its documents go (docs-relative paths), its title and what it lists."""

    rss_path: str
    atom_path: str
    title: str
    description: str
    # The page the feed stands for (its RSS channel link and Atom alternate link).
    home: str = links.HOME


SITE = Feed(links.RSS_FEED, links.ATOM_FEED, TITLE, DESCRIPTION)


def newest(pages: Sequence[links.Page], limit: int = LIMIT) -> list[links.Page]:
    """The newest dated briefings, newest first (two the same day: the later page first)."""
    dated = [page for page in pages if page.briefing.date]
    return sorted(dated, key=lambda p: (p.briefing.date, p.path), reverse=True)[:limit]


def _moment(date: dt.date | None) -> dt.datetime:
    return dt.datetime.combine(date or dt.date(1970, 1, 1), dt.time(), tzinfo=dt.UTC)


def summary(briefing: Briefing) -> str:
    """The agenda in one paragraph: 'Opening statement: A; B. Answers to media questions: C; D.'"""
    statements = [s.title for s in briefing.sections if s.kind is Kind.STATEMENT]
    topics = [s.title for s in briefing.sections if s.kind is Kind.QA]
    parts = []
    if statements:
        parts.append("Opening statement: " + "; ".join(statements) + ".")
    if topics:
        parts.append("Answers to media questions: " + "; ".join(topics) + ".")
    return " ".join(parts)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _serialise(root: ET.Element) -> str:
    # The prefix of Atom elements inside RSS. ElementTree's prefix table is global: it is always this one, and
    # the Atom feed declares its namespace as the default itself (an xmlns attribute on unprefixed elements).
    ET.register_namespace("atom", ATOM_NS)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def rss(pages: Sequence[links.Page], site_url: str, feed: Feed = SITE) -> str:
    """RSS 2.0, with the RSS Advisory Board's ``atom:link rel="self"`` (feed validators ask for it)."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", links.absolute(site_url, feed.home))
    _text(channel, "description", feed.description)
    _text(channel, "language", "en")
    ET.SubElement(channel, f"{{{ATOM_NS}}}link", {
        "href": links.absolute(site_url, feed.rss_path), "rel": "self", "type": "application/rss+xml",
    })
    entries = newest(pages)
    if entries:
        _text(channel, "lastBuildDate", email.utils.format_datetime(_moment(entries[0].briefing.date)))
    for page in entries:
        briefing = page.briefing
        address = links.absolute(site_url, page.path)
        item = ET.SubElement(channel, "item")
        _text(item, "title", briefing.title)
        _text(item, "link", address)
        _text(item, "guid", address, isPermaLink="true")
        _text(item, "pubDate", email.utils.format_datetime(_moment(briefing.date)))
        _text(item, "description", summary(briefing))
    return _serialise(root)


def atom(pages: Sequence[links.Page], site_url: str, feed: Feed = SITE) -> str:
    def tag(name: str) -> str:
        return name  # in the default namespace the root declares

    root = ET.Element("feed", {"xmlns": ATOM_NS})
    _text(root, tag("title"), feed.title)
    _text(root, tag("subtitle"), feed.description)
    _text(root, tag("id"), links.absolute(site_url, feed.atom_path))
    entries = newest(pages)
    _text(root, tag("updated"), _moment(entries[0].briefing.date if entries else None).isoformat())
    ET.SubElement(root, tag("link"), {"rel": "alternate", "href": links.absolute(site_url, feed.home)})
    ET.SubElement(root, tag("link"), {"rel": "self", "href": links.absolute(site_url, feed.atom_path)})
    author = ET.SubElement(root, tag("author"))
    _text(author, tag("name"), citation.PUBLISHER)
    for page in entries:
        briefing = page.briefing
        address = links.absolute(site_url, page.path)
        entry = ET.SubElement(root, tag("entry"))
        _text(entry, tag("title"), briefing.title)
        _text(entry, tag("id"), address)
        _text(entry, tag("updated"), _moment(briefing.date).isoformat())
        ET.SubElement(entry, tag("link"), {"rel": "alternate", "href": address})
        if briefing.speaker:
            _text(ET.SubElement(entry, tag("author")), tag("name"), briefing.speaker)
        _text(entry, tag("summary"), summary(briefing))
    return _serialise(root)


def files(pages: Sequence[links.Page], site_url: str | None = None, feed: Feed = SITE) -> dict[str, str]:
    """The feed in both formats by their path in the docs folder; none without a public address."""
    if not site_url:
        return {}
    return {feed.rss_path: rss(pages, site_url, feed), feed.atom_path: atom(pages, site_url, feed)}
