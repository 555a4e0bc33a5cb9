"""The MkDocs plugin ``briefings``: converts the corpus before every build, and watches it under ``serve``.

It calls the same :func:`converter.build.build` as ``briefings build``. Each problem is logged as one line
``path:line: severity: message``: errors at MkDocs' ERROR level, so that ``mkdocs build --strict`` (``make
site``) fails on a transcript that could not be converted, warnings at INFO level, listed but not failing the
build. ``mkdocs serve`` goes on serving, and converts again when the corpus changes.
"""

from __future__ import annotations

import functools
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
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from converter import build
from converter.build import verify
from converter.build.cache import Cache
from converter.build.progress import Progress
from converter.pages.markdown import plural
from converter.rendered import CHECKED, Check, PageCache, render_in_workers, run_check

log = logging.getLogger("mkdocs.plugins.briefings")
# The root element Material writes with the theme's language: '<html lang="en" class="no-js">'.
_RE_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# A language code as a transcript's front matter gives it ('es'); anything else is left alone.
_RE_LANGUAGE = re.compile(r"[a-z]{2,3}")
# Elements whose whitespace is their content: their text is left as it is.
_RE_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
# The end of a line and the blank lines and indentation after it: '\n      \n    <li>'.
_RE_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
# The folder of the pages as MkDocs rendered them, under the build cache.
HTML = "html"


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
        # What the nothing-lost check of each briefing page needs, by page path, until the page is checked.
        self._checks: dict[str, Check] = {}
        self._redirects: set[str] = set()
        self._cache_folder: Path | None = None
        self._rendered: PageCache | None = None
        self._checked: Cache[bool] | None = None
        # Pages of this build, and how many MkDocs read and rendered (fewer after a `--dirty` build).
        self._documents = 0
        self._populated = 0

    @property
    def report(self) -> build.Report | None:
        """The last conversion's report: its pages (the model) are what the briefings-search plugin indexes
        (in ``on_files``). The plugin lets go of it once the navigation is made, before MkDocs reads the pages:
        at 1,000 briefings the models would otherwise stay in memory with every page's HTML."""
        return self._report

    @property
    def cache_folder(self) -> Path | None:
        """The build cache's root (converter/build/cache.py), where the other plugins keep theirs too."""
        return self._cache_folder

    def _corpus(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.corpus

    def _ledger(self, config: MkDocsConfig) -> Path | None:
        return Path(config.config_file_path).parent / self.config.ledger if self.config.ledger else None

    def _cache(self, config: MkDocsConfig) -> Path | None:
        return Path(config.config_file_path).parent / self.config.cache if self.config.cache else None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._cache_folder = self._cache(config)
        self._rendered = PageCache(self._cache_folder / HTML, config) if self._cache_folder else None
        self._checked = Cache(self._cache_folder / CHECKED, bool) if self._cache_folder else None
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
        self._checks = {
            path: Check(transcript.path, transcript.text, verify.outline(transcript.briefing),
                        report.transcript_keys.get(transcript.path), report.page_keys[path])
            for path, transcript in report.sources.items() if transcript.briefing is not None
        }
        log.info(
            f"briefings: {plural(len(report.pages), 'briefing')} ({report.converted:,} converted, "
            f"{report.reused:,} from the cache), {plural(len(report.written), 'page')} written, "
            f"{len(report.removed):,} removed; {plural(len(report.errors), 'error')}, "
            f"{plural(len(report.warnings), 'warning')}"
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """When many pages are new to the cache (a cold build), render and check them on every core first."""
        self._report = None  # see `report`
        if self._rendered is None or self._checked is None:
            return nav
        pages = [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
                 if file.page is not None]
        for page in pages:
            page.read_source(config)
        rendered = render_in_workers(pages, config, self._rendered, self._checks, self._checked)
        if rendered:
            log.info(f"briefings: {plural(rendered, 'page')} rendered in worker processes")
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """A page whose Markdown and links' targets are as last time takes its HTML from the cache."""
        self._populated += 1
        if self._rendered is not None:
            page.render = functools.partial(self._rendered.render, page)  # type: ignore[method-assign]
        return page

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Check a briefing page as MkDocs rendered it: every line of its transcript is there, in order.

        A check passed is kept in the cache under the transcript, the model and the HTML, so each is made once.
        The plugin lets go of the transcript's text once its page is checked: at 1,000 briefings the texts
        would otherwise stay in memory with every page's HTML.
        """
        check = self._checks.pop(page.file.src_uri, None)
        lost = run_check(check, html, self._checked) if check is not None else None
        if check is not None and lost:
            log.error(str(build.lost_problem(check.path, lost)))
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Drop what this build did not use from the cache, once every page went through it (not after a
        ``--dirty`` build, which renders only the pages that changed)."""
        if self._rendered is not None:
            log.info(f"briefings: {plural(self._rendered.rendered, 'page')} rendered, "
                     f"{self._rendered.reused:,} from the cache")
        if self._populated < self._documents:
            return
        for cache in (self._rendered, self._checked):
            if cache is not None:
                cache.prune()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Pages left where a briefing page moved are reached by old links only, never from the navigation."""
        for file in files:
            if file.src_uri in self._redirects:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        self._documents = len(files.documentation_pages(inclusion=InclusionLevel.is_included))
        self._populated = 0
        return files

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        """A page in another language than the site's (a Spanish briefing) says so on its root element; every
        page goes without the blank lines and indentation of the theme's templates."""
        return compact(with_language(output, (page.meta or {}).get("language")))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._corpus(config)))
        return server


def with_language(html: str, language: object) -> str:
    """``html`` with ``<html lang="…">`` set to ``language`` when that is a language code."""
    if not isinstance(language, str) or not _RE_LANGUAGE.fullmatch(language):
        return html
    return _RE_HTML_LANG.sub(f'<html lang="{language}"', html, count=1)


def compact(html: str) -> str:
    """``html`` without the blank lines and indentation between its lines (a fifth of a page, from the theme's
    templates): a line break and the spaces around it show as one space, as the line break alone does, so the
    page looks the same. Text inside ``pre``, ``textarea``, ``script`` and ``style`` is left as it is."""
    pieces = []
    at = 0
    for verbatim in _RE_VERBATIM.finditer(html):
        pieces.append(_RE_LINE_BREAK.sub("\n", html[at:verbatim.start()]))
        pieces.append(verbatim.group())
        at = verbatim.end()
    pieces.append(_RE_LINE_BREAK.sub("\n", html[at:]))
    return "".join(pieces)
