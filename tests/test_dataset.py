"""The dataset: rows for every agenda item and exchange, ids equal to the page anchors, three files that agree."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import markdown

from converter import build, topics
from converter.build import verify
from converter.exports import dataset

from .conftest import SEEDS
from .transcripts import briefing, pages


def _files(site_url: str | None = None) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
    corpus = pages(
        briefing("January 23, 2025", [("NATO plans", "Text one.\n\nText two.")],
                 [("Trade with China", ["What about China?", "And NATO?"])], "a.txt"),
        briefing("January 30, 2025", [("NATO summit", "More.")], [], "b.txt"),
    )
    entries = [dataset.Entry(page) for page in corpus]
    return entries, dataset.files(entries, topics.build(corpus), site_url)


def test_rows_cover_every_item_and_exchange_with_anchor_ids() -> None:
    _entries, files = _files()
    rows = list(csv.DictReader(io.StringIO(files[dataset.ITEMS])))
    assert [(r["id"], r["kind"], r["n"]) for r in rows] == [
        ("2025-01-23#nato-plans", "statement", "1"),
        ("2025-01-23#trade-with-china", "qa", "2"),
        ("2025-01-23#q1", "exchange", "1"),
        ("2025-01-23#q2", "exchange", "2"),
        ("2025-01-30#nato-summit", "statement", "1"),
    ]
    q2 = rows[3]
    assert q2["question"] == "And NATO?"
    assert q2["answer"] == "We have answered this before."
    assert q2["title"] == "Trade with China" and q2["section"] == "trade-with-china"
    assert q2["topics"] == "nato"
    assert q2["url"] == "briefings/2025/2025-01-23/#q2"
    assert q2["speaker"] == "Maria Zakharova" and q2["date"] == "2025-01-23"
    assert list(rows[0]) == [name for name, _ in dataset.ITEM_FIELDS]


def test_jsonl_files_hold_the_same_rows_as_the_csv() -> None:
    _entries, files = _files("https://example.org")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files[dataset.ITEMS]))}
    briefings = [json.loads(line) for line in files[dataset.BRIEFINGS].splitlines()]
    exchanges = [json.loads(line) for line in files[dataset.QA].splitlines()]
    from_json = [item for b in briefings for item in b["items"]] + exchanges
    assert sorted(row["id"] for row in from_json) == sorted(rows)
    for row in from_json:
        flat = {k: (";".join(v) if isinstance(v, list) else str(v)) for k, v in row.items()}
        assert {k: rows[row["id"]][k] for k in flat} == flat
    assert briefings[0]["url"] == "https://example.org/briefings/2025/2025-01-23/"
    assert briefings[0]["questions"] == 2 and briefings[0]["statements"] == 1 and briefings[0]["qa_topics"] == 1


def _anchors(page: str) -> set[str]:
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=verify.MARKDOWN_EXTENSIONS)
    # Every element's id but the title's (the toc extension gives the h1 one of its own).
    return set(re.findall(r'<(?!h1\b)\w+[^>]* id="([^"]+)"', html))


def test_dataset_rows_and_page_anchors_match_one_to_one(tmp_path: Path) -> None:
    """On the seeds: every row is an anchor of its page, and every item or exchange anchor is a row."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    docs = tmp_path / "docs"
    report = build.build(corpus, docs)
    assert report.errors == []
    rows = list(csv.DictReader(io.StringIO((docs / dataset.ITEMS).read_text(encoding="utf-8"))))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    expected = set()
    for page in report.pages:
        page_id = page.path.rsplit("/", 1)[1].removesuffix(".md")
        on_page = _anchors((docs / page.path).read_text(encoding="utf-8"))
        items = {s.anchor for s in page.briefing.sections} | {e.anchor for e in page.briefing.exchanges}
        assert items <= on_page
        # Page anchors beyond the items are the page's own: agenda, introduction, the Q&A heading.
        assert on_page - items <= {"agenda", "introduction", "answers-to-media-questions"}
        expected |= {f"{page_id}#{anchor}" for anchor in items}
    assert set(ids) == expected
    assert len(rows) == 12 + 25 + 31 + 14 + 5 + 6


def test_schema_page_documents_every_field() -> None:
    entries, files = _files()
    page = dataset.schema_page(entries, files)
    for name, _meaning in dataset.ITEM_FIELDS + dataset.BRIEFING_FIELDS:
        assert f"- `{name}`: " in page
    assert "(data/items.csv)" in page and "(data/qa.jsonl)" in page and "(data/briefings.jsonl)" in page
