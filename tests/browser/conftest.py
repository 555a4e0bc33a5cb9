"""Fixtures for the browser tests: the seed site over HTTP, headless Chromium, and a guarded page.

Every test under tests/browser is marked ``browser`` (``-m "not browser"`` leaves them out).
The browser is Debian's Chromium (or ``$BRIEFINGS_CHROMIUM``): Playwright cannot download its own here.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
# URLs with no host that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark every test in this folder ``browser``."""
    if HERE in Path(item.path).resolve().parents:
        item.add_marker(pytest.mark.browser)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == HOST


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder without printing a line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path, name: str, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """``directory`` served on 127.0.0.1 on a free port while the block runs; the base URL ends with ``/``."""
    server = ThreadingHTTPServer((HOST, 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site_url(seed_site: Path) -> Iterator[str]:
    """``seed_site`` served on 127.0.0.1 on a free port; the base URL ends with ``/``."""
    with serve(seed_site, "seed-site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the whole session; fails under CI and skips elsewhere when it is missing."""
    executable = os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium")
    if not (Path(executable).is_file() and os.access(executable, os.X_OK)):
        reason = f"no Chromium at {executable} (set BRIEFINGS_CHROMIUM to a Chromium or Chrome executable)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A fresh 1280x900 page whose relative URLs resolve against the seed site.

    Every request URL is recorded in ``page.requested``; a request to any host other than
    127.0.0.1 is aborted and fails the test, and so does an uncaught JavaScript error.
    """
    context = browser.new_context(viewport=VIEWPORT, base_url=site_url)
    # Bounds every wait so that a broken page fails in seconds, not in Playwright's default 30 s.
    context.set_default_timeout(10_000)
    requested: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.requested = requested  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()
    foreign = sorted({url for url in requested if not is_local(url)})
    if foreign:
        pytest.fail(f"the site loaded {len(foreign)} URL(s) from another host: {foreign}")
    if errors:
        pytest.fail(f"uncaught JavaScript errors: {errors}")
