"""The MkDocs plugin ``briefings-search``: indexes every briefing page as MkDocs renders it (converter.search.index).

It collects each briefing page's rendered HTML, writes the index files into the site after the build, and
puts the search box of ``overrides/partials/briefings-search.html`` in place of Material's. Material's own
search plugin stays in ``mkdocs.yml`` only because Material shows a search box only when it is there: this
plugin takes every page out of its index (``search: exclude``), so Material builds no large index and its
scripts load none (they look for a form named ``search``, which the partial does not have).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page as MkDocsPage

from converter.search import index as search_index

log = logging.getLogger("mkdocs.plugins.briefings-search")
PARTIAL = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "briefings-search.html"
# Material includes this template in its header when its search plugin is on.
MATERIAL_PARTIAL = "partials/search.html"


class SearchConfig(Config):
    # The folder of briefing pages in the site, by URL.
    prefix = c.Type(str, default="briefings/")
    # Leave Material's own index alone (it cannot scale to the archive; on for comparisons only).
    material_index = c.Type(bool, default=False)


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.pages: list[search_index.Page] = []

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.pages = []

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Any) -> jinja2.Environment:
        # The partial lives in the repository's overrides/, found here whether or not theme.custom_dir is set.
        partial = PARTIAL.read_text(encoding="utf-8")
        loader = jinja2.DictLoader({MATERIAL_PARTIAL: partial})
        if env.loader is not None:
            env.loader = jinja2.ChoiceLoader([loader, env.loader])
        return env

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Any) -> str:
        if not self.config.material_index:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Any) -> str:
        if page.url.startswith(self.config.prefix):
            self.pages.append(search_index.page_from_html(page.url, page.meta, html))
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        index = search_index.build_index(self.pages)
        search_index.write_index(index, Path(config.site_dir))
        size = sum(len(text.encode("utf-8")) for text in index.files.values())
        log.info(
            f"briefings-search: {index.docs} documents, {index.terms} words, {len(index.files)} files, "
            f"{size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s"
        )
