"""The dataset: rows for every agenda item and exchange, ids equal to the page anchors, three files that agree."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from converter import build, topics
from converter.build import verify
from converter.exports import dataset

from .conftest import SEEDS
from .transcripts import briefing, pages


def _text(data: bytes | str) -> str:
    """A data file's text: the files are gzip-compressed."""
    assert isinstance(data, bytes) and data[:2] == b"\x1f\x8b", "expected a gzip file"
    return gzip.decompress(data).decode("utf-8")


def _files(site_url: str | None = None) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
    corpus = pages(
        briefing("January 23, 2025", [("NATO plans", "Text one.\n\nText two.")],
                 [("Trade with China", ["What about China?", "And NATO?"])], "a.txt"),
        briefing("January 30, 2025", [("NATO summit", "More.")], [], "b.txt"),
    )
    entries = [dataset.Entry(page) for page in corpus]
    made = dataset.files(entries, topics.build(corpus), site_url)
    return entries, {path: _text(data) if path.endswith(".gz") else str(data) for path, data in made.items()}


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
    # Without a public address, relative to the data files' folder: usable from where the file sits.
    assert q2["url"] == "../briefings/2025/2025-01-23/#q2"
    assert q2["speaker"] == "Maria Zakharova" and q2["date"] == "2025-01-23"
    assert list(rows[0]) == [field.name for field in dataset.ITEM_FIELDS]


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
    rows = list(csv.DictReader(io.StringIO(_text((docs / dataset.ITEMS).read_bytes()))))
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


def _dataset(site_url: str | None = None) -> tuple[list, dataset.Dataset]:  # type: ignore[type-arg]
    corpus = pages(
        briefing("January 23, 2025", [("NATO plans", "Text one.\n\nText two.")],
                 [("Trade with China", ["What about China?\n\nA second paragraph.", "And NATO?"])], "a.txt"),
        briefing("January 30, 2025", [("NATO summit", "More.")], [], "b.txt"),
    )
    entries = [dataset.Entry(page) for page in corpus]
    return entries, dataset.build(entries, topics.build(corpus), site_url)


def test_schema_page_documents_every_field_and_counts_rows_not_lines() -> None:
    entries, data = _dataset()
    page = dataset.schema_page(entries, data)
    for field in dataset.ITEM_FIELDS + dataset.BRIEFING_FIELDS:
        assert f"- `{field.name}` ({field.type}): " in page
    assert "(data/items.csv.gz)" in page and "(data/qa.jsonl.gz)" in page and "(data/briefings.jsonl.gz)" in page
    assert "(data/datapackage.json)" in page
    # A question of two paragraphs is one row of the CSV, though it spans several lines of the file.
    items = _text(data.files[dataset.ITEMS])
    assert items.count("\n") - 1 > 5
    assert "each of the 2 briefings" in page and "each of the 2 Q&A exchanges" in page
    assert "the same 5 agenda items and exchanges" in page
    assert "## Feeds" not in page  # no feeds without a public address


def test_data_files_are_the_same_bytes_for_the_same_corpus() -> None:
    assert _dataset("https://example.org/")[1].files == _dataset("https://example.org/")[1].files


def test_data_package_describes_every_file_and_field() -> None:
    _entries, data = _dataset("https://example.org/site/")
    described = json.loads(str(data.files[dataset.PACKAGE]))
    resources = {r["name"]: r for r in described["resources"]}
    assert {r["path"] for r in resources.values()} == {"briefings.jsonl.gz", "qa.jsonl.gz", "items.csv.gz"}
    assert all(r["compression"] == "gz" for r in resources.values())
    items = {f["name"]: f for f in resources["items"]["schema"]["fields"]}
    assert [f["name"] for f in resources["items"]["schema"]["fields"]] == [f.name for f in dataset.ITEM_FIELDS]
    assert items["date"]["type"] == "date" and items["n"]["type"] == "integer"
    assert items["topics"]["type"] == "string"  # joined in the CSV; a list in the JSON files
    assert {f["name"]: f for f in resources["qa"]["schema"]["fields"]}["topics"]["type"] == "array"
    assert items["url"]["format"] == "uri"
    assert resources["qa"]["schema"]["foreignKeys"][0]["reference"] == {"resource": "briefings", "fields": ["id"]}
    assert described["homepage"] == "https://example.org/site/data/"


# --- compressed a briefing at a time ----------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.binary(max_size=3000))
def test_crc32_combine_gives_the_crc_of_two_texts_end_to_end(first: bytes, second: bytes) -> None:
    assert dataset.crc32_combine(zlib.crc32(first), zlib.crc32(second), len(second)) == zlib.crc32(first + second)


def test_shares_compressed_apart_make_one_gzip_member_of_the_whole_text(tmp_path: Path) -> None:
    texts = ["id,title\n", "", "1,Ünïcode\n" * 500, "2,“quoted”\n" * 3]
    chunks = [dataset.chunk([text]) for text in texts]
    packed = dataset.pack((c.packed[0], c.crcs[0], c.sizes[0]) for c in chunks)
    # One member, one deflate stream: zlib reads it to its end with nothing left over, trailer checked.
    reader = zlib.decompressobj(wbits=31)
    assert reader.decompress(packed).decode("utf-8") == "".join(texts)
    assert reader.eof and reader.unused_data == b""
    # gzip(1) checks the CRC and the length in the trailer.
    (tmp_path / "items.csv.gz").write_bytes(packed)
    checked = subprocess.run(["gzip", "--test", "--verbose", str(tmp_path / "items.csv.gz")],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stderr.strip().endswith("OK"), checked.stderr


def test_a_briefings_share_is_reused_while_its_rows_are_the_same() -> None:
    corpus = pages(
        briefing("January 23, 2025", [("NATO plans", "Text one.")], [("Trade", ["What about China?"])], "a.txt"),
        briefing("January 30, 2025", [("NATO summit", "More.")], [], "b.txt"),
    )
    entries = [dataset.Entry(page) for page in corpus]
    kept: dict[str, dataset.Chunk] = {}
    made: list[str] = []

    def reuse(inputs: object, make: Callable[[], dataset.Chunk]) -> dataset.Chunk:
        name = repr(inputs)
        if name not in kept:
            made.append(name)
            kept[name] = make()
        return kept[name]

    plain = dataset.build(entries, topics.build(corpus))
    first = dataset.build(entries, topics.build(corpus), reuse=reuse)
    assert len(made) == 2 and first.files == plain.files
    again = dataset.build(entries, topics.build(corpus), reuse=reuse)
    assert len(made) == 2 and again.files == plain.files  # nothing compressed again
    moved = dataset.build(entries, topics.build(corpus), "https://example.org/", reuse=reuse)
    assert len(made) == 4  # every row's URL changed: every share is made again
    assert "https://example.org/briefings/2025/2025-01-23/#q1" in _text(moved.files[dataset.QA])
