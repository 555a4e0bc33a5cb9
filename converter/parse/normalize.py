"""Line cleaning: split a transcript into physical lines and clean each one for matching and display.

Transcripts carry NBSP, other Unicode spaces, zero-width characters and trailing spaces (the mid.ru seed has
``Question:\\u00a0I would like ...``); every later rule reads the cleaned text, never the raw line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Line breaks as the JSON contract counts them: "\r\n", "\r" and "\n" each end one line.
_RE_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Horizontal white space of every kind, NBSP (U+00A0) and the thin/figure spaces of pasted pages included.
_RE_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Characters that are invisible and carry no text: zero-width space/joiners, word joiner, BOM, soft hyphen.
_RE_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Quotes and dashes folded for matching only, so that "Russia’s" in a heading matches "Russia's" in the TOC.
_MATCH_FOLDS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})


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
    """Text with invisible characters removed, every run of spaces made one space, and no outer spaces."""
    text = unicodedata.normalize("NFC", _RE_INVISIBLE.sub("", text))
    return _RE_SPACES.sub(" ", text).strip()


def match_key(text: str) -> str:
    """A folded form of a line for comparing a heading with its agenda title."""
    return clean(text).translate(_MATCH_FOLDS).casefold().rstrip(" .:")


def lines_of(text: str) -> list[Line]:
    """The transcript's lines, numbered from 1."""
    return [Line(number, raw, clean(raw)) for number, raw in enumerate(split_lines(text), start=1)]
