"""The MkDocs plugin ``briefings-search``: the index of the briefings the ``briefings`` plugin converted.

Before MkDocs reads the pages it assembles the index from the parts the briefings plugin's build made from the
model (converter.search.index), so every page can carry the index's version (the search box's
``data-index-version``, with which search.js asks for ``meta.js``); after the build it writes the index files into
the site. It also puts the search box of ``overrides/partials/briefings-search.html`` in place of Material's.
Material's own search plugin stays in ``mkdocs.yml`` only because Material shows a search box only when it is
there: this plugin takes every page out of its index (``search: exclude``), so Material builds no large index and
its scripts load none (they look for a form named ``search``, which the partial does not have).
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
# The template variable of the index's version (overrides/partials/briefings-search.html).
VERSION = "briefings_search_version"


class SearchConfig(Config):
    # Leave Material's own index alone (it cannot scale to the archive; on for comparisons only).
    material_index = c.Type(bool, default=False)


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.index: search_index.Index | None = None

    def on_files(self, files: Any, *, config: MkDocsConfig) -> Any:
        """Assemble the index from the parts the briefings plugin's build made (converter.build.build), before
        MkDocs reads any page."""
        started = time.perf_counter()
        converted = getattr(config.plugins.get("briefings"), "report", None)
        parts = converted.search_parts if converted is not None else None
        if parts is None:
            log.warning("briefings-search: expected the briefings plugin before it in mkdocs.yml, got none; "
                        "the index is empty")
            parts = []
        self.index = search_index.build_index(parts)
        size = sum(len(text.encode("utf-8")) for text in self.index.files.values())
        indexed = converted.search_indexed if converted is not None else 0
        log.info(
            f"briefings-search: {self.index.docs} documents, {self.index.terms} words, {len(self.index.files)} "
            f"files, {size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s ({indexed:,} of "
            f"{len(parts):,} briefings indexed again, the others' parts from the cache)"
        )
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Any) -> jinja2.Environment:
        # The partial lives in the repository's overrides/, found here whether or not theme.custom_dir is set.
        partial = PARTIAL.read_text(encoding="utf-8")
        loader = jinja2.DictLoader({MATERIAL_PARTIAL: partial})
        if env.loader is not None:
            env.loader = jinja2.ChoiceLoader([loader, env.loader])
        env.globals[VERSION] = self.index.version if self.index is not None else ""
        return env

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Any) -> str:
        if not self.config.material_index:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.index is not None:
            search_index.write_index(self.index, Path(config.site_dir))

