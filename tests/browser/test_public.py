"""The site as the Pages workflow builds it (SITE_URL set), and as a reader opens its offline copy: from file://
the console stays clean (Material would fetch sitemap.xml beside each feed link, which file:// refuses)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.browser.conftest import VIEWPORT

PAGES = ["index.html", "briefings/2021/2021-01-28/index.html", "briefings/2017/2017-03-01/index.html"]


@pytest.fixture
def console(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records every console error and failed request; only file:// URLs may load."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(10_000)
    context.route(lambda url: not url.startswith(("file:", "data:", "about:", "blob:")), lambda r: r.abort())
    page = context.new_page()
    logged: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            logged.append(f"{message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: logged.append(f"pageerror: {error}"))
    page.on("requestfailed", lambda request: logged.append(f"requestfailed: {request.url}"))
    try:
        yield page, logged
    finally:
        context.close()


@pytest.mark.parametrize("which", ["public_site", "local_site"])
def test_console_stays_clean_from_file(console: tuple[Page, list[str]], which: str,
                                       request: pytest.FixtureRequest) -> None:
    page, logged = console
    site: Path = request.getfixturevalue(which)
    for address in PAGES:
        page.goto((site / address).as_uri())
        expect(page.locator("article h1")).to_be_visible()
        page.wait_for_load_state("networkidle")
    assert logged == []


def test_console_check_sees_a_refused_request(console: tuple[Page, list[str]], public_site: Path) -> None:
    """The check can fail: a fetch that file:// refuses is logged, as Material's sitemap request was."""
    page, logged = console
    page.goto((public_site / "index.html").as_uri())
    page.evaluate("() => fetch('sitemap.xml').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert logged, "a refused fetch from file:// left no trace"
