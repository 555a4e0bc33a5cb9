"""What every generated page shares: escaping transcript text, the one date format, plurals, front matter.

Transcript text is data: :func:`escape` makes every character of it literal, so that no line of a transcript
can become Markdown, HTML or an attribute list, whatever it holds.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote, urlsplit

import yaml

# Characters that Markdown or its extensions (attr_list, toc) may read as syntax anywhere in a line; each is
# written as a backslash escape that Python-Markdown turns back into the character. The backslash comes
# first, so that the backslashes the others get are not escaped again.
_INLINE_SYNTAX = "\\`*_{}[]()#+!"
# Line openings that start a block: '1. ' / '1) ' (ordered list), '- ' / '+ ' (bullets), '---', '==='.
_RE_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-=])")
# Characters with no backslash escape in Python-Markdown's core: written as numeric character references.
# ('|' makes table cells where the tables extension is on.)
_ENTITIES = {"|": "&#124;"}


def escape(text: str) -> str:
    """Markdown source that renders as exactly ``text``, inert: no markup, no HTML, no attributes.

    Every paragraph of every page passes here: one ``str.replace`` per character that is there (a regular
    expression substitution per paragraph cost more than the rest of the page).
    """
    text = html.escape(text, quote=False)
    for character in _INLINE_SYNTAX:
        if character in text:
            text = text.replace(character, "\\" + character)
    for character, entity in _ENTITIES.items():
        if character in text:
            text = text.replace(character, entity)
    # Ordered-list numbers and setext/bullet dashes at the start of a line; '.' and '-' are safe elsewhere.
    match = _RE_BLOCK_START.match(text)
    return _block_start(match) + text[match.end() :] if match else text


def _block_start(match: re.Match[str]) -> str:
    if match[1]:
        return f"{match[1]}\\{match[2]}"
    return "\\-" if match[3] == "-" else "&#61;"  # '=' has no backslash escape


def html_title(text: str) -> str:
    """A front-matter title: Material writes ``title`` into the page (<title>, header, navigation) as HTML."""
    return html.escape(text, quote=True)


def front(title: str, description: str, **extra: object) -> list[str]:
    """The front matter of a generated page, as lines: Material's ``title`` and ``description``, then ``extra``."""
    data: dict[str, object] = {"title": html_title(title), "description": description, **extra}
    return ["---", yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n"), "---", ""]


# The site's one date format, 'January 23, 2025'; the search's meta.js hands the months to search.js.
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)


def long_date(date: dt.date) -> str:
    """'January 23, 2025' (no leading zero, whatever the platform's locale): the site's one date format."""
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def plural(count: int, word: str, plural: str | None = None) -> str:
    """'1 briefing', '1,024 briefings', '2 Q&A topics'."""
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


def safe_url(address: str) -> str:
    """An http(s) URL as a Markdown link target: characters Markdown or HTML could read are percent-encoded."""
    return quote(address, safe=":/?#@!$&'*+,;=%~-._")


def host(address: str) -> str:
    """'mid.ru' for a link's text: the host of a URL without 'www.', a user name or a port."""
    return (urlsplit(address).hostname or address).removeprefix("www.")
