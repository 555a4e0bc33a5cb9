"""Reading the archive in the browser: topic links to the exact Q&A, the cite and link controls, prev/next
across a year boundary, year and speaker pages, the feeds; and screenshots of the main kinds of page."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import Page, expect

from converter.pages import citation

from .test_reader import expect_in_window

PAGE_2025 = "briefings/2025/2025-01-23/"
PAGE_2021 = "briefings/2021/2021-01-28/"
TITLE_2025 = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025"


def test_topic_link_opens_the_exact_exchange(page: Page) -> None:
    page.goto("topics/japan/")
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Japan"))
    expect(page.locator("figure.topic-chart svg rect.bar")).to_have_count(5)  # 2021 to 2025
    link = page.locator("article a", has_text="Question 6")
    link.click()
    page.wait_for_url(re.compile(re.escape(PAGE_2025) + "#q6$"))
    exchange = page.locator("#q6")
    expect_in_window(page, exchange)
    expect(exchange.locator("p.question")).to_contain_text("notified Japan of its withdrawal")
    # The exchange shows its topics, and they lead back to the topic page.
    expect(exchange.locator("p.topics a")).to_have_text(["Japan"])
    exchange.locator("p.topics a").click()
    page.wait_for_url(re.compile(r"topics/japan/$"))


def test_cite_control_gives_the_citation_of_the_exchange(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(PAGE_2025)
    exchange = page.locator("#q6")
    exchange.locator(".item-tools__cite").click()
    panel = page.locator(".item-panel")
    expect(panel).to_have_count(1)
    expected = citation.Citation(
        speaker="Maria Zakharova", briefing=TITLE_2025, date=dt.date(2025, 1, 23), page_id="2025-01-23",
        url=f"{site_url}{PAGE_2025}#q6", item="Japanese centres in Russia", question=6, anchor="q6",
    )
    fields = panel.locator(".item-panel__field")
    expect(fields).to_have_count(2)
    assert fields.nth(0).input_value() == citation.plain(expected)
    assert fields.nth(1).input_value() == citation.bibtex(expected)
    assert citation.bibtex(expected).startswith("@misc{zakharova2025-01-23-q6,\n  author = {Zakharova, Maria},")
    panel.locator(".item-panel__copy").nth(1).click()
    expect(panel.locator(".item-panel__status").nth(1)).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == citation.bibtex(expected)
    page.keyboard.press("Escape")
    expect(panel).to_have_count(0)


def test_cite_control_of_an_agenda_item_and_of_the_whole_briefing(page: Page, site_url: str) -> None:
    page.goto(PAGE_2025)
    heading = page.locator("h2#ukrainian-crisis-update")
    heading.locator(".item-tools__cite").click()
    item = citation.Citation("Maria Zakharova", TITLE_2025, dt.date(2025, 1, 23), "2025-01-23",
                             f"{site_url}{PAGE_2025}#ukrainian-crisis-update", "Ukrainian crisis update",
                             anchor="ukrainian-crisis-update")
    assert page.locator(".item-panel__field").first.input_value() == citation.plain(item)
    assert citation.plain(item).startswith("Zakharova, Maria. “Ukrainian crisis update.” Briefing by")
    page.locator("article h1 .item-tools__cite").click()
    whole = citation.Citation("Maria Zakharova", TITLE_2025, dt.date(2025, 1, 23), "2025-01-23",
                              f"{site_url}{PAGE_2025}")
    expect(page.locator(".item-panel")).to_have_count(1)
    assert page.locator(".item-panel__field").first.input_value() == citation.plain(whole)


def test_link_control_copies_the_permalink(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page.goto(PAGE_2025)
    tools = page.locator("h3#japanese-centres-in-russia .item-tools")
    expect(tools.locator("a")).to_have_attribute("href", "#japanese-centres-in-russia")
    tools.locator(".item-tools__link").click()
    permalink = f"{site_url}{PAGE_2025}#japanese-centres-in-russia"
    expect(page.locator(".item-panel__field")).to_have_value(permalink)
    expect(page.locator(".item-panel__status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == permalink
    assert page.evaluate("location.hash") == "#japanese-centres-in-russia"


def test_every_item_and_exchange_has_link_and_cite_controls(page: Page) -> None:
    page.goto(PAGE_2025)
    expect(page.locator("article .exchange .item-tools")).to_have_count(31)
    expect(page.locator("article :is(h2, h3):is(.statement, .qa) .item-tools")).to_have_count(12 + 25)
    expect(page.locator("article .item-tools__link").first).to_be_visible()


def test_prev_and_next_walk_across_a_year_boundary(page: Page) -> None:
    page.goto(PAGE_2021)
    later = page.locator("a[rel=next]")
    expect(later).to_have_text("Later: January 23, 2025 →")
    later.click()
    page.wait_for_url(re.compile(re.escape(PAGE_2025) + "$"))
    expect(page.locator("article h1")).to_contain_text("January 23, 2025")
    # The navigation has opened this year's section and lists no briefing of another year.
    nav = page.locator("nav.md-nav--primary")
    expect(nav.locator("a.md-nav__link--active")).to_contain_text("January 23, 2025")
    expect(nav.locator(f"a[href*='{PAGE_2021.split('/')[2]}']")).to_have_count(0)
    page.locator("a[rel=prev]").click()
    page.wait_for_url(re.compile(re.escape(PAGE_2021) + "$"))
    expect(page.locator("article h1")).to_contain_text("January 28, 2021")


def test_year_and_speaker_pages_lead_to_the_briefings(page: Page) -> None:
    page.goto("")
    page.locator("article").get_by_role("link", name="2021", exact=True).click()
    page.wait_for_url(re.compile(r"briefings/2021/$"))
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Briefings of 2021"))
    page.locator("article li a", has_text="Maria Zakharova").click()
    page.wait_for_url(re.compile(r"speakers/maria-zakharova/$"))
    expect(page.locator("article li > a")).to_have_text(["January 23, 2025", "January 28, 2021"])
    page.goto(PAGE_2025)
    page.locator(".briefing-meta a", has_text="Maria Zakharova").click()
    page.wait_for_url(re.compile(r"speakers/maria-zakharova/$"))


def test_the_data_is_served(page: Page, site_url: str) -> None:
    """The feeds need the public address: tests/test_clients.py reads them from a build that has one."""
    page.goto("")
    page.locator("article a", has_text="the dataset and its schema").click()
    page.wait_for_url(re.compile(r"data/$"))
    with urlopen(f"{site_url}data/items.csv.gz") as response:
        assert gzip.decompress(response.read()).decode("utf-8").startswith("id,briefing,date,speaker,kind,")


def test_screenshots_of_the_archive(page: Page, tmp_path: Path) -> None:
    folder = Path(os.environ.get("BRIEFINGS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shots = {"home": "", "year": "briefings/2025/", "topic": "topics/japan/", "briefing": PAGE_2025 + "#q6"}
    for name, address in shots.items():
        page.goto(address)
        expect(page.locator("article h1")).to_be_visible()
        path = folder / f"archive-{name}.png"
        page.screenshot(path=path)
        assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 10_000
    page.goto(PAGE_2025)
    page.locator("#q6 .item-tools__cite").click()
    page.locator("#q6").scroll_into_view_if_needed()
    page.screenshot(path=folder / "archive-cite.png")
