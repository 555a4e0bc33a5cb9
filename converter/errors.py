"""Errors and diagnostics: what the converter says about a transcript it cannot read, or reads with doubts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A recoverable oddity found while parsing, returned with the result rather than printed."""

    line: int
    message: str

    def format(self, path: str | Path) -> str:
        return f"{path}:{self.line}: {self.message}"
