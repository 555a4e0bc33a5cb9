"""The injection fixture's page in headless Chromium: no payload runs, no dialog opens, the text reads verbatim.

Every script of tests/fixtures/bad/injection.txt would set ``window.__pwned`` or call ``alert``; its event
handlers wait for a load, an error, a hover or a toggle, so the test hovers over every element too. The
``page`` fixture (conftest.py) also fails on an uncaught JavaScript error and on any request to another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page

from converter.parse.normalize import clean
from tests.browser.conftest import serve
from tests.conftest import build_site
from tests.test_injection import INJECTION, _printed_lines

PAGE = "briefings/2025/2025-01-23/"
# Every payload's marker: one of them in window.__pwned, or in a dialog, is a script of the transcript's run.
MARKERS = ["title", "agenda-script", "agenda-img", "paragraph-script", "anchor", "div", "details", "svg", "outlet"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built from the injection fixture alone, on 127.0.0.1 (replaces the seed site for ``page``)."""
    corpus = tmp_path_factory.mktemp("injection-corpus")
    (corpus / INJECTION.name).write_bytes(INJECTION.read_bytes())
    site = build_site(corpus, tmp_path_factory.mktemp("injection-site"))
    with serve(site, "injection-site") as url:
        yield url


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """The message of every dialog (alert, confirm, prompt) the page opens; each is dismissed."""
    opened: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


def _open(page: Page) -> None:
    page.goto(PAGE)
    page.wait_for_load_state("load")
    page.locator("article h1").wait_for()


def test_no_script_of_the_transcript_runs_on_load(page: Page, dialogs: list[str]) -> None:
    _open(page)
    page.wait_for_timeout(300)  # an <img onerror> fires once its request fails
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


def test_no_handler_of_the_transcript_runs_on_hover_click_or_toggle(page: Page, dialogs: list[str]) -> None:
    _open(page)
    page.evaluate("""() => {
        for (const element of document.querySelectorAll('article *')) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error']) {
                element.dispatchEvent(new Event(type, {bubbles: true}));
            }
        }
    }""")
    for text in ["list grows", "bold", "as planned"]:  # the text of <a>, <b> and <details> payloads
        page.locator("article").get_by_text(text, exact=False).first.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


def test_the_page_links_nowhere_the_transcript_says(page: Page) -> None:
    _open(page)
    hrefs = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
    assert len(hrefs) > 9, "the agenda links to its items"
    assert [h for h in hrefs if not h.startswith(page.evaluate("location.origin") + "/")] == []


def test_the_transcript_reads_verbatim_in_the_rendered_page(page: Page) -> None:
    _open(page)
    shown = clean(page.inner_text("article"))
    missing = [line for line in map(clean, _printed_lines()) if line not in shown]
    assert missing == []


def test_the_browser_tab_and_head_hold_the_title_as_text(page: Page) -> None:
    _open(page)
    assert page.title() == "January 23, 2025: Maria Zakharova - Briefings"
    description = page.get_attribute("meta[name=description]", "content")
    assert description == INJECTION.read_text(encoding="utf-8").splitlines()[2]
    assert page.locator("head script:not([src])").evaluate_all(
        "scripts => scripts.filter(s => s.textContent.includes('__pwned')).length"
    ) == 0


def test_the_home_page_runs_nothing_either(page: Page, dialogs: list[str]) -> None:
    page.goto("")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert Path(PAGE).name in page.inner_html("article")
