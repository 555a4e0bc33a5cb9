"""Checks that nothing is lost: every line of a transcript, outside the boilerplate, is in its page, in order.

The check reads the page's HTML as the text a reader sees, so it also catches text that escaping failed to
protect (a line that became markup loses characters). Under MkDocs it reads the HTML MkDocs renders anyway
(:func:`lost_words_html`, from the ``briefings`` plugin); without MkDocs (``briefings build``, ``briefings
check``) :func:`lost_words` renders the page with the site's own Markdown extensions.
Each line's words must stand in the page as one unbroken run, after the previous line's run: a word dropped
from a sentence, or a short line whose words occur elsewhere, is caught, not only a word that is nowhere.
The title line and the table of contents are lines like the others (the agenda's numbers and bullets, which
become list markup, excepted); the page prints a table of contents' Q&A divider in its own words
('12. Excerpts from answers to media questions:'), but for one that heads no Q&A topic at all, which counts as
removed, like the body's divider, and ``briefings check --show-removed`` lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown

from converter.model import Briefing, Kind
from converter.parse import vocabulary
from converter.parse.normalize import Line, clean, lines_of, match_key

# The Markdown extensions of mkdocs.yml, with the settings the pages rely on (tests keep the two equal).
MARKDOWN_EXTENSIONS = ["toc", "attr_list", "sane_lists", "md_in_html"]
_RE_WORD = re.compile(r"\w+")
# The number or bullet of an agenda line: '1. ', '12) ', '- ', '• '.
_RE_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-–•·*])\s+")
_RE_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Outline:
    """What the check reads of a briefing: where its agenda is, its boilerplate lines, whether it has a Q&A
    part. A page can be checked from it and the text alone, without the briefing's whole model."""

    agenda_lines: tuple[int, int] | None
    boilerplate_lines: tuple[int, ...]
    has_qa: bool


def outline(briefing: Briefing | Outline) -> Outline:
    if isinstance(briefing, Outline):
        return briefing
    return Outline(briefing.agenda_lines, briefing.boilerplate_lines,
                   any(section.kind is Kind.QA for section in briefing.sections))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(page: str) -> str:
    """The text a reader sees of a Markdown page (front matter dropped)."""
    return _text_of(markdown.markdown(_RE_FRONT_MATTER.sub("", page, count=1), extensions=MARKDOWN_EXTENSIONS))


def _text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def _words(text: str) -> list[str]:
    """Words as a reader sees them, case-folded, cleaned like transcript lines (invisible characters dropped,
    NFC), so that a zero-width space inside a printed title does not split its word."""
    return [word.casefold() for word in _RE_WORD.findall(clean(text))]


def page_words(page: str) -> list[str]:
    """The words of a Markdown page as a reader sees them."""
    return _words(html_text(page))


def lost_words(text: str, briefing: Briefing | Outline, page: str) -> tuple[int, str] | None:
    """The first (line, word) of the transcript missing from the Markdown page, or None if every line is there."""
    return _lost(text, briefing, page_words(page))


def lost_words_html(text: str, briefing: Briefing | Outline, html: str) -> tuple[int, str] | None:
    """The first (line, word) of the transcript missing from the page's HTML (as MkDocs renders it), or None."""
    return _lost(text, briefing, _words(_text_of(html)))


def _lost(text: str, briefing: Briefing | Outline, words: list[str]) -> tuple[int, str] | None:
    """The first (line, word) of the transcript missing from ``words``, or None if every line is there.

    The word is the first one of its line that breaks the line's run: the line's earlier words stand in the
    page in one piece after the previous line, this one does not follow them.
    """
    lines = lines_of(text)
    skipped = set(removed(lines, briefing))
    first, last = briefing.agenda_lines or (0, -1)
    position = 0
    for line in lines:
        if line.number in skipped:
            continue
        content = line.text
        if first <= line.number <= last:
            # The agenda's numbers and bullets become list markup, which is not text.
            content = _RE_LIST_MARKER.sub("", content)
        printed = _RE_WORD.findall(content)
        run = [word.casefold() for word in printed]
        if not run:
            continue
        found = _find_run(words, run, position)
        if found is None:
            return line.number, printed[_longest_prefix(words, run, position)]
        position = found + len(run)
    return None


def _find_run(words: list[str], run: list[str], start: int) -> int | None:
    """The first position at or after ``start`` where ``run`` stands in ``words``, or None."""
    size = len(run)
    position = start
    try:
        while True:
            position = words.index(run[0], position)
            if words[position : position + size] == run:
                return position
            position += 1
    except ValueError:
        return None


def _longest_prefix(words: list[str], run: list[str], start: int) -> int:
    """How many of ``run``'s first words stand together somewhere at or after ``start`` (the rest are lost)."""
    best = 0
    position = start
    try:
        while best < len(run):
            position = words.index(run[0], position)
            length = 1
            while length < len(run) and position + length < len(words) and words[position + length] == run[length]:
                length += 1
            best = max(best, length)
            position += 1
    except ValueError:
        pass
    return best


def removed(lines: list[Line], briefing: Briefing | Outline) -> list[int]:
    """The lines the page leaves out: the boilerplate, and a table of contents' Q&A divider where the page has no
    Q&A part to head with it."""
    briefing = outline(briefing)
    first, last = briefing.agenda_lines or (0, -1)
    if briefing.has_qa:
        return list(briefing.boilerplate_lines)
    dividers = {
        line.number for line in lines[max(first - 1, 0) : last]
        if match_key(_RE_LIST_MARKER.sub("", line.text)) in vocabulary.QA_DIVIDERS
    }
    return sorted(dividers.union(briefing.boilerplate_lines))


def removed_lines(path: Path, text: str, briefing: Briefing) -> list[tuple[str, int, str]]:
    """The lines the page leaves out, as (file, line, text): what ``briefings check --show-removed`` lists."""
    lines = lines_of(text)
    return [(str(path), n, lines[n - 1].text) for n in removed(lines, briefing)]
