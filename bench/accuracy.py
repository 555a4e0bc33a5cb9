"""How often the parser puts each paragraph and each question under the right agenda item, on synthetic
transcripts whose truth is known (``bench.synth`` recombines the seeds' items and Q&A topics).

Run: ``.venv/bin/python -m bench.accuracy --count 200``. Results are written down in docs/dev/architecture.md.
"""

from __future__ import annotations

import argparse
import time

from bench import synth
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


if __name__ == "__main__":
    main()
