"""What a build did and found: problems located by file and line, pages written and removed, lines left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from converter import ledger, links
from converter.errors import printable

if TYPE_CHECKING:
    from converter.build.corpus import Transcript

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """An error (the file could not be converted) or a warning, located by file and line.

    It prints as one line, ``path:line: severity: message``, whatever the path holds (see errors.printable).
    """

    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity}: {printable(self.message)}"


@dataclass
class Report:
    """What a build did and found; ``transcripts`` maps a transcript's file name to its path in the corpus.

    ``sources`` maps each page's path to its transcript; ``converted`` counts the transcripts parsed by this
    build, ``reused`` those taken from the cache.
    """

    pages: list[links.Page] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    boilerplate: list[tuple[str, int, str]] = field(default_factory=list)
    transcripts: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Transcript] = field(default_factory=dict)
    converted: int = 0
    reused: int = 0
    # Each cached transcript's key (converter.build.cache.key) by its path: what its conversion is kept under.
    transcript_keys: dict[str, str] = field(default_factory=dict)
    # Each page's converter.build.cache.page_key: what the values made from one page are cached under.
    page_keys: dict[str, str] = field(default_factory=dict)
    # The ledger's view of this build (None when the build has no ledger): ids, aliases, redirects, losses.
    resolution: ledger.Resolution | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]
