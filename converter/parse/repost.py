"""Reposts of a transcript on other sites and channels: a site banner and section names above the title, a
date line, image captions, single answers with emoji labels ('❓ Question:', '💬 Maria Zakharova:'),
sometimes pasted twice by the reposting channel.

Fixtures: tests/fixtures/repost/.
"""

from __future__ import annotations

import re

from converter.parse import dates
from converter.parse.front import Front, is_title, read_front
from converter.parse.normalize import Line

NAME = "repost"
# Channels paste the same post twice: a long line that repeats an earlier one is left out (and reported).
DROP_REPEATED_LINES = True
# How far down a repost's title may stand.
_HEAD_LINES = 60
# An emoji or symbol before a Q&A label: '❓ Question:', '💬 Maria Zakharova:'.
_RE_EMOJI_LABEL = re.compile(r"^[^\w\s(«“\"']{1,4}\s*[A-Z][\w.’' ()-]{2,60}:")


def detect(lines: list[Line]) -> bool:
    """Lines above the title that are no date stamps (a banner, a section), or emoji-labelled answers."""
    head = lines[:_HEAD_LINES]
    title = next((index for index, line in enumerate(head) if is_title(line.text)), None)
    if title is not None and any(
        not line.blank and dates.parse_stamp(line.text) is False for line in head[:title]
    ):
        return True
    return any(_RE_EMOJI_LABEL.match(line.text) for line in lines)


def read(lines: list[Line], path: str) -> Front:
    return read_front(lines, path)
