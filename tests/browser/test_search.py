"""The site's search (docs/assets/search/search.js) on the seed site, as a reader uses it: over HTTP and from file://."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import VIEWPORT

RESULTS = ".md-search-result__item"
INDEX_FILES = "/assets/search/index/"


def search_for(page: Page, query: str) -> None:
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.fill(query)


def titles(page: Page) -> list[str]:
    return page.locator(f"{RESULTS} h2").all_inner_texts()


def wheres(page: Page) -> list[str]:
    return page.locator(f"{RESULTS} .bs-where").all_inner_texts()


def test_nothing_of_the_index_loads_with_the_page(page: Page) -> None:
    page.goto("")
    page.wait_for_load_state("networkidle")
    requested: list[str] = page.requested  # type: ignore[attr-defined]
    assert not [url for url in requested if INDEX_FILES in url or "search_index" in url]
    search_for(page, "Greenland")
    expect(page.locator(RESULTS).first).to_be_visible()
    loaded = [url for url in requested if INDEX_FILES in url]
    assert any("/meta.js" in url for url in loaded)
    # A few shards, not the index: meta, the word's postings, the results' texts.
    assert len(loaded) <= 8, loaded


@pytest.mark.parametrize(
    ("query", "first_title", "marked"),
    [
        ("Greenland", "Violations of the rights of indigenous people in Greenland by Denmark and the USA", "Greenland"),
        ("Japanese centres", "Japanese centres in Russia", "Japanese"),
        ('"the United States"', None, "the United States"),
        ("Yermekbayev", "Foreign Minister Sergey Lavrov’s meeting with SCO Secretary-General Nurlan Yermekbayev",
         "Yermekbayev"),
        ("mobilis", "France’s plans to mobilise young volunteers", None),  # the word being typed
    ],
    ids=["one-word", "two-words", "phrase-with-stop-word", "rare-word", "prefix"],
)
def test_query_finds_the_section(page: Page, query: str, first_title: str | None, marked: str | None) -> None:
    page.goto("")
    search_for(page, query)
    expect(page.locator(RESULTS).first).to_be_visible()
    if first_title:
        assert first_title in titles(page)[:3], titles(page)
    if marked:
        first = page.locator(RESULTS).first
        expect(first.locator("mark").first).to_have_text(re.compile(re.escape(marked), re.IGNORECASE))


def test_phrase_matches_word_for_word(page: Page) -> None:
    page.goto("")
    search_for(page, '"the United States"')
    expect(page.locator(RESULTS).first).to_be_visible()
    count = int(re.match(r"(\d+) results?", page.locator(".md-search-result__meta").inner_text())[1])
    # The phrase is marked as one, never a word of it alone, in the titles and in the snippets (a result's
    # opening lines) that hold it; the first result holds it in its title. That every result holds the phrase
    # is tests/test_search_js.py's check of search.js against the documents' text.
    results = page.locator(f"{RESULTS} article")
    expect(results).to_have_count(min(count, 10))
    marks = results.evaluate_all("els => els.map(e => [...e.querySelectorAll('mark')].map(m => m.textContent))")
    for text in marks:
        assert all(re.fullmatch(r"the United States", t, flags=re.IGNORECASE) for t in text), text
    assert marks[0] and re.search("the United States", titles(page)[0], flags=re.IGNORECASE), titles(page)
    # The words in another order, or not in a row, are not the phrase.
    search_for(page, '"States the United"')
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching statements or answers")
    search_for(page, "States the United")  # as words they still match
    expect(page.locator(RESULTS).first).to_be_visible()


def test_filters_narrow_and_sort(page: Page) -> None:
    page.goto("")
    search_for(page, "Russia")
    expect(page.locator(RESULTS).first).to_be_visible()
    everything = page.locator(".md-search-result__meta").inner_text()
    page.select_option("select[name=kind]", "statement")
    expect(page.locator(".md-search-result__meta")).not_to_have_text(everything)
    assert all(w.endswith("Statement") for w in wheres(page)), wheres(page)
    page.select_option("select[name=kind]", "qa")
    expect(page.locator(f"{RESULTS} .bs-where").first).to_contain_text("Q&A")
    # Exchanges, and the Q&A topics themselves (every agenda item is a result).
    assert all(re.search(r"Q&A(, question \d+| topic)$", w) for w in wheres(page)), wheres(page)
    page.select_option("select[name=kind]", "")
    page.select_option("select[name=from]", "2025")
    expect(page.locator(f"{RESULTS} .bs-where").first).to_contain_text("2025")
    assert all(", 2025 · " in w for w in wheres(page)), wheres(page)
    page.select_option("select[name=from]", "")
    page.select_option("select[name=to]", "2021")
    expect(page.locator(f"{RESULTS} .bs-where").first).to_contain_text("2021")
    assert all(", 2021 · " in w for w in wheres(page)), wheres(page)
    page.select_option("select[name=to]", "")
    page.select_option("select[name=sort]", "oldest")
    expect(page.locator(f"{RESULTS} .bs-where").first).to_contain_text("January 28, 2021")
    page.select_option("select[name=sort]", "newest")
    expect(page.locator(f"{RESULTS} .bs-where").first).to_contain_text("January 23, 2025")
    page.select_option("select[name=speaker]", "Maria Zakharova")
    expect(page.locator(".md-search-result__meta")).to_have_text(everything)
    # The address holds the search.
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"q": ["Russia"], "speaker": ["Maria Zakharova"], "sort": ["newest"]}, params


def test_address_restores_a_search(page: Page) -> None:
    page.goto("?q=Japanese+centres&kind=qa&from=2025&sort=oldest")
    expect(page.get_by_role("textbox", name="Search")).to_have_value("Japanese centres")
    expect(page.locator("select[name=kind]")).to_have_value("qa")
    expect(page.locator("select[name=from]")).to_have_value("2025")
    expect(page.locator("select[name=sort]")).to_have_value("oldest")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert all("January 23, 2025" in w and "Q&A" in w for w in wheres(page)), wheres(page)
    assert titles(page)[0] == "Japanese centres in Russia"


def test_result_lands_on_the_exchange_with_the_words_marked(page: Page) -> None:
    page.goto("")
    search_for(page, "Japanese centres")
    # The topic's heading is a result too; the exchange is the one naming its question.
    first = page.locator(f"{RESULTS} a", has=page.locator(".bs-where", has_text="question")).first
    expect(first).to_be_visible()
    href = first.get_attribute("href") or ""
    assert re.search(r"/briefings/2025/2025-01-23/\?h=[^#]+#q\d+$", href), href
    first.click()
    anchor = href.rsplit("#", 1)[1]
    page.wait_for_url(re.compile(f"#{anchor}$"))
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    expect(target.locator("mark").first).to_have_text(re.compile("Japanese|centres", re.IGNORECASE))
    # Marking keeps the text as it was.
    expect(target.locator("p.question")).to_contain_text("Question: ")
    # Only the exchange the result names is marked.
    assert page.locator("article mark").count() == target.locator("mark").count()


def test_every_index_file_is_asked_for_with_the_version_of_the_page(page: Page) -> None:
    page.goto("")
    version = page.locator("[data-briefings-search]").get_attribute("data-index-version")
    assert version and re.fullmatch(r"[0-9a-f]{12}", version), version
    search_for(page, '"the United States"')
    expect(page.locator(RESULTS).first).to_be_visible()
    requested: list[str] = page.requested  # type: ignore[attr-defined]
    loaded = [url for url in requested if INDEX_FILES in url]
    assert any(url.endswith(f"/meta.js?v={version}") for url in loaded), loaded
    assert all(url.endswith(f".js?v={version}") for url in loaded), loaded


def test_a_malformed_fragment_leaves_the_search_working(page: Page) -> None:
    # decodeURIComponent throws on '%E0%A4%A'; the page fixture fails the test on any uncaught error.
    page.goto("briefings/2025/2025-01-23/?h=greenland#%E0%A4%A")
    search_for(page, "Greenland")
    expect(page.locator(RESULTS).first).to_be_visible()


def test_keyboard_opens_the_search(page: Page) -> None:
    page.goto("")
    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name="Search")).to_be_focused()
    page.keyboard.type("Greenland")
    expect(page.locator(RESULTS).first).to_be_visible()
    page.keyboard.press("Escape")
    assert "q=" not in page.url


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[Page]:
    """A page that may load file:// URLs only (no server, no network), failing on any script error."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(10_000)
    requested: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route(lambda url: not url.startswith(("file:", "data:", "about:", "blob:")), lambda r: r.abort())
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.requested = requested  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()
    assert [u for u in requested if not u.startswith(("file:", "data:", "about:", "blob:"))] == []
    assert errors == []


def test_search_works_from_file(offline_page: Page, seed_site: Path) -> None:
    page = offline_page
    page.goto((seed_site / "index.html").as_uri())
    search_for(page, "Berezina")
    expect(page.locator(".md-search-result__meta")).to_have_text("1 result")
    assert titles(page) == ["France’s plans to mobilise young volunteers"]
    link = page.locator(f"{RESULTS} a").first
    href = link.get_attribute("href") or ""
    # Folders do not open their index.html from file://: the link names it.
    assert href.startswith("file://") and "/briefings/2025/2025-01-23/index.html?h=berezina#q" in href, href
    link.click()
    page.wait_for_url(re.compile(r"index\.html\?h=berezina#q\d+$"))
    expect(page.locator("article mark")).to_have_text(["Berezina"])
    # A shared search opens from file:// too.
    page.goto((seed_site / "index.html").as_uri() + "?q=Greenland&kind=statement")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert all(w.endswith("Statement") for w in wheres(page))


def test_browser_reads_words_as_the_builder_does(page: Page) -> None:
    from converter.search import index as search_index
    from converter.search import terms

    seeds = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
    lines = [line for path in sorted(seeds.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["Sánchez’s don't Ambassador-at-Large 80th 2025 snake_case Zürich ﬁnance", "ÉTATS-UNIS «quoted»"]
    page.goto("")
    page.wait_for_function("() => window.briefingsSearch")
    browser_words = page.evaluate("lines => lines.map(l => window.briefingsSearch.tokens(l))", lines)
    assert browser_words == [terms.tokens(line) for line in lines]
    numbers = [0, 31, 32, 1023, 1024, 2**29]
    encoded = b"".join(search_index.vlq(n) for n in numbers).decode()
    assert page.evaluate("s => window.briefingsSearch.unvlq(s)", encoded) == numbers
