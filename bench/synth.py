"""A synthetic corpus in the real layouts: agenda items and Q&A exchanges of the seeds, recombined.

``python -m bench.synth --count 300 --out /tmp/corpus`` writes 300 transcripts named by date, spread over
2010-2026, by several speakers, half as plain text and half as mid.ru page copies, some items without a
heading in the body. The same ``--seed`` gives the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from converter.model import Kind
from converter.parse import parse_file

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
# (name, title in the briefing's title line)
SPEAKERS = [
    ("Maria Zakharova", "Foreign Ministry Spokeswoman"),
    ("Maria Zakharova", "Foreign Ministry Spokeswoman"),
    ("Maria Zakharova", "Foreign Ministry Spokeswoman"),
    ("Alexander Lukashevich", "Foreign Ministry Spokesman"),
    ("Andrei Kozhin", "Deputy Foreign Ministry Spokesman"),
    ("Artyom Kozhin", "Deputy Director of the Foreign Ministry Information and Press Department"),
]
PLACES = ["Moscow", "Moscow", "Moscow", "St Petersburg", "Artek, Crimea"]
FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2026, 11, 30)


@dataclass(frozen=True)
class Statement:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    title: str
    exchanges: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...]  # (question, answers)


def pools() -> tuple[list[Statement], list[Topic]]:
    """The seeds' statements and Q&A topics, as text to recombine."""
    statements: list[Statement] = []
    topics: list[Topic] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for section in parse_file(path).sections:
            if section.kind is Kind.STATEMENT and section.paragraphs:
                statements.append(Statement(section.title, tuple(p.text for p in section.paragraphs)))
            elif section.exchanges:
                topics.append(Topic(section.title, tuple(
                    (
                        tuple(p.text for p in e.question.paragraphs),
                        tuple(tuple(p.text for p in a.paragraphs) for a in e.answers),
                    )
                    for e in section.exchanges
                )))
    return statements, topics


def _title(speaker: tuple[str, str], place: str, date: dt.date) -> str:
    return f"Briefing by {speaker[1]} {speaker[0]}, {place}, {date:%B} {date.day}, {date.year}"


def _body(rng: random.Random, statements: list[Statement], topics: list[Topic], midru: bool,
          speaker: str) -> tuple[list[str], list[str], list[str]]:
    chosen_statements = rng.sample(statements, k=min(len(statements), rng.randint(8, 16)))
    chosen_topics = rng.sample(topics, k=min(len(topics), rng.randint(8, 26)))
    gap = ["", ""] if midru else []
    sep = ["", "Back to top", ""] if midru else []
    body: list[str] = []
    for statement in chosen_statements:
        # One heading in ten is missing, as in the real transcripts.
        if rng.random() > 0.1:
            body += [statement.title, *gap]
        for paragraph in statement.paragraphs:
            body += [paragraph, ""] if midru else [paragraph]
        body += sep
    if midru:
        body += ["Answers to media questions:", ""]
    for topic in chosen_topics:
        for question, answers in topic.exchanges:
            body += [f"Question: {question[0]}", *question[1:]]
            for answer in answers:
                body += [f"{speaker}: {answer[0]}" if answer else f"{speaker}:", *answer[1:]]
        body += sep
    return [s.title for s in chosen_statements], [t.title for t in chosen_topics], body


def transcript(index: int, date: dt.date, seed: int, statements: list[Statement], topics: list[Topic]) -> str:
    """One synthetic transcript; even indexes are plain text, odd ones mid.ru page copies."""
    rng = random.Random(seed * 1_000_003 + index)
    speaker = rng.choice(SPEAKERS)
    place = rng.choice(PLACES)
    midru = index % 2 == 1
    statement_titles, topic_titles, body = _body(rng, statements, topics, midru, speaker[0])
    title = _title(speaker, place, date)
    if not midru:
        agenda = [f"- {t}" for t in statement_titles + topic_titles]
        return "\n".join([title, *agenda, *body]) + "\n"
    head = [f"{date.day} {date:%B} {date.year}{rng.randint(10, 20)}:{rng.randint(10, 59)}", "", title, "", "",
            "  • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1", "", "Table of contents", ""]
    toc = [f"  {n}. {t}" for n, t in enumerate(statement_titles, 1)]
    toc += ["", "Answers to media questions:", ""]
    toc += [f"  {n}. {t}" for n, t in enumerate(topic_titles, 1)]
    foot = ["", "Additional materials", "", "", "Advanced settings"]
    return "\n".join([*head, *toc, "", "", "", *body, *foot])


def dates(count: int, seed: int) -> list[dt.date]:
    """``count`` distinct dates spread over 2010-2026, in order."""
    days = (LAST_DAY - FIRST_DAY).days
    rng = random.Random(seed)
    return sorted(FIRST_DAY + dt.timedelta(days=d) for d in rng.sample(range(days), k=count))


def write_corpus(count: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` transcripts into ``out``; returns their paths."""
    statements, topics = pools()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, date in enumerate(dates(count, seed)):
        path = out / f"{date.isoformat()}.txt"
        path.write_text(transcript(index, date, seed, statements, topics), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_corpus(args.count, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} transcripts, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
