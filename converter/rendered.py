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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from converter.build.cache import Cache, digest

# What a link target looked like to a page's render: its URL and whether it is left out of the site, or None
# when there was no such file.
Seen = tuple[str, bool] | None
# Libraries whose versions change what a render gives.
_LIBRARIES = ("mkdocs", "markdown")
_MKDOCS_LOG = logging.getLogger("mkdocs")


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

    def prune(self) -> int:
        return self.cache.prune()


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
