"""Following subjects in the browser: a topic's feed read by a feed parser, leading to the exact exchange; a
story walked from its first mention to its last."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

import feedparser
import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import build_site
from ..test_stories import story_corpus
from .conftest import VIEWPORT, serve
from .test_reader import expect_in_window


@pytest.fixture(scope="module")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site of tests/test_stories.py's corpus (Syria on three agendas), served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("stories")
    work = folder / "work"
    work.mkdir()
    with serve(build_site(story_corpus(folder), work), "story-site") as url:
        yield url


def test_a_reader_follows_a_story_from_its_first_mention_to_its_last(browser: Browser, story_site: str) -> None:
    context = browser.new_context(viewport=VIEWPORT, base_url=story_site)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("briefings/2021/2021-03-03/#situation-in-syria")
        visited = []
        while True:
            anchor = page.url.rsplit("#", 1)[1]
            visited.append(f"{page.url.removeprefix(story_site).split('#')[0]}#{anchor}")
            expect_in_window(page, page.locator(f"[id='{anchor}']"))
            story = page.locator(f"[id='{anchor}'] ~ p.story", has_text="Story of Syria").first
            later = story.locator("a.story-later")
            if later.count() == 0:
                expect(story).to_contain_text("latest in the archive")
                break
            target = urljoin(page.url, later.get_attribute("href") or "")
            later.click()
            page.wait_for_url(target)
    finally:
        context.close()
    assert visited == [
        "briefings/2021/2021-03-03/#situation-in-syria",
        "briefings/2023/2023-06-09/#developments-in-syria",
        "briefings/2024/2024-07-01/#update-on-the-situation-in-syria",
    ]


def test_a_topic_feed_opens_in_a_feed_parser_and_its_entries_open_the_exact_exchange(page: Page) -> None:
    page.goto("topics/japan/")
    link = page.locator("article a.subject-feed")
    expect(link).to_have_text("Subscribe to this topic (Atom feed)")
    feed_url = urljoin(page.url, link.get_attribute("href") or "")
    response = page.request.get(feed_url)
    assert response.ok and "xml" in response.headers["content-type"]
    feed = feedparser.parse(response.body(), response_headers={**response.headers, "content-location": feed_url})
    assert feed.bozo == 0, feed.bozo_exception
    assert feed.feed.title == "Japan: Briefings"
    entry = next(e for e in feed.entries if "notified Japan of its withdrawal" in e.summary)
    page.goto(entry.link)
    anchor = entry.link.rsplit("#", 1)[1]
    page.wait_for_url(re.compile(f"#{anchor}$"))
    exchange = page.locator(f"#{anchor}")
    expect_in_window(page, exchange)
    expect(exchange.locator("p.question")).to_contain_text("notified Japan of its withdrawal")
