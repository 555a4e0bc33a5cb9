"""How often the parser puts each paragraph and each question under the right agenda item, on synthetic
transcripts whose truth is known (``bench.synth`` recombines the seeds' items and Q&A topics); and, on the same
briefings wrapped in generated site furniture (issue 14, family 1), how often it reads the title, date, speaker
and agenda right and removes the furniture.

Run: ``.venv/bin/python -m bench.accuracy --count 200``. Results are written down in docs/dev/architecture.md.
"""

from __future__ import annotations

import argparse
import time

from bench import synth
from converter.errors import TranscriptParseError
from converter.parse import parse_text


def measure(count: int, seed: int = 0) -> dict[str, float]:
    statements, topics = synth.pools()
    truth: dict[str, str] = {}
    for statement in statements:
        for paragraph in statement.paragraphs:
            truth.setdefault(paragraph, statement.title)
    for topic in topics:
        for question, _answers in topic.exchanges:
            truth.setdefault(question[0], topic.title)
    paragraphs = paragraphs_right = questions = questions_right = empty = items = 0
    started = time.perf_counter()
    for index, date in enumerate(synth.dates(count, seed)):
        briefing = parse_text(synth.transcript(index, date, seed, statements, topics), f"{date}.txt")
        for section in briefing.sections:
            items += 1
            empty += not section.paragraphs and not section.exchanges
            for paragraph in section.paragraphs:
                if paragraph.text in truth:
                    paragraphs += 1
                    paragraphs_right += truth[paragraph.text] == section.title
            for exchange in section.exchanges:
                text = exchange.question.paragraphs[0].text
                if text in truth:
                    questions += 1
                    questions_right += truth[text] == section.title
    return {
        "briefings": count,
        "seconds": time.perf_counter() - started,
        "paragraphs": paragraphs_right / paragraphs,
        "questions": questions_right / questions,
        "empty_items": empty / items,
    }


def measure_pages(count: int, seed: int = 0) -> dict[str, float]:
    """Title, date, speaker and agenda accuracy on ``count`` republished pages, and the furniture removed."""
    right = {"title": 0, "date": 0, "speaker": 0, "agenda": 0}
    refused = furniture = furniture_removed = 0
    started = time.perf_counter()
    pages = synth.pages(count, seed)
    for page in pages:
        furniture += len(page.furniture)
        try:
            briefing = parse_text(page.text, f"{page.date}.txt")
        except TranscriptParseError:
            refused += 1
            continue
        right["title"] += briefing.title == page.title
        right["date"] += briefing.date == page.date
        right["speaker"] += briefing.speaker == page.speaker
        right["agenda"] += tuple(item.title for item in briefing.agenda) == page.agenda
        furniture_removed += len(page.furniture & set(briefing.boilerplate_lines))
    return {
        "pages": count,
        "seconds": time.perf_counter() - started,
        **{key: value / count for key, value in right.items()},
        "refused": refused / count,
        "furniture_removed": furniture_removed / furniture,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    result = measure(args.count, args.seed)
    print(
        f"{result['briefings']} briefings in {result['seconds']:.1f} s: paragraphs right "
        f"{result['paragraphs']:.2%}, questions right {result['questions']:.2%}, "
        f"empty items {result['empty_items']:.2%}"
    )
    pages = measure_pages(args.count, args.seed)
    print(
        f"{pages['pages']} republished pages in {pages['seconds']:.1f} s: title right {pages['title']:.2%}, "
        f"date {pages['date']:.2%}, speaker {pages['speaker']:.2%}, agenda {pages['agenda']:.2%}, "
        f"refused {pages['refused']:.2%}, furniture lines removed {pages['furniture_removed']:.2%}"
    )


if __name__ == "__main__":
    main()
