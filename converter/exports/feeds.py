"""Feeds: RSS 2.0 and Atom documents of the newest briefings, built with the standard library's ElementTree.

Links are absolute under the site's ``site_url``; a site without one gets links relative to the feed, which
sits at the site's root (Atom resolves them against the feed's own URL; RSS readers mostly do too).
Nothing depends on the clock: a feed's date is its newest briefing's, so the same corpus gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from converter import links
from converter.model import Briefing, Kind
from converter.pages import citation

LIMIT = 20
TITLE = "Briefings"
DESCRIPTION = "The newest briefings of the Russian Foreign Ministry spokesperson, with their agendas."
ATOM_NS = "http://www.w3.org/2005/Atom"
# Atom ids must be absolute IRIs: without a site_url, a name-based UUID of the briefing's id stays stable.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "briefings:")


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


def _entry_id(page: links.Page, site_url: str | None) -> str:
    return links.absolute(site_url, page.path) if site_url else f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, page.path)}"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _serialise(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def rss(pages: Sequence[links.Page], site_url: str | None = None) -> str:
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", TITLE)
    _text(channel, "link", links.absolute(site_url, links.HOME) or "./")
    _text(channel, "description", DESCRIPTION)
    _text(channel, "language", "en")
    entries = newest(pages)
    if entries:
        _text(channel, "lastBuildDate", email.utils.format_datetime(_moment(entries[0].briefing.date)))
    for page in entries:
        briefing = page.briefing
        item = ET.SubElement(channel, "item")
        _text(item, "title", briefing.title)
        _text(item, "link", links.absolute(site_url, page.path))
        _text(item, "guid", _entry_id(page, site_url), isPermaLink="true" if site_url else "false")
        _text(item, "pubDate", email.utils.format_datetime(_moment(briefing.date)))
        _text(item, "description", summary(briefing))
    return _serialise(root)


def atom(pages: Sequence[links.Page], site_url: str | None = None) -> str:
    ET.register_namespace("", ATOM_NS)

    def tag(name: str) -> str:
        return f"{{{ATOM_NS}}}{name}"

    root = ET.Element(tag("feed"))
    _text(root, tag("title"), TITLE)
    _text(root, tag("subtitle"), DESCRIPTION)
    feed_id = links.absolute(site_url, links.ATOM_FEED) if site_url else f"urn:uuid:{_ID_NAMESPACE}"
    _text(root, tag("id"), feed_id)
    entries = newest(pages)
    _text(root, tag("updated"), _moment(entries[0].briefing.date if entries else None).isoformat())
    ET.SubElement(root, tag("link"), {"rel": "alternate", "href": links.absolute(site_url, links.HOME) or "./"})
    if site_url:
        ET.SubElement(root, tag("link"), {"rel": "self", "href": links.absolute(site_url, links.ATOM_FEED)})
    author = ET.SubElement(root, tag("author"))
    _text(author, tag("name"), citation.PUBLISHER)
    for page in entries:
        briefing = page.briefing
        entry = ET.SubElement(root, tag("entry"))
        _text(entry, tag("title"), briefing.title)
        _text(entry, tag("id"), _entry_id(page, site_url))
        _text(entry, tag("updated"), _moment(briefing.date).isoformat())
        ET.SubElement(entry, tag("link"), {"rel": "alternate", "href": links.absolute(site_url, page.path)})
        if briefing.speaker:
            _text(ET.SubElement(entry, tag("author")), tag("name"), briefing.speaker)
        _text(entry, tag("summary"), summary(briefing))
    return _serialise(root)


def files(pages: Sequence[links.Page], site_url: str | None = None) -> dict[str, str]:
    """Both feeds by their path in the docs folder."""
    return {links.RSS_FEED: rss(pages, site_url), links.ATOM_FEED: atom(pages, site_url)}
