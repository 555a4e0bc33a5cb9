"""Checks that nothing is lost: every word of a transcript, outside the boilerplate, is in its page, in order.

The page is rendered to HTML with the site's own Markdown extensions and read back as text, so the check
also catches text that escaping failed to protect (a line that became markup loses its characters).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from converter.model import Briefing
from converter.parse.normalize import lines_of

# The Markdown extensions of mkdocs.yml, with the settings the pages rely on (tests keep the two equal).
MARKDOWN_EXTENSIONS = ["toc", "attr_list", "sane_lists", "md_in_html"]
_RE_WORD = re.compile(r"\w+")
_RE_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-–•·*])\s+")
_RE_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(page: str) -> str:
    """The text a reader sees of a Markdown page (front matter dropped)."""
    body = _RE_FRONT_MATTER.sub("", page, count=1)
    parser = _Text()
    parser.feed(markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS))
    parser.close()
    return " ".join(parser.parts)


def lost_words(text: str, briefing: Briefing, page: str) -> tuple[int, str] | None:
    """The first (line, word) of the transcript missing from the page in order, or None if none is."""
    skipped = set(briefing.boilerplate_lines)
    page_words = iter(word.casefold() for word in _RE_WORD.findall(html_text(page)))
    first, last = briefing.agenda_lines or (0, -1)
    for line in lines_of(text):
        if line.number in skipped:
            continue
        content = line.text
        if first <= line.number <= last:
            # The agenda's numbers and bullets become list markup, which is not text.
            content = _RE_LIST_MARKER.sub("", content)
        for word in _RE_WORD.findall(content):
            if not any(candidate == word.casefold() for candidate in page_words):
                return line.number, word
    return None


def removed_lines(path: Path, text: str, briefing: Briefing) -> list[tuple[str, int, str]]:
    """The boilerplate lines the page leaves out, as (file, line, text)."""
    lines = lines_of(text)
    return [(str(path), n, lines[n - 1].text) for n in briefing.boilerplate_lines]
