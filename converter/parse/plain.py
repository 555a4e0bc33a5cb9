"""Plain-text transcripts: the title on the first line, a '- ' bulleted agenda, bare heading lines (some
missing), then 'Question:' / 'Maria Zakharova:' paragraphs with no topic headings; no blank lines.

Seed: tests/fixtures/seeds/000_2020ac7f1ecb7824.txt. Also the fallback for any text no other layout claims.
"""

from __future__ import annotations

from converter.parse.front import Front, read_front
from converter.parse.normalize import Line

NAME = "plain"


def detect(lines: list[Line]) -> bool:
    return True


def read(lines: list[Line], path: str) -> Front:
    return read_front(lines, path)
