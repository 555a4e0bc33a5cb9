"""The MkDocs plugin ``briefings-search``: the index of the briefings the ``briefings`` plugin converted.

Before MkDocs reads the pages it builds the index from the model (converter.search.index), so every page can carry
the index's version (the search box's ``data-index-version``, with which search.js asks for ``meta.js``); after
the build it writes the index files into the site. It also puts the search box of
``overrides/partials/briefings-search.html`` in place of Material's. Material's own search plugin stays in
``mkdocs.yml`` only because Material shows a search box only when it is there: this plugin takes every page
out of its index (``search: exclude``), so Material builds no large index and its scripts load none (they
look for a form named ``search``, which the partial does not have).
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

from converter.build.cache import Cache, cached_map, digest
from converter.search import index as search_index

log = logging.getLogger("mkdocs.plugins.briefings-search")
PARTIAL = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "briefings-search.html"
# Material includes this template in its header when its search plugin is on.
MATERIAL_PARTIAL = "partials/search.html"
# The template variable of the index's version (overrides/partials/briefings-search.html).
VERSION = "briefings_search_version"
# The folder of the index's parts under the briefings plugin's cache.
CACHE = "search"


class SearchConfig(Config):
    # Leave Material's own index alone (it cannot scale to the archive; on for comparisons only).
    material_index = c.Type(bool, default=False)


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        self.index: search_index.Index | None = None

    def on_files(self, files: Any, *, config: MkDocsConfig) -> Any:
        """Build the index from the briefings plugin's models, before MkDocs reads any page (which lets the
        briefings plugin drop the models before the pages' HTML fills the memory)."""
        started = time.perf_counter()
        converted = getattr(config.plugins.get("briefings"), "report", None)
        if converted is None:
            log.warning("briefings-search: expected the briefings plugin in mkdocs.yml, got none; the index is empty")
        pages = converted.pages if converted is not None else []
        root = getattr(config.plugins.get("briefings"), "cache_folder", None)
        cache = Cache(root / CACHE, search_index.Part) if root is not None else None
        keys = converted.page_keys if converted is not None else {}
        parts, computed = cached_map(search_index.part, pages, [digest(CACHE, keys[page.path]) for page in pages],
                                     cache)
        self.index = search_index.build_index(parts)
        size = sum(len(text.encode("utf-8")) for text in self.index.files.values())
        log.info(
            f"briefings-search: {self.index.docs} documents, {self.index.terms} words, {len(self.index.files)} "
            f"files, {size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s ({computed:,} of "
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

