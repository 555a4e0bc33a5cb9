"""The MkDocs plugin ``briefings``: converts the corpus before every build, and watches it under ``serve``.

It calls the same :func:`converter.site.build` as ``briefings build``; problems are logged as MkDocs warnings,
so ``mkdocs build --strict`` fails on a transcript with an error.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from converter import site

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    # The corpus folder, relative to mkdocs.yml.
    corpus = c.Type(str, default="corpus")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def _corpus(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.corpus

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        report = site.build(self._corpus(config), Path(config.docs_dir))
        for problem in sorted(report.problems):
            log.warning(str(problem))
        log.info(
            f"briefings: {len(report.pages)} briefings, {len(report.written)} pages written, "
            f"{len(report.removed)} removed"
        )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._corpus(config)))
        return server
