"""Feeds: RSS 2.0 and Atom of the newest briefings, well-formed, deterministic, absolute only with a site_url."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from converter.exports import feeds

from .transcripts import briefing, pages

ATOM = "{http://www.w3.org/2005/Atom}"


def _corpus(count: int = 3) -> list:  # type: ignore[type-arg]
    made = [
        briefing(f"January {day}, 2025", [("NATO <summit> & “plans”", "Text.")], [("Trade", ["What about it?"])],
                 f"{day}.txt")
        for day in range(1, count + 1)
    ]
    made.append(briefing("June 5, 2010", [("Old news", "Text.")], [], "old.txt"))
    return pages(*made)


def test_rss_lists_the_newest_briefings_first_with_relative_links_without_a_site_url() -> None:
    root = ET.fromstring(feeds.rss(_corpus()))
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("channel/item")
    assert [item.findtext("link") for item in items] == [
        "briefings/2025/2025-01-03/", "briefings/2025/2025-01-02/", "briefings/2025/2025-01-01/",
        "briefings/2010/2010-06-05/",
    ]
    first = items[0]
    assert first.findtext("title") == (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 3, 2025"
    )
    assert first.findtext("pubDate") == "Fri, 03 Jan 2025 00:00:00 +0000"
    assert first.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    # Transcript text is escaped by the XML writer and reads back exactly.
    assert "NATO <summit> & “plans”" in first.findtext("description", "")
    assert root.findtext("channel/lastBuildDate") == "Fri, 03 Jan 2025 00:00:00 +0000"


def test_atom_is_valid_shape_with_absolute_urls_under_a_site_url() -> None:
    text = feeds.atom(_corpus(), "https://example.org/briefings/")
    root = ET.fromstring(text)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == "https://example.org/briefings/atom.xml"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/briefings/atom.xml"  # type: ignore[union-attr]
    entries = root.findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}id") == "https://example.org/briefings/briefings/2025/2025-01-03/"
    assert entries[0].find(f"{ATOM}link").get("href") == entries[0].findtext(f"{ATOM}id")  # type: ignore[union-attr]
    assert entries[0].findtext(f"{ATOM}updated") == "2025-01-03T00:00:00+00:00"
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == "Maria Zakharova"
    assert root.findtext(f"{ATOM}updated") == "2025-01-03T00:00:00+00:00"


def test_atom_ids_without_a_site_url_are_stable_urns() -> None:
    one = ET.fromstring(feeds.atom(_corpus()))
    again = ET.fromstring(feeds.atom(_corpus(5)))
    ids = {e.find(f"{ATOM}link").get("href"): e.findtext(f"{ATOM}id") for e in one.findall(f"{ATOM}entry")}  # type: ignore[union-attr]
    ids_again = {e.find(f"{ATOM}link").get("href"): e.findtext(f"{ATOM}id") for e in again.findall(f"{ATOM}entry")}  # type: ignore[union-attr]
    assert all(value.startswith("urn:uuid:") for value in ids.values())
    assert ids["briefings/2025/2025-01-01/"] == ids_again["briefings/2025/2025-01-01/"]
    assert one.find(f"{ATOM}link[@rel='self']") is None


def test_feeds_hold_at_most_the_limit_and_skip_undated_briefings() -> None:
    corpus = _corpus(feeds.LIMIT + 5)
    assert len(ET.fromstring(feeds.rss(corpus)).findall("channel/item")) == feeds.LIMIT
    assert feeds.rss(corpus) == feeds.rss(list(reversed(corpus)))
