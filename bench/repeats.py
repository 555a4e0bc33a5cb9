"""``python -m bench.repeats``: how precise the repeated-answer notes are, on a sample read by hand.

The sample: every answer of 40 words or more in the real transcripts of tests/fixtures (the seeds and the layout
fixtures, 2012-2025), each given again in a later synthetic briefing the way a spokesperson reuses text, one
edit regime per answer in turn:

- ``verbatim``: the same answer;
- ``reworded``: a new opening sentence and every tenth word replaced;
- ``trimmed``: the last sentence dropped and a new closing sentence added;
- ``partial``: only the first third given again (at least 40 words), which a reader may or may not call a
  repeat: each flagged one is judged by reading it.

Different real answers are the negatives: every pair of them is compared too.

It builds the pages, runs :func:`converter.repeats.find`, and writes every flagged pair side by side to
bench/out/repeats-sample.md for a reader to judge, with the regime that made it; it prints the counts per regime
and the largest similarity between two different real answers. docs/dev/repeats.md has the judged figures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from converter import links, repeats
from converter.model import Briefing
from converter.parse import parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
OUT = Path(__file__).resolve().parent / "out"
REGIMES = ("verbatim", "reworded", "trimmed", "partial")
_RE_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def real_answers() -> list[tuple[Briefing, str, str]]:
    found = []
    for path in sorted(FIXTURES.glob("*/*.txt")):
        if path.parent.name == "bad":
            continue
        briefing = parse_file(path)
        for exchange in briefing.exchanges:
            text = "\n".join(p.text for a in exchange.answers for p in a.paragraphs)
            if len(repeats.ledger.words(text)) >= repeats.MIN_WORDS:
                found.append((briefing, exchange.anchor, text))
    return found


def edit(regime: str, text: str) -> str:
    words = text.split()
    if regime == "verbatim":
        return text
    if regime == "reworded":
        changed = [("various" if i % 10 == 5 else w) for i, w in enumerate(words)]
        return "As I have already said, our position has not changed. " + " ".join(changed)
    if regime == "trimmed":
        sentences = _RE_SENTENCE.split(" ".join(words))
        kept = sentences[:-1] if len(sentences) > 2 else sentences
        return " ".join(kept) + " We will keep following the developments closely."
    return " ".join(words[: max(len(words) // 3, repeats.MIN_WORDS)])


def _page(n: int, date: dt.date, answers: list[str]) -> links.Page:
    from converter.parse import parse_text

    lines = [f"Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, {date:%B} {date.day}, {date.year}",
             "Answers to media questions:", "- Questions", "Answers to media questions:", "Questions"]
    for k, answer in enumerate(answers, 1):
        lines += [f"Question: Question {k}?", "Maria Zakharova: " + " ".join(answer.split())]
    return links.Page(f"briefings/{date.year}/{date.isoformat()}.md", parse_text("\n".join(lines) + "\n", f"{n}.txt"),
                      frozenset())


def main() -> None:
    answers = real_answers()
    pages = []
    for briefing, _anchor, _text in answers:
        pages.append(links.Page(f"briefings/real/{briefing.source}.md", briefing, frozenset()))
    pages = list({page.path: page for page in pages}.values())
    later: list[str] = []
    made: list[tuple[str, int]] = []  # (regime, index of the real answer)
    for n, (_briefing, _anchor, text) in enumerate(answers):
        regime = REGIMES[n % len(REGIMES)]
        later.append(edit(regime, text))
        made.append((regime, n))
    day = dt.date(2026, 1, 1)
    for chunk in range(0, len(later), 5):
        pages.append(_page(chunk, day + dt.timedelta(days=chunk), later[chunk:chunk + 5]))
    found = repeats.find(pages)
    by_text = {repeats.shingles(text): n for n, (_b, _a, text) in enumerate(answers)}
    rows = []
    counts = {regime: [0, 0] for regime in REGIMES}  # regime -> [made, flagged]
    for k, (regime, _n) in enumerate(made):
        counts[regime][0] += 1
        page = pages[-1 - (len(later) - 1) // 5 + k // 5]
        key = (page.path, f"q{k % 5 + 1}")
        if key in found:
            counts[regime][1] += 1
            first = found[key].first
            original = next(t for b, a, t in answers if f"briefings/real/{b.source}.md" == first.page
                            and a == first.anchor)
            rows.append((regime, found[key].similarity, original, later[k]))
    pairs = [repeats.jaccard(a, b) for a, b in itertools.combinations(by_text, 2)]
    distinct = max(pairs)
    OUT.mkdir(exist_ok=True)
    with (OUT / "repeats-sample.md").open("w", encoding="utf-8") as out:
        for number, (regime, similarity, original, again) in enumerate(rows, 1):
            out.write(f"## {number}. {regime}, similarity {similarity}\n\nFIRST: {original}\n\nAGAIN: {again}\n\n")
    print(f"real answers: {len(answers)}; {len(pairs)} pairs of different real answers, "
          f"{sum(p >= repeats.THRESHOLD for p in pairs)} at or above the threshold, the largest {distinct:.3f}")
    print("| regime | given again | flagged |\n|---|---|---|")
    for regime, (total, flagged) in counts.items():
        print(f"| {regime} | {total} | {flagged} |")
    print(f"flagged pairs written to {OUT / 'repeats-sample.md'}: {len(rows)}")


if __name__ == "__main__":
    main()
