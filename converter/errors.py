"""Errors and diagnostics: what the converter says about a transcript it cannot read, or reads with doubts.

Every message reads ``path:line: expected X, got Y`` on one line, whatever the path or the text quoted holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def printable(text: str) -> str:
    """``text`` with every character that would break a one-line message written as an escape.

    Line breaks, control characters and the surrogates that stand for undecodable bytes of a file name
    (``b'\\xff'`` -> ``'\\udcff'``) become ``\\n``, ``\\x1b``, ``\\udcff``; everything else is kept.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class ConverterError(Exception):
    """Base class of every error the converter raises on purpose."""


class TranscriptParseError(ConverterError):
    """A transcript that cannot be turned into a briefing; reads ``path:line: message``.

    Line 0 stands for the file as a whole (missing, a directory, undecodable): it reads ``path: message``.
    """

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = printable(self.path)
        super().__init__(f"{where}:{line}: {message}" if line else f"{where}: {message}")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A recoverable oddity found while parsing, returned with the result rather than printed."""

    line: int
    message: str

    def format(self, path: str | Path) -> str:
        return f"{printable(str(path))}:{self.line}: {self.message}"
