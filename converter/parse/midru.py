"""mid.ru page copies: a date-time stamp, the title, a language switcher, 'Table of contents', a numbered
TOC with an 'Answers to media questions:' sub-list, 'Back to top' between items, page furniture at the foot.

Seed: tests/fixtures/seeds/002_6419208406f8e03b.txt.
"""

from __future__ import annotations

from converter.parse import vocabulary
from converter.parse.front import Front, read_front
from converter.parse.normalize import Line, match_key

NAME = "midru"
# The first lines where the stamp, the title and the switcher stand.
_HEAD_LINES = 40


def detect(lines: list[Line]) -> bool:
    """A page copy carries the language switcher near its head or 'Back to top' separators."""
    head = lines[:_HEAD_LINES]
    return any(vocabulary.RE_LANGUAGE_CODES.match(line.text) for line in head) or any(
        match_key(line.text) in vocabulary.SEPARATORS for line in lines
    )


def read(lines: list[Line], path: str) -> Front:
    return read_front(lines, path)
