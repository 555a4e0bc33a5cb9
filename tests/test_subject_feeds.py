"""Feeds of one topic and one speaker: valid Atom that feedparser reads, newest first, links to exact anchors."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser

from converter import build, topics
from converter.exports import subject_feeds

from .conftest import SEEDS


def _built(tmp_path: Path, site_url: str | None = None) -> tuple[build.Report, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    docs = tmp_path / "docs"
    return build.build(corpus, docs, site_url=site_url), docs


def test_every_topic_and_speaker_has_a_feed_linked_from_its_page(tmp_path: Path) -> None:
    report, docs = _built(tmp_path)
    assert report.errors == []
    topic_pages = sorted(p for p in (docs / "topics").glob("*.md") if p.name != "index.md")
    assert len(topic_pages) > 10
    for page in topic_pages:
        assert (docs / "topics" / f"{page.stem}.xml").is_file()
        assert f"[Subscribe to this topic (Atom feed)]({page.stem}.xml)" in page.read_text(encoding="utf-8")
    speaker = (docs / "speakers" / "maria-zakharova.md").read_text(encoding="utf-8")
    assert "[Subscribe to their briefings (Atom feed)](maria-zakharova.xml)" in speaker
    assert (docs / "speakers" / "maria-zakharova.xml").is_file()


def _parse(path: Path, url: str) -> feedparser.FeedParserDict:
    """The feed as a reader fetching it from ``url`` gets it."""
    feed = feedparser.parse(path.read_bytes(),
                            response_headers={"content-location": url, "content-type": "application/atom+xml"})
    assert feed.bozo == 0, feed.bozo_exception
    return feed


def test_a_topic_feed_lists_every_mention_newest_first_with_its_anchor(tmp_path: Path) -> None:
    report, docs = _built(tmp_path)
    feed = _parse(docs / "topics" / "ukraine.xml", "https://example.org/topics/ukraine.xml")
    assert feed.feed.title == "Ukraine: Briefings"
    topic = next(t for t in topics.build(report.pages).topics if t.slug == "ukraine")
    assert [entry.link for entry in feed.entries] == [
        f"https://example.org/{page}/#{anchor}" for page, anchor in
        ((m.page.removesuffix(".md"), m.anchor) for m in topic.mentions)
    ]
    assert feed.entries[0].link.startswith("https://example.org/briefings/2025/2025-01-23/#")
    assert feed.entries[-1].link.startswith("https://example.org/briefings/2021/2021-01-28/#")
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    japan = _parse(docs / "topics" / "japan.xml", "https://example.org/topics/japan.xml")
    q6 = next(e for e in japan.entries if e.link == "https://example.org/briefings/2025/2025-01-23/#q6")
    assert q6.title.startswith("January 23, 2025: question on ")
    assert "notified Japan of its withdrawal" in q6.summary
    assert q6.author == "Maria Zakharova"


def test_with_a_site_url_feeds_are_absolute_and_link_themselves(tmp_path: Path) -> None:
    _report, docs = _built(tmp_path, site_url="https://example.org/archive/")
    feed = feedparser.parse((docs / "speakers" / "maria-zakharova.xml").read_bytes(),
                            response_headers={"content-type": "application/atom+xml"})
    assert feed.bozo == 0, feed.bozo_exception
    rels = {link.rel: link.href for link in feed.feed.links}
    assert rels == {"alternate": "https://example.org/archive/speakers/maria-zakharova/",
                    "self": "https://example.org/archive/speakers/maria-zakharova.xml"}
    assert [entry.link for entry in feed.entries] == [
        "https://example.org/archive/briefings/2025/2025-01-23/",
        "https://example.org/archive/briefings/2021/2021-01-28/",
    ]
    assert feed.entries[0].id == feed.entries[0].link


def test_feeds_of_topics_that_are_gone_are_removed(tmp_path: Path) -> None:
    _report, docs = _built(tmp_path)
    stale = docs / "topics" / "atlantis.xml"
    stale.write_text("<feed/>", encoding="utf-8")
    build.build(tmp_path / "corpus", docs)
    assert not stale.exists() and (docs / "topics" / "japan.xml").is_file()


def test_a_feed_keeps_to_its_limit(tmp_path: Path) -> None:
    report, _docs = _built(tmp_path)
    topic = max(topics.build(report.pages).topics, key=lambda t: len(t.mentions))
    assert len(subject_feeds.topic_entries(topic, {})) == min(len(topic.mentions), subject_feeds.LIMIT)
