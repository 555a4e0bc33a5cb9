"""The MkDocs plugin ``briefings``: converts the corpus before every build, and watches it under ``serve``.

It calls the same :func:`converter.site.build` as ``briefings build``. Each problem is logged as one line
``path:line: severity: message``: errors at MkDocs' ERROR level, so that ``mkdocs build --strict`` (``make
site``) fails on a transcript that could not be converted, warnings at INFO level, listed but not failing the
build. ``mkdocs serve`` goes on serving, and converts again when the corpus changes.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
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
        try:
            report = site.build(self._corpus(config), Path(config.docs_dir), site_url=config.site_url or None)
        except OSError as error:
            # MkDocs prints a PluginError as one line and exits 1, without a traceback.
            raise PluginError(
                f"briefings: {error.filename or config.docs_dir}: expected to read or write it, got "
                f"{error.strerror or error}"
            ) from None
        except Exception as error:
            log.debug(traceback.format_exc())  # `mkdocs build --verbose` shows where
            raise PluginError(f"briefings: internal error: {type(error).__name__}: {error}") from None
        for problem in sorted(report.problems):
            if problem.severity == site.ERROR:
                log.error(str(problem))
            else:
                log.info(str(problem))
        errors, warnings = len(report.errors), len(report.warnings)
        log.info(
            f"briefings: {len(report.pages)} briefings, {len(report.written)} pages written, "
            f"{len(report.removed)} removed; {errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}"
        )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._corpus(config)))
        return server
