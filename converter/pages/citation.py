"""Citations: a briefing, one of its agenda items or one Q&A exchange, as plain text and as BibTeX.

The pages carry the briefing's part in their front matter (``meta``, written into citation meta tags by
overrides/main.html); the cite control in docs/assets/briefings.js builds the same strings in the browser,
where the permalink is known even when the site has no ``site_url``. tests/browser/test_archive.py checks that
the browser's strings equal :func:`plain` and :func:`bibtex`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from converter.model import Briefing
from converter.pages import markdown

PUBLISHER = "Ministry of Foreign Affairs of the Russian Federation"
# Characters BibTeX reads as syntax, each written with a backslash.
_RE_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_RE_KEY = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class Citation:
    """What a citation says: who, what (the item, or the whole briefing), in which briefing, when, where."""

    speaker: str | None
    briefing: str  # the briefing's title as printed
    date: dt.date | None
    page_id: str  # '2025-01-23'
    url: str
    item: str | None = None  # the agenda item's title, or for an exchange the title of its Q&A topic
    question: int | None = None  # the exchange's number (q6 -> 6)
    anchor: str | None = None
    source_url: str | None = None


def author(speaker: str | None) -> str:
    """'Zakharova, Maria': the speaker, surname first; the ministry when the briefing names no speaker."""
    if not speaker:
        return PUBLISHER
    *given, surname = speaker.split()
    return f"{surname}, {' '.join(given)}" if given else surname


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def long_date(date: dt.date | None) -> str:
    return markdown.long_date(date) if date else "undated"


def title(cite: Citation) -> str:
    """What is cited: the item's title, 'Answer to question 6: …', or the briefing's title.

    No quotation marks inside: styles put the title itself in quotes, and nested ones come out wrong."""
    if cite.question is not None:
        return f"Answer to question {cite.question}" + (f": {cite.item}" if cite.item else "")
    return cite.item or cite.briefing


def _what(cite: Citation) -> str:
    if cite.question is not None:
        return f"{title(cite)}. "
    return f"“{cite.item}.” " if cite.item else ""


def plain(cite: Citation) -> str:
    """Zakharova, Maria. “Ukrainian crisis update.” Briefing by …, January 23, 2025. Ministry …, January 23,
    2025. https://…/briefings/2025/2025-01-23/#ukrainian-crisis-update (original: https://…)."""
    # Without a speaker the ministry is the author already; the date alone follows the briefing's title.
    published = f"{PUBLISHER}, {long_date(cite.date)}" if cite.speaker else _capital(long_date(cite.date))
    text = f"{author(cite.speaker)}. {_what(cite)}{cite.briefing}. {published}. {cite.url}"
    return text + (f" (original: {cite.source_url})." if cite.source_url else ".")


def _bib(text: str) -> str:
    return _RE_BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENTS.get(m[1], "\\" + m[1]), text)


def key(cite: Citation) -> str:
    """'zakharova2025-01-23-q6': surname, page id, anchor; lower-case ASCII letters, digits and '-'."""
    surname = author(cite.speaker).split(",")[0] if cite.speaker else "mfa"
    raw = f"{surname}{cite.page_id}" + (f"-{cite.anchor}" if cite.anchor else "")
    return _RE_KEY.sub("-", raw.lower()).strip("-")


def bibtex(cite: Citation) -> str:
    """A ``@misc`` entry in the fields classic BibTeX styles and CSL processors (citeproc-py) both read.

    The title is in double braces so that BibTeX keeps its capitals; the briefing (and the original) go in
    ``note``, which every style prints, rather than in ``howpublished`` or ``organization``, which CSL
    processors drop; ``year`` and ``month`` rather than biblatex's ``date``.
    """
    who = _bib(author(cite.speaker)) if cite.speaker else "{" + _bib(PUBLISHER) + "}"
    # The original's address as text (escaped): CSL processors cannot read a \url{} macro in a note.
    note = _bib(cite.briefing) + (". Original: " + _bib(cite.source_url) if cite.source_url else "")
    fields = [
        ("author", who),
        ("title", "{" + _bib(title(cite)) + "}"),
        ("note", note),
        ("publisher", _bib(PUBLISHER)),
    ]
    if cite.date:
        fields += [("year", str(cite.date.year)), ("month", f"{cite.date:%B}")]
    fields.append(("url", cite.url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key(cite)},\n{body}\n}}"


def meta(briefing: Briefing, page_id: str | None, source_url: str | None) -> dict[str, str]:
    """The briefing's part of every citation of its page, for the front matter (and so the meta tags)."""
    data = {
        "author": author(briefing.speaker),
        "speaker": briefing.speaker or "",
        "title": briefing.title,
        "date": briefing.date.isoformat() if briefing.date else "",
        "long_date": long_date(briefing.date),
        "publisher": PUBLISHER,
        # A page rendered alone (golden files) is named by its date, as links.page_path names it.
        "id": page_id or (briefing.date.isoformat() if briefing.date else ""),
    }
    if source_url:
        data["source_url"] = source_url
    return data
