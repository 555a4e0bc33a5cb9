"""Line cleaning: split a transcript into physical lines and clean each one for matching and display.

Transcripts carry NBSP, other Unicode spaces, zero-width characters and trailing spaces (the mid.ru seed has
``Question:\\u00a0I would like ...``); every later rule reads the cleaned text, never the raw line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Line breaks as the JSON contract counts them: "\r\n", "\r" and "\n" each end one line.
_RE_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters that are invisible and carry no text: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_RE_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
# Quotes and dashes folded for matching only, so that "Russia’s" in a heading matches "Russia's" in the TOC.
# (Pairs rather than str.translate, which is slow on non-ASCII text: each fold is one str.replace.)
_MATCH_FOLDS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("‑", "-"))


@dataclass(frozen=True)
class Line:
    """A physical line: its 1-based number, the text as in the file, and the cleaned text."""

    number: int
    raw: str
    text: str

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def visible(self) -> str:
        """The text as in the file, less invisible characters: titles are kept so, NBSP included."""
        return _RE_INVISIBLE.sub("", self.raw)


def split_lines(text: str) -> list[str]:
    """Split on every line break; a final line break does not start another line."""
    parts = _RE_LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def clean(text: str) -> str:
    """Text with invisible characters removed, every run of spaces made one space, and no outer spaces.

    Spaces are every character of ``str.isspace``: NBSP (U+00A0), the thin and figure spaces of pasted pages,
    tabs. Every line of every transcript passes here, so it keeps to C-speed string methods (no regex).
    """
    if not text.isascii():
        # ASCII text has no invisible characters and is its own NFC.
        for character in _INVISIBLE:
            if character in text:
                text = text.replace(character, "")
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def match_key(text: str) -> str:
    """A folded form of a line for comparing a heading with its agenda title.

    Remembered for the last few thousand texts: layout detection, the heading search and the body's
    classification each ask it of every line of a transcript.
    """
    text = clean(text)
    if not text.isascii():
        for character, folded in _MATCH_FOLDS:
            if character in text:
                text = text.replace(character, folded)
    return text.casefold().rstrip(" .:")


def lines_of(text: str) -> list[Line]:
    """The transcript's lines, numbered from 1."""
    return [Line(number, raw, clean(raw)) for number, raw in enumerate(split_lines(text), start=1)]
