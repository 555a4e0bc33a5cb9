"""Links between pages: first every page and anchor of the corpus is collected, then references resolve.

Pages link with relative ``.md`` paths and anchors, so ``mkdocs build --strict`` validates every link again.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from converter.model import Briefing

BRIEFINGS_DIR = "briefings"
HOME = "index.md"


@dataclass(frozen=True)
class Page:
    """Where a briefing's page lives, relative to the docs folder (POSIX separators), and its anchors."""

    path: str
    briefing: Briefing
    anchors: frozenset[str]


def _sort_key(briefing: Briefing) -> tuple[str, str]:
    return (briefing.date.isoformat() if briefing.date else "9999", briefing.source)


def page_path(briefing: Briefing, taken: set[str]) -> str:
    """``briefings/2025/2025-01-23.md``; a second briefing that day gets ``-2``; undated ones go by name."""
    if briefing.date:
        stem = f"{BRIEFINGS_DIR}/{briefing.date.year}/{briefing.date.isoformat()}"
    else:
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in posixpath.splitext(briefing.source)[0])
        stem = f"{BRIEFINGS_DIR}/undated/{safe.strip('-') or 'briefing'}"
    path, count = f"{stem}.md", 1
    while path in taken:
        count += 1
        path = f"{stem}-{count}.md"
    taken.add(path)
    return path


def collect(briefings: list[Briefing]) -> list[Page]:
    """Every briefing's page, oldest first: paths are assigned in date order, then by source name."""
    taken: set[str] = set()
    pages = []
    for briefing in sorted(briefings, key=_sort_key):
        anchors = {"agenda"} | {s.anchor for s in briefing.sections} | {e.anchor for e in briefing.exchanges}
        pages.append(Page(page_path(briefing, taken), briefing, frozenset(anchors)))
    return pages


def relative(source: str, target: str, anchor: str | None = None) -> str:
    """The relative link from the page at ``source`` to ``target`` (both relative to the docs folder)."""
    link = posixpath.relpath(target, posixpath.dirname(source) or ".")
    return f"{link}#{anchor}" if anchor else link


def unresolved(pages: list[Page], links: dict[str, list[tuple[str, str | None]]]) -> list[str]:
    """Links that point at no page or no anchor: ``source -> target#anchor`` for each."""
    by_path = {page.path: page for page in pages}
    missing = []
    for source, targets in sorted(links.items()):
        for target, anchor in targets:
            page = by_path.get(target)
            if page is None or (anchor is not None and anchor not in page.anchors):
                missing.append(f"{source} -> {target}#{anchor}" if anchor else f"{source} -> {target}")
    return missing
