"""Source metadata: an optional ``<name>.yml`` beside a transcript, read after parsing.

It may say where the transcript was published (``source_url``), correct the date its title gives (``date``) and
add ``notes``. Any other key, a value of the wrong type or YAML that does not parse is a ``path:line: message``
error; the briefing still converts, without the file's metadata.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from converter.errors import ConverterError
from converter.model import Briefing

SUFFIX = ".yml"
KEYS = ("source_url", "date", "notes")
# 'https://mid.ru/en/foreign_policy/news/1992185/': http(s), a host, no spaces or quotes.
_RE_URL = re.compile(r"https?://[^\s/?#\"'<>]+[^\s\"'<>]*")


class SourceError(ConverterError):
    """A source file that cannot be used; reads ``path:line: message`` like a transcript's errors."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}:{line}: {message}")


@dataclass(frozen=True)
class Source:
    """What a source file says about its transcript; every field is optional."""

    source_url: str | None = None
    date: dt.date | None = None
    notes: str | None = None
    # Not in the file: the date the transcript's title gives, kept when ``date`` corrects it.
    printed_date: dt.date | None = None


def path_for(transcript: Path) -> Path:
    """``corpus/2025-01-23.txt`` -> ``corpus/2025-01-23.yml``."""
    return transcript.with_suffix(SUFFIX)


def load(transcript: Path) -> Source | None:
    """The source file beside ``transcript``, validated; None when there is none (or it is empty)."""
    path = path_for(transcript)
    if not path.is_file():
        return None
    return parse(path.read_text(encoding="utf-8"), str(path))


def parse(text: str, path: str) -> Source | None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SourceError(path, line, f"expected YAML, got a syntax error: {problem}") from None
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        found = "a list" if isinstance(node, yaml.SequenceNode) else repr(node.value)
        raise SourceError(path, node.start_mark.line + 1, f"expected a mapping of {', '.join(KEYS)}, got {found}")
    values: dict[str, object] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = key_node.value
        if key not in KEYS:
            raise SourceError(path, line, f"expected one of {', '.join(KEYS)}, got {key!r}")
        if key in values:
            raise SourceError(path, line, f"expected {key!r} once, got it again")
        value_line = value_node.start_mark.line + 1
        try:
            value = yaml.constructor.SafeConstructor().construct_object(value_node, deep=True)
        except (ValueError, yaml.YAMLError) as error:  # '2025-13-01' reads as a date that cannot be
            raise SourceError(path, value_line, f"expected a valid {key}, got {value_node.value!r} ({error})") from None
        values[key] = _check(key, value, path, value_line)
    return Source(**values)  # type: ignore[arg-type]


def _check(key: str, value: object, path: str, line: int) -> object:
    if value is None:
        return None
    if key == "date":
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise SourceError(path, line, f"expected a date as YYYY-MM-DD, got {value!r}")
        return value
    if not isinstance(value, str):
        raise SourceError(path, line, f"expected text for {key!r}, got {value!r}")
    if key == "source_url" and not _RE_URL.fullmatch(value.strip()):
        raise SourceError(path, line, f"expected an http(s) URL, got {value!r}")
    return value.strip() or None


def apply(briefing: Briefing, source: Source | None) -> Briefing:
    """The briefing with the source file's date, where it gives one (pages are named by the corrected date)."""
    if source is None or source.date is None or source.date == briefing.date:
        return briefing
    return dataclasses.replace(briefing, date=source.date)
