"""The MkDocs plugin ``briefings``: converts the corpus before every build, and watches it under ``serve``.

It calls the same :func:`converter.build.build` as ``briefings build``. Each problem is logged as one line
``path:line: severity: message``: errors at MkDocs' ERROR level, so that ``mkdocs build --strict`` (``make
site``) fails on a transcript that could not be converted, warnings at INFO level, listed but not failing the
build. ``mkdocs serve`` goes on serving, and converts again when the corpus changes.
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from converter import build, links
from converter.build import verify
from converter.build.progress import Progress
from converter.pages.markdown import plural

log = logging.getLogger("mkdocs.plugins.briefings")
# The root element Material writes with the theme's language: '<html lang="en" class="no-js">'.
_RE_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# A language code as a transcript's front matter gives it ('es'); anything else is left alone.
_RE_LANGUAGE = re.compile(r"[a-z]{2,3}")


class BriefingsConfig(Config):
    # The corpus folder, relative to mkdocs.yml.
    corpus = c.Type(str, default="corpus")
    # The ledger of published ids, relative to mkdocs.yml (converter/ledger.py). Where the file does not exist
    # (a test site in a temporary folder, a new archive) every id is the parser's and nothing is checked;
    # an empty value turns the ledger off.
    ledger = c.Type(str, default="anchors.lock")
    # The conversion cache, relative to mkdocs.yml (converter/build/cache.py): a transcript is converted again
    # only when it, its source file or the converter changed. An empty value converts everything every time.
    cache = c.Type(str, default=".cache/briefings")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self._report: build.Report | None = None
        self._pages: dict[str, links.Page] = {}
        self._redirects: set[str] = set()

    @property
    def report(self) -> build.Report | None:
        """The last conversion's report: its pages (the model) are what the briefings-search plugin indexes."""
        return self._report

    def _corpus(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.corpus

    def _ledger(self, config: MkDocsConfig) -> Path | None:
        return Path(config.config_file_path).parent / self.config.ledger if self.config.ledger else None

    def _cache(self, config: MkDocsConfig) -> Path | None:
        return Path(config.config_file_path).parent / self.config.cache if self.config.cache else None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        ledger_path = self._ledger(config)
        if ledger_path is not None and not ledger_path.exists():
            log.info(f"briefings: no ledger at {ledger_path}: ids are the parser's and none is checked "
                     "(`briefings ledger CORPUS` makes one)")
        try:
            # The pages are checked against their transcripts in on_page_content, on the HTML MkDocs renders.
            with Progress(log.info) as progress:
                report = build.build(
                    self._corpus(config), Path(config.docs_dir), site_url=config.site_url or None,
                    cache=self._cache(config), check_pages=False, progress=progress, ledger_path=ledger_path,
                )
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
            if problem.severity == build.ERROR:
                log.error(str(problem))
            else:
                log.info(str(problem))
        self._redirects = {r.path for r in report.resolution.redirects} if report.resolution else set()
        self._report = report
        self._pages = {page.path: page for page in report.pages}
        log.info(
            f"briefings: {plural(len(report.pages), 'briefing')} ({report.converted:,} converted, "
            f"{report.reused:,} from the cache), {plural(len(report.written), 'page')} written, "
            f"{len(report.removed):,} removed; {plural(len(report.errors), 'error')}, "
            f"{plural(len(report.warnings), 'warning')}"
        )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Check a briefing page as MkDocs rendered it: every line of its transcript is there, in order."""
        transcript = self._report.sources.get(page.file.src_uri) if self._report else None
        if transcript is not None:
            lost = verify.lost_words_html(transcript.text, self._pages[page.file.src_uri].briefing, html)
            if lost:
                log.error(str(build.lost_problem(transcript, lost)))
        return html

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Pages left where a briefing page moved are reached by old links only, never from the navigation."""
        for file in files:
            if file.src_uri in self._redirects:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        """A page in another language than the site's (a Spanish briefing) says so on its root element."""
        return with_language(output, (page.meta or {}).get("language"))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._corpus(config)))
        return server


def with_language(html: str, language: object) -> str:
    """``html`` with ``<html lang="…">`` set to ``language`` when that is a language code."""
    if not isinstance(language, str) or not _RE_LANGUAGE.fullmatch(language):
        return html
    return _RE_HTML_LANG.sub(f'<html lang="{language}"', html, count=1)
