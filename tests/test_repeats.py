"""Repeated answers: an answer that largely repeats one of an earlier briefing links the earliest one."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from converter import build, repeats

from .transcripts import write

PREPARED = (
    "We have repeatedly stated our position on this matter. The Russian side proceeds from the premise that all "
    "disputes must be settled by political and diplomatic means, on the basis of international law and with due "
    "regard for the legitimate interests of all parties. We call on our partners to refrain from steps that could "
    "lead to a further escalation of tension in the region and to return to constructive dialogue without "
    "preconditions, as agreed by the leaders at their last meeting."
)
# The same prepared answer, given again with a new opening and two small edits.
AGAIN = (
    "Thank you for the question. " + PREPARED.replace("repeatedly stated", "stated many times")
    .replace("at their last meeting", "at their meeting in March")
)
OTHER = (
    "The Russian side is providing humanitarian assistance to the residents of the region. Our experts have been "
    "working there since November, clearing mines, giving medical care and patrolling the area to prevent "
    "emergencies in bad weather. All matters related to this work are the competence of the Emergencies Ministry, "
    "and you can request more information from them; the ministry publishes a daily update on its website."
)


def _briefing(date: str, answers: list[str]) -> str:
    lines = [f"Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, {date}",
             "Answers to media questions:", "- Regional settlement", "Answers to media questions:",
             "Regional settlement"]
    for number, answer in enumerate(answers, 1):
        lines += [f"Question: What is your position on the settlement, part {number}?", f"Maria Zakharova: {answer}"]
    return "\n".join(lines) + "\n"


def _corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    write(corpus, "a.txt", _briefing("March 3, 2021", [OTHER, PREPARED]))
    write(corpus, "b.txt", _briefing("May 5, 2022", ["No comment.", AGAIN, OTHER.replace("November", "June")]))
    write(corpus, "c.txt", _briefing("June 9, 2023", [PREPARED.replace("Russian side", "Russian Federation")]))
    write(corpus, "d.txt", _briefing("July 1, 2024", [OTHER[: len(OTHER) // 3]]))
    return corpus


def test_a_repeated_answer_links_the_earliest_answer_it_repeats(tmp_path: Path) -> None:
    report = build.build(_corpus(tmp_path), tmp_path / "docs")
    found = repeats.find(report.pages)
    assert {key: (r.first.id, r.similarity >= repeats.THRESHOLD) for key, r in found.items()} == {
        ("briefings/2022/2022-05-05.md", "q2"): ("2021-03-03#q2", True),  # the prepared answer, edited
        ("briefings/2022/2022-05-05.md", "q3"): ("2021-03-03#q1", True),  # one word changed
        ("briefings/2023/2023-06-09.md", "q1"): ("2021-03-03#q2", True),  # the earliest, not the 2022 one
    }
    # A third of an answer is not a repeat of it, and 'No comment.' is too short to count.
    assert repeats.jaccard(repeats.shingles(OTHER), repeats.shingles(OTHER[: len(OTHER) // 3])) < repeats.THRESHOLD


def test_different_answers_on_one_subject_are_not_repeats() -> None:
    assert repeats.jaccard(repeats.shingles(PREPARED), repeats.shingles(OTHER)) < 0.05
    assert repeats.jaccard(repeats.shingles(PREPARED), repeats.shingles(AGAIN)) >= repeats.THRESHOLD


def test_the_page_notes_the_repeat_under_the_answer_and_the_dataset_gives_its_id(tmp_path: Path) -> None:
    build.build(_corpus(tmp_path), tmp_path / "docs")
    page = (tmp_path / "docs" / "briefings/2023/2023-06-09.md").read_text(encoding="utf-8")
    exchange = page[page.index('<div class="exchange" id="q1" markdown>'):]
    exchange = exchange[: exchange.index("</div>")]
    assert ("This answer largely repeats one first given on [March 3, 2021, question 2](../2021/2021-03-03.md#q2) "
            "(") in exchange and "% of their three-word phrases in common).\n{: .repeat }" in exchange
    with gzip.open(tmp_path / "docs/data/qa.jsonl.gz", "rt", encoding="utf-8") as file:
        rows = [json.loads(line) for line in file]
    assert {row["id"]: row["repeats"] for row in rows if row["repeats"]} == {
        "2022-05-05#q2": "2021-03-03#q2", "2022-05-05#q3": "2021-03-03#q1", "2023-06-09#q1": "2021-03-03#q2",
    }
