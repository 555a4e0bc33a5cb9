"""Pages as MkDocs rendered them, kept between builds: a page whose Markdown did not change is not rendered again.

MkDocs renders every page's Markdown on every build; at 1,000 briefings that is most of a build's time, for
pages that are the same as last time. The briefings plugin puts :meth:`PageCache.render` in place of each
page's ``render``: it looks the page up by everything its HTML is made from (the Markdown after every plugin's
``on_page_markdown``, the page's URL, the Markdown extensions and their settings, the versions of MkDocs and
Python-Markdown) and by the files its links led to (each link target's URL, or its absence). On a hit it
restores what ``Page.render`` sets (content, table of contents, title, anchors, links to other pages' anchors),
so MkDocs still validates every link and anchor of every page; on a miss it renders as MkDocs does and keeps
the result, unless the render logged anything (a broken link must be reported on every build, so such a page
is never kept).
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from converter.build import cache as build_cache
from converter.build import verify
from converter.build.cache import Cache, digest

# What a link target looked like to a page's render: its URL and whether it is left out of the site, or None
# when there was no such file.
Seen = tuple[str, bool] | None
# Libraries whose versions change what a render gives.
_LIBRARIES = ("mkdocs", "markdown")
_MKDOCS_LOG = logging.getLogger("mkdocs")
# The folder of the pages that passed the nothing-lost check, under the build cache.
CHECKED = "checked"


@dataclass(frozen=True)
class Rendered:
    """What ``Page.render`` sets on a page, and the files its links looked up (by path, in the order looked up)."""

    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the target's src_uri
    lookups: tuple[tuple[str, Seen], ...]


def _seen(file: File | None) -> Seen:
    return (file.url, file.inclusion.is_excluded()) if file is not None else None  # type: ignore[no-untyped-call]


class _Recording:
    """The site's files as one page's render sees them, noting each file its links look up."""

    def __init__(self, files: Files) -> None:
        self._files = files
        self.lookups: dict[str, Seen] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self._files.get_file_from_path(path)
        self.lookups[path] = _seen(found)
        return found

    def __iter__(self) -> Any:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def __contains__(self, path: str) -> bool:
        return path in self._files

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


class _Logged(logging.Handler):
    """Counts the records MkDocs logs (at WARNING or above) while one page renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def setting(config: MkDocsConfig) -> str:
    """Everything of the site's configuration that a page's HTML depends on, as one string."""
    return json.dumps({
        "libraries": {name: importlib.metadata.version(name) for name in _LIBRARIES},
        "extensions": [str(extension) for extension in config.markdown_extensions],
        "settings": config.mdx_configs,
        "directory_urls": config.use_directory_urls,
        # MkDocs notes links to anchors only when it will validate them (Page.render).
        "anchors": logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG,
    }, sort_keys=True, default=repr)


class PageCache:
    """Rendered pages under ``folder``; counts what it rendered and what it reused."""

    def __init__(self, folder: Path, config: MkDocsConfig) -> None:
        self.cache = Cache(folder, Rendered)
        self.setting = setting(config)
        self.rendered = 0
        self.reused = 0

    def _key(self, page: Page) -> str:
        assert page.markdown is not None
        return digest("html", self.setting, page.file.src_uri, page.file.url, str(page.file.inclusion),
                      page.markdown)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """``page.render(config, files)``, from the cache when the page and its links' targets are unchanged."""
        name = self._key(page)
        kept = self.cache.get(name)
        if kept is not None and all(_seen(files.get_file_from_path(path)) == seen for path, seen in kept.lookups):
            _restore(page, kept, files)
            self.reused += 1
            return
        recording = _Recording(files)
        logged = _Logged()
        _MKDOCS_LOG.addHandler(logged)
        try:
            Page.render(page, config, recording)  # type: ignore[arg-type]
        finally:
            _MKDOCS_LOG.removeHandler(logged)
        self.rendered += 1
        # A page whose render logged a problem, or whose links lead nowhere or out of the site (which MkDocs
        # may report below WARNING), is rendered again each time, so that each build reports it again.
        if logged.count or any(seen is None or seen[1] for seen in recording.lookups.values()):
            return
        self.cache.put(name, _kept(page, recording))

    def has(self, page: Page) -> bool:
        """Whether the cache holds a render of the page's Markdown as it is now (its links not yet checked)."""
        return self.cache.has(self._key(page))

    def prune(self) -> int:
        return self.cache.prune()


@dataclass(frozen=True)
class Check:
    """What the nothing-lost check of a briefing page needs: its transcript's text and outline, and the keys a
    check passed is kept under (:func:`checked_key`)."""

    path: str  # the transcript's, for the problem a lost line makes
    text: str
    outline: verify.Outline
    source_key: str | None  # None: a transcript the cache does not keep, checked on every build
    page_key: str


def checked_key(source_key: str, page_key: str, html: str) -> str:
    """The key of a check passed: the transcript it was made from, the page's model, the page's HTML."""
    return digest(CHECKED, source_key, page_key, html)


def run_check(check: Check, html: str, checked: Cache[bool] | None) -> tuple[int, str] | None:
    """The nothing-lost check of one page's HTML: the (line, word) lost, or None. A check that passed before
    for the same transcript, model and HTML is not run again; one that passes now is kept in ``checked``."""
    name = checked_key(check.source_key, check.page_key, html) if check.source_key and checked is not None else None
    if name and checked is not None and checked.get(name):
        return None
    lost = verify.lost_words_html(check.text, check.outline, html)
    if not lost and name and checked is not None:
        checked.put(name, True)
    return lost


@dataclass(frozen=True)
class _Job:
    src_uri: str
    markdown: str
    check: Check | None


# A worker's site: its configuration, files, cache of rendered pages and cache of checks.
_WORKER: dict[str, Any] = {}


def render_in_workers(
    pages: Sequence[Page], config: MkDocsConfig, cache: PageCache, checks: dict[str, Check],
    checked: Cache[bool], workers: int | None = None,
) -> int:
    """Render, in worker processes, the pages the cache lacks, when there are many, and check the briefing
    pages among them (``checks``, by page path; a check passed goes to ``checked``). Each worker keeps what it
    rendered and what passed in the caches, where MkDocs' own pass over the pages then finds them (and
    validates their links as for any page from the cache). What a worker could not keep (a render that logged
    a problem, a check that failed) is done again by MkDocs' pass, which reports it. Returns how many pages
    the workers rendered.
    """
    jobs = [_Job(page.file.src_uri, page.markdown or "", checks.get(page.file.src_uri))
            for page in pages if page.markdown is not None and not cache.has(page)]
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(jobs) < build_cache.PARALLEL_FROM:
        return 0
    assert config.config_file_path is not None
    start = (config.config_file_path, str(cache.cache.folder), str(checked.folder), cache.setting)
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start, initargs=start) as pool:
        return sum(pool.map(_render, jobs, chunksize=4))


def _start(config_file: str, folder: str, checked: str, expected: str) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # The main process reports what goes wrong (it renders such pages again); a worker only counts it.
    _MKDOCS_LOG.propagate = False
    config = load_config(config_file)
    config = config.plugins.on_config(config)
    found = setting(config)
    _WORKER.update(
        config=config, files=get_files(config), pages=PageCache(Path(folder), config), same=found == expected,
        checked=Cache(Path(checked), bool),
    )


def _render(job: _Job) -> int:
    """Render one page into the cache (and check it); 1 when it was rendered."""
    if not _WORKER["same"]:  # a configuration the worker cannot reproduce: MkDocs' pass renders every page
        return 0
    config, files, pages = _WORKER["config"], _WORKER["files"], _WORKER["pages"]
    file = files.get_file_from_path(job.src_uri)
    if file is None:
        return 0
    page = Page(None, file, config)
    page.markdown = job.markdown
    pages.render(page, config, files)
    if job.check is not None and page.content is not None:
        run_check(job.check, page.content, _WORKER["checked"])  # a lost line is reported by MkDocs' pass
    return 1


def _kept(page: Page, recording: _Recording) -> Rendered:
    assert page.content is not None
    return Rendered(
        content=page.content,
        toc=page.toc,
        title=page._title_from_render,
        present_anchor_ids=frozenset(page.present_anchor_ids or ()),
        links_to_anchors=(
            {file.src_uri: dict(anchors) for file, anchors in page.links_to_anchors.items()}
            if page.links_to_anchors is not None else None
        ),
        lookups=tuple(recording.lookups.items()),
    )


def _restore(page: Page, kept: Rendered, files: Files) -> None:
    page.content = kept.content
    page.toc = kept.toc  # unpickled for this page alone
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.present_anchor_ids)
    if kept.links_to_anchors is not None:
        targets = {path: files.get_file_from_path(path) for path in kept.links_to_anchors}
        page.links_to_anchors = {
            file: dict(kept.links_to_anchors[path]) for path, file in targets.items() if file is not None
        }
