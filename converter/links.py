"""Links between pages: first every page and anchor of the corpus is collected, then references resolve.

Pages link with relative ``.md`` paths and anchors, so ``mkdocs build --strict`` validates every link again.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import unicodedata
from dataclasses import dataclass

from converter.model import Briefing

BRIEFINGS_DIR = "briefings"
HOME = "index.md"
# The archive's own pages beside the briefings (docs-relative paths).
ARCHIVE = f"{BRIEFINGS_DIR}/index.md"
SPEAKERS_DIR = "speakers"
TOPICS_DIR = "topics"
DATA_DIR = "data"
DATA_PAGE = "data.md"
RSS_FEED = "feed.xml"
ATOM_FEED = "atom.xml"
# Generated folders whose stale pages the build removes (briefings/ is handled with the pages themselves).
GENERATED_DIRS = (SPEAKERS_DIR, TOPICS_DIR, DATA_DIR)
# The folders of the docs folder that the converter owns (and sweeps of the files it no longer makes).
OWNED_DIRS = (BRIEFINGS_DIR, *GENERATED_DIRS)
UNDATED = "undated"
_MAX_SLUG = 60
# Anything that is not an ASCII letter or digit separates the words of a slug ('Maria Zakharova' -> two words).
_RE_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Page:
    """Where a briefing's page lives, relative to the docs folder (POSIX separators), and its anchors."""

    path: str
    briefing: Briefing
    anchors: frozenset[str]


@dataclass(frozen=True)
class Place:
    """A dated anchor on a briefing page: where an agenda item or an answer stands."""

    page: str
    anchor: str
    date: dt.date | None

    @property
    def id(self) -> str:
        """The dataset's id of what stands there: ``2021-01-28#q4``."""
        return f"{page_id(self.page)}#{self.anchor}"


def sort_key(briefing: Briefing) -> tuple[str, str]:
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
    for briefing in sorted(briefings, key=sort_key):
        anchors = {"agenda"} | {s.anchor for s in briefing.sections} | {e.anchor for e in briefing.exchanges}
        pages.append(Page(page_path(briefing, taken), briefing, frozenset(anchors)))
    return pages


def slug(text: str) -> str:
    """``maria-zakharova``: ASCII letters and digits, lower case, joined by '-', cut at a word within 60."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = _RE_NON_WORD.split(folded.replace("'", ""))
    result = ""
    for word in filter(None, words):
        if result and len(result) + len(word) + 1 > _MAX_SLUG:
            break
        result = f"{result}-{word}" if result else word[:_MAX_SLUG]
    return result


def year_path(year: int | None) -> str:
    """``briefings/2025/index.md``: the page that lists one year's briefings (``undated`` for no year)."""
    return f"{BRIEFINGS_DIR}/{year if year is not None else UNDATED}/index.md"


def speaker_path(name: str) -> str:
    return f"{SPEAKERS_DIR}/{slug(name) or 'unknown'}.md"


def topic_path(topic_slug: str) -> str:
    return f"{TOPICS_DIR}/{topic_slug}.md"


def topic_year_path(topic_slug: str, year: int | None) -> str:
    """The page of one year of a topic with many mentions: ``topics/nato/2024.md``."""
    return f"{TOPICS_DIR}/{topic_slug}/{year if year is not None else UNDATED}.md"


def topic_feed_path(topic_slug: str) -> str:
    """``topics/<slug>.xml``: the Atom feed of one topic, beside its page."""
    return f"{TOPICS_DIR}/{topic_slug}.xml"


def speaker_feed_path(name: str) -> str:
    """``speakers/<slug>.xml``: the Atom feed of one speaker's briefings, beside their page."""
    return f"{SPEAKERS_DIR}/{slug(name) or 'unknown'}.xml"


def page_id(path: str) -> str:
    """A briefing's id in the dataset: ``2025-01-23`` (``-2`` for a second that day), ``undated/<name>``."""
    stem = path.removeprefix(f"{BRIEFINGS_DIR}/").removesuffix(".md")
    year, _, name = stem.partition("/")
    return name if year.isdigit() else stem


def url(path: str, anchor: str | None = None) -> str:
    """The site-relative URL MkDocs gives a page (directory URLs): ``briefings/2025/2025-01-23/#q6``."""
    if path.endswith(".md"):
        stem = path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            stem = stem.removesuffix("index")
        path = f"{stem}/" if stem and not stem.endswith("/") else stem
    return f"{path}#{anchor}" if anchor else path


def absolute(site_url: str | None, path: str, anchor: str | None = None) -> str:
    """``url`` under ``site_url`` when the site has one; else the site-relative URL."""
    link = url(path, anchor)
    return f"{site_url.rstrip('/')}/{link}" if site_url else link


def relative(source: str, target: str, anchor: str | None = None) -> str:
    """The relative link from the page at ``source`` to ``target`` (both relative to the docs folder)."""
    link = _relpath(target, posixpath.dirname(source) or ".")
    return f"{link}#{anchor}" if anchor else link


# A build links every briefing to the same topic and year pages and its neighbours: tens of thousands of calls
# for far fewer distinct (target, folder) pairs.
_relpath = functools.lru_cache(maxsize=65536)(posixpath.relpath)
