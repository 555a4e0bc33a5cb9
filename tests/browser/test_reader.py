"""Drive the seed site the way a reader would: home page, agenda and question links, search, screenshots."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_2025 = SEEDS / "000_2020ac7f1ecb7824.txt"
PAGE_2025 = "briefings/2025/2025-01-23/"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# "Berezina" occurs once in the seeds, in a later paragraph of Maria Zakharova's answer on
# France's plans to mobilise young volunteers (2025); that Q&A topic has no heading in the transcript.
SEARCH_WORD = "Berezina"
SEARCH_ANCHOR = "frances-plans-to-mobilise-young-volunteers"


def goto_briefing(page: Page, hash_: str = "") -> None:
    page.goto(PAGE_2025 + hash_)
    expect(page.locator("article h1")).to_contain_text("January 23, 2025")


def expect_in_window(page: Page, element: Locator) -> None:
    """``element`` is visible with its top edge inside the window, below Material's sticky header."""
    expect(element).to_be_visible()
    expect(element).to_be_in_viewport()
    # A jump to an anchor may still be scrolling: wait (bounded) until the top edge is in the window.
    page.wait_for_function(
        """el => {
            const top = el.getBoundingClientRect().top;
            return top >= 0 && top < window.innerHeight;
        }""",
        arg=element.element_handle(),
        polling="raf",
    )
    box = element.bounding_box()
    assert box is not None
    height = page.evaluate("window.innerHeight")
    header = page.locator("header.md-header").bounding_box()
    assert header is not None
    assert header["y"] + header["height"] <= box["y"] < height, (box, header, height)


def test_home_lists_briefings_newest_first(page: Page) -> None:
    page.goto("")
    expect(page).to_have_title(re.compile("Briefings"))
    listed = page.locator("article li a[href*='briefings/']")
    expect(listed).to_have_text(["January 23, 2025", "January 28, 2021"])
    listed.filter(has_text="January 23, 2025").click()
    page.wait_for_url(re.compile(re.escape(PAGE_2025) + "$"))
    expect(page.locator("article h1")).to_have_text(
        re.compile(r"^Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025")
    )


@pytest.mark.parametrize(
    ("title", "anchor", "level"),
    [
        ("Ukrainian crisis update", "ukrainian-crisis-update", "h2"),
        ("Japanese centres in Russia", "japanese-centres-in-russia", "h3"),
    ],
    ids=["statement", "qa-topic"],
)
def test_agenda_link_jumps_to_supplied_heading(page: Page, title: str, anchor: str, level: str) -> None:
    # Neither item has a heading in the transcript: the converter supplied one from the agenda.
    assert f"\n{title}\n" not in SEED_2025.read_text(encoding="utf-8")
    goto_briefing(page)
    link = page.locator(f"article ol a[href='#{anchor}']")
    expect(link).to_have_text(title)
    link.click()
    page.wait_for_url(re.compile(f"#{re.escape(anchor)}$"))
    assert page.evaluate("location.hash") == f"#{anchor}"
    heading = page.locator(f"article {level}#{anchor}")
    expect(heading).to_have_class(re.compile(r"\bsupplied\b"))
    expect(heading).to_contain_text(title)
    expect_in_window(page, heading)


def test_question_permalink_shows_the_question(page: Page) -> None:
    goto_briefing(page, "#q6")
    exchange = page.locator("#q6")
    expect(exchange).to_have_class(re.compile(r"\bexchange\b"))
    expect_in_window(page, exchange)
    question = exchange.locator("p.question")
    assert question.inner_text().startswith("Question:")
    expect(question).to_contain_text("notified Japan of its withdrawal from intergovernmental memorandums")
    # The whole question (three paragraphs) and its answer belong to the linked exchange.
    expect(exchange.locator("p.question-more")).to_have_count(2)
    expect(exchange.locator("p.answer strong")).to_have_text("Maria Zakharova:")


def test_search_finds_the_section_of_an_answer(page: Page) -> None:
    seeds = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    assert len(re.findall(rf"\b{SEARCH_WORD}", seeds, flags=re.IGNORECASE)) == 1
    page.goto("")
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.press_sequentially(SEARCH_WORD.lower(), delay=20)
    # The site's search (docs/assets/search/search.js): one result per agenda item or exchange.
    expect(page.locator(".md-search-result__meta")).to_have_text("1 result")
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    expect(first.locator("h2")).to_have_text("France’s plans to mobilise young volunteers")
    expect(first.locator(".bs-where")).to_contain_text("January 23, 2025")
    # The word stands past the excerpt a result shows (docs/dev/performance.md): the snippet opens the exchange.
    expect(first.locator(".bs-where")).to_contain_text("Q&A, question")
    first.click()
    # The result is the exchange holding the word, under that Q&A topic; ?h=<words> marks them there.
    page.wait_for_url(re.compile(re.escape(PAGE_2025) + r"\?h=[^#]*#q\d+$"))
    anchor = page.evaluate("location.hash").removeprefix("#")
    expect(page.locator("article h1")).to_contain_text("January 23, 2025")
    exchange = page.locator(f"article #{anchor}")
    expect_in_window(page, exchange)
    topic = exchange.evaluate(
        "el => { let e = el; while ((e = e.previousElementSibling) && e.tagName !== 'H3'); return e && e.id; }"
    )
    assert topic == SEARCH_ANCHOR
    expect(page.locator("article mark", has_text=re.compile(SEARCH_WORD, re.IGNORECASE))).to_have_count(1)
    expect(exchange.locator("mark")).to_have_text(SEARCH_WORD)


def test_transcript_text_is_literal(page: Page) -> None:
    goto_briefing(page)
    expect(page.locator("article script")).to_have_count(0)
    # The document's scripts are Material's (inline bootstrap code, its JSON config and its bundle) and the
    # site's search (overrides/partials/briefings-search.html).
    sources = page.locator("script[src]").evaluate_all("els => els.map(el => el.src)")
    assert sources, "Material's bundle is missing"
    for source in sources:
        assert re.search(r"/assets/(javascripts/bundle\.[0-9a-f]+\.min|search/search|briefings)\.js$", source), source
    lines = SEED_2025.read_text(encoding="utf-8").splitlines()
    # Typographic quotes, apostrophes and the square brackets of "this [Ukrainian] conflict", verbatim.
    for start in ("Maria Zakharova: The Vatican’s and Pope", "You are asking about President Macron’s"):
        (line,) = (line for line in lines if line.startswith(start))
        assert "“" in line and "’" in line
        paragraph = page.locator("article p").filter(has_text=start)
        expect(paragraph).to_have_count(1)
        assert paragraph.inner_text() == line


def test_screenshots(page: Page, tmp_path: Path) -> None:
    folder = Path(os.environ.get("BRIEFINGS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    goto_briefing(page)
    full = folder / "2025-01-23-full.png"
    top = folder / "2025-01-23-top.png"
    # A full page of a long briefing takes Chromium seconds to paint on a busy machine: more than the default 10 s.
    page.screenshot(path=full, full_page=True, timeout=60_000)
    page.screenshot(path=top, timeout=60_000)
    for shot in (full, top):
        data = shot.read_bytes()
        assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000, (shot, len(data))
