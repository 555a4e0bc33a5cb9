"""Feeds: RSS 2.0 and Atom of the newest briefings, well-formed, deterministic, absolute; none without a site_url."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from converter.exports import feeds

from .transcripts import briefing, pages

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.org/briefings/"


def _corpus(count: int = 3) -> list:  # type: ignore[type-arg]
    made = [
        briefing(f"January {day}, 2025", [("NATO <summit> & “plans”", "Text.")], [("Trade", ["What about it?"])],
                 f"{day}.txt")
        for day in range(1, count + 1)
    ]
    made.append(briefing("June 5, 2010", [("Old news", "Text.")], [], "old.txt"))
    return pages(*made)


def test_rss_lists_the_newest_briefings_first_with_absolute_links() -> None:
    root = ET.fromstring(feeds.rss(_corpus(), SITE))
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.findtext("channel/link") == SITE
    assert root.find(f"channel/{ATOM}link[@rel='self']").get("href") == SITE + "feed.xml"  # type: ignore[union-attr]
    items = root.findall("channel/item")
    assert [item.findtext("link") for item in items] == [
        SITE + "briefings/2025/2025-01-03/", SITE + "briefings/2025/2025-01-02/", SITE + "briefings/2025/2025-01-01/",
        SITE + "briefings/2010/2010-06-05/",
    ]
    first = items[0]
    assert first.findtext("title") == (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 3, 2025"
    )
    assert first.findtext("pubDate") == "Fri, 03 Jan 2025 00:00:00 +0000"
    assert first.find("guid").get("isPermaLink") == "true"  # type: ignore[union-attr]
    assert first.findtext("guid") == first.findtext("link")
    # Transcript text is escaped by the XML writer and reads back exactly.
    assert "NATO <summit> & “plans”" in first.findtext("description", "")
    assert root.findtext("channel/lastBuildDate") == "Fri, 03 Jan 2025 00:00:00 +0000"


def test_no_feeds_without_a_public_address() -> None:
    """An RSS channel with relative links is invalid, and a feed on a disk cannot be subscribed to."""
    assert feeds.files(_corpus(), None) == {}
    assert set(feeds.files(_corpus(), SITE)) == {"feed.xml", "atom.xml"}


def test_a_feed_of_other_briefings_names_its_own_documents() -> None:
    """Another feed (a topic's, a speaker's) is one more Feed: its own paths, title and page."""
    topic = feeds.Feed("topics/nato/feed.xml", "topics/nato/atom.xml", "NATO", "Briefings on NATO.", "topics/nato.md")
    made = feeds.files(_corpus(2), SITE, topic)
    assert set(made) == {"topics/nato/feed.xml", "topics/nato/atom.xml"}
    atom = ET.fromstring(made["topics/nato/atom.xml"])
    assert atom.findtext(f"{ATOM}title") == "NATO"
    assert atom.find(f"{ATOM}link[@rel='alternate']").get("href") == SITE + "topics/nato/"  # type: ignore[union-attr]
    assert atom.findtext(f"{ATOM}id") == SITE + "topics/nato/atom.xml"


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


def test_feeds_hold_at_most_the_limit_and_skip_undated_briefings() -> None:
    corpus = _corpus(feeds.LIMIT + 5)
    assert len(ET.fromstring(feeds.rss(corpus, SITE)).findall("channel/item")) == feeds.LIMIT
    assert feeds.rss(corpus, SITE) == feeds.rss(list(reversed(corpus)), SITE)
