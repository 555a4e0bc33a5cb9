"""Small transcripts written by the archive tests: a title, an agenda, statements and Q&A topics."""

from __future__ import annotations

from pathlib import Path

from converter import links
from converter.model import Briefing
from converter.parse import parse_text

Statement = tuple[str, str]  # (title, paragraph)
QATopic = tuple[str, list[str]]  # (title, questions)


def transcript(date: str, statements: list[Statement], topics: list[QATopic],
               speaker: str = "Maria Zakharova", title: str = "Foreign Ministry Spokeswoman") -> str:
    """A plain-layout transcript: 'Briefing by … {date}', a '- ' agenda with a Q&A divider, the body."""
    lines = [f"Briefing by {title} {speaker}, Moscow, {date}"]
    lines += [f"- {t}" for t, _ in statements]
    if topics:
        lines += ["Answers to media questions:", *(f"- {t}" for t, _ in topics)]
    for heading, text in statements:
        lines += [heading, text]
    if topics:
        lines.append("Answers to media questions:")
    for heading, questions in topics:
        lines.append(heading)
        for question in questions:
            lines += [f"Question: {question}", f"{speaker}: We have answered this before."]
    return "\n".join(lines) + "\n"


def briefing(date: str, statements: list[Statement], topics: list[QATopic], name: str = "x.txt",
             speaker: str = "Maria Zakharova") -> Briefing:
    return parse_text(transcript(date, statements, topics, speaker), name)


def pages(*briefings: Briefing) -> list[links.Page]:
    return links.collect(list(briefings))


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
