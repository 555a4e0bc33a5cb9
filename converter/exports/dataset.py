"""The dataset: every briefing, agenda item and Q&A exchange as rows, with the ids of the page anchors.

``data/briefings.jsonl`` has one object per briefing, its agenda items inside; ``data/qa.jsonl`` one object
per Q&A exchange; ``data/items.csv`` one row per agenda item and per exchange (both, flat). An item's id is
its briefing's id and its anchor, ``2025-01-23#q6``, so a row and the page's anchor match one to one. The
fields are described once, here, for the files and for the schema page (``data.md``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from converter import links, repeats, stories
from converter.model import Briefing, Exchange, Kind, Section, Turn
from converter.topics import Index

BRIEFINGS = f"{links.DATA_DIR}/briefings.jsonl"
QA = f"{links.DATA_DIR}/qa.jsonl"
ITEMS = f"{links.DATA_DIR}/items.csv"
EXCHANGE = "exchange"
# Separates the topics of one row in the CSV (topic slugs never hold it).
TOPIC_SEPARATOR = ";"
# Fields that hold lists: JSON lists in the JSONL files, joined by TOPIC_SEPARATOR in the CSV.
LISTS = ("topics", "earlier", "later")

# (field, meaning) of a row of items.csv, of qa.jsonl, and of the items inside briefings.jsonl.
ITEM_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "The row's id: the briefing's id, `#`, and the anchor on the briefing's page (`2025-01-23#q6`). Ids are "
           "stable: once published, a correction of the transcript never gives them to other text."),
    ("briefing", "The briefing's id (see `briefings.jsonl`)."),
    ("date", "The briefing's date, `YYYY-MM-DD` (empty when the transcript gives none)."),
    ("speaker", "The briefing's speaker (canonical name)."),
    ("kind", "`statement` (an agenda item of the opening statement), `qa` (a Q&A topic of the agenda) or "
             "`exchange` (one question with its answers)."),
    ("n", "An agenda item's number in the agenda; an exchange's number on the page (`q6` is 6, unless a correction "
          "inserted questions: ids stay as published, see `anchors.lock`)."),
    ("section", "The anchor of the agenda item the row is or belongs to."),
    ("title", "The agenda item's title; for an exchange, the title of its Q&A topic."),
    ("topics", "The topics the row is listed under: slugs of the pages `topics/<slug>/` "
               f"(a list in JSON, joined by `{TOPIC_SEPARATOR}` in the CSV)."),
    ("earlier", "For an agenda item: where its stories were before, the id of the item on the same topic in the "
                "nearest earlier briefing, one per story (a list in JSON, joined by `;` in the CSV)."),
    ("later", "The same, in the nearest later briefing."),
    ("repeats", "For an exchange whose answer largely repeats one given in an earlier briefing: the id of the "
                "earliest such answer (`docs/dev/repeats.md`); empty otherwise."),
    ("question", "An exchange's question, paragraphs separated by a blank line."),
    ("outlet", "The outlet the question's label names (`Question (RIA Novosti):`), if any."),
    ("answer", "An exchange's answers; where several people answer, each answer opens with its label."),
    ("text", "A statement's own text, paragraphs separated by a blank line."),
    ("url", "The page and anchor: absolute under the site's `site_url`, else relative to the site's root."),
)
BRIEFING_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "The briefing's id: its date (`2025-01-23`), `-2` for a second briefing that day, "
           "`undated/<file name>` without a date."),
    ("date", "`YYYY-MM-DD`, from the title or from the transcript's source file where that corrects it."),
    ("title", "The title line as printed."),
    ("speaker", "The speaker's canonical name."),
    ("speaker_title", "E.g. `Foreign Ministry Spokeswoman`."),
    ("place", "E.g. `Moscow`."),
    ("language", "`en` (or `es`)."),
    ("source", "The transcript's file name in the corpus."),
    ("source_url", "Where the transcript was published, where known."),
    ("notes", "Notes from the transcript's source file."),
    ("url", "The briefing's page."),
    ("statements", "How many agenda items the opening statement has."),
    ("qa_topics", "How many Q&A topics the agenda has."),
    ("questions", "How many questions the page has."),
    ("items", "The agenda items, as rows with the fields below (without `question`, `outlet`, `answer`); "
              "the exchanges are in `qa.jsonl`."),
)


@dataclass(frozen=True)
class Entry:
    """One briefing page as the dataset sees it."""

    page: links.Page
    source_url: str | None = None
    notes: str | None = None


def _text(paragraphs: Sequence[Any]) -> str:
    return "\n\n".join(p.text for p in paragraphs if p.text)


def _answers(answers: Sequence[Turn]) -> str:
    if len(answers) == 1:
        return _text(answers[0].paragraphs)
    return "\n\n".join(f"{turn.label}: {_text(turn.paragraphs)}".strip() for turn in answers)


def _ids(told: stories.Stories, page: str, anchor: str, side: str) -> list[str]:
    """The ids of one side of an item's stories, each once, in the order of its topics."""
    found = (getattr(story, side) for story in told.get(page, {}).get(anchor, ()))
    return list(dict.fromkeys(mention.id for mention in found if mention is not None))


def _row(briefing: Briefing, page: links.Page, section: Section, exchange: Exchange | None, n: int,
         topics: Index, site_url: str | None, told: stories.Stories,
         repeated: Mapping[tuple[str, str], repeats.Repeat]) -> dict[str, Any]:
    anchor = exchange.anchor if exchange else section.anchor
    briefing_id = links.page_id(page.path)
    return {
        "id": f"{briefing_id}#{anchor}",
        "briefing": briefing_id,
        "date": briefing.date.isoformat() if briefing.date else "",
        "speaker": briefing.speaker or "",
        "kind": EXCHANGE if exchange else section.kind.value,
        "n": n,
        "section": section.anchor,
        "title": section.title,
        "topics": [topic.slug for topic in topics.of(page.path, anchor)],
        "earlier": _ids(told, page.path, anchor, "earlier"),
        "later": _ids(told, page.path, anchor, "later"),
        "repeats": repeated[(page.path, anchor)].first.id if (page.path, anchor) in repeated else "",
        "question": _text(exchange.question.paragraphs) if exchange else "",
        "outlet": (exchange.question.outlet or "") if exchange else "",
        "answer": _answers(exchange.answers) if exchange else "",
        "text": "" if exchange else _text(section.paragraphs),
        "url": links.absolute(site_url, page.path, anchor),
    }


def rows(entries: Sequence[Entry], topics: Index, site_url: str | None = None,
         repeated: Mapping[tuple[str, str], repeats.Repeat] | None = None) -> list[dict[str, Any]]:
    """Every agenda item and every exchange, briefings oldest first, items in page order."""
    result = []
    told = stories.build(topics)
    if repeated is None:
        repeated = repeats.find([entry.page for entry in entries])
    for entry in entries:
        briefing = entry.page.briefing
        number = 0
        for section in briefing.sections:
            result.append(_row(briefing, entry.page, section, None, section.n, topics, site_url, told, repeated))
            for exchange in section.exchanges:
                # Its position on the page: after a correction the ledger keeps published ids ('q5a' is new).
                number += 1
                result.append(_row(briefing, entry.page, section, exchange, number, topics, site_url, told, repeated))
    return result


def _briefing(entry: Entry, items: list[dict[str, Any]], site_url: str | None) -> dict[str, Any]:
    briefing = entry.page.briefing
    statements = sum(1 for s in briefing.sections if s.kind is Kind.STATEMENT)
    agenda = [{k: v for k, v in row.items() if k not in ("question", "outlet", "answer")}
              for row in items if row["kind"] != EXCHANGE]
    return {
        "id": links.page_id(entry.page.path),
        "date": briefing.date.isoformat() if briefing.date else "",
        "title": briefing.title,
        "speaker": briefing.speaker or "",
        "speaker_title": briefing.speaker_title or "",
        "place": briefing.place or "",
        "language": briefing.language,
        "source": briefing.source,
        "source_url": entry.source_url or "",
        "notes": entry.notes or "",
        "url": links.absolute(site_url, entry.page.path),
        "statements": statements,
        "qa_topics": len(briefing.sections) - statements,
        "questions": len(briefing.exchanges),
        "items": agenda,
    }


def _jsonl(records: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def files(entries: Sequence[Entry], topics: Index, site_url: str | None = None,
          repeated: Mapping[tuple[str, str], repeats.Repeat] | None = None) -> dict[str, str]:
    """The three data files by their path in the docs folder (``repeated``: :func:`repeats.find`, if made)."""
    all_rows = rows(entries, topics, site_url, repeated)
    by_briefing: dict[str, list[dict[str, Any]]] = {}
    for row in all_rows:
        by_briefing.setdefault(row["briefing"], []).append(row)
    briefings = [_briefing(e, by_briefing.get(links.page_id(e.page.path), []), site_url) for e in entries]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _ in ITEM_FIELDS], lineterminator="\n")
    writer.writeheader()
    for row in all_rows:
        writer.writerow({**row, **{key: TOPIC_SEPARATOR.join(row[key]) for key in LISTS}})
    return {
        BRIEFINGS: _jsonl(briefings),
        QA: _jsonl([row for row in all_rows if row["kind"] == EXCHANGE]),
        ITEMS: buffer.getvalue(),
    }


def _size(text: str) -> str:
    size = len(text.encode("utf-8"))
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{max(1, round(size / 1e3))} kB"


def schema_page(entries: Sequence[Entry], data: dict[str, str], site_url: str | None = None) -> str:
    """``data.md``: what the data files hold, their fields, and how the ids match the pages' anchors."""
    exchanges = data[QA].count("\n")
    items = data[ITEMS].count("\n") - 1
    lines = [
        "---",
        "title: Data",
        "description: The archive as data - every briefing, agenda item and Q&A exchange, with a documented schema.",
        "---",
        "",
        "# The archive as data",
        "",
        "Every briefing, agenda item and Q&A exchange of the archive, rebuilt with the site. A row's `id` is the "
        "briefing's id and the anchor of the item on its page, so `2025-01-23#q6` is question 6 of the briefing "
        "of January 23, 2025, at `briefings/2025/2025-01-23/#q6`; anchors never change when briefings are added.",
        "",
        f"- [`briefings.jsonl`]({BRIEFINGS}) ({_size(data[BRIEFINGS])}): one JSON object per line for each of the "
        f"{len(entries):,} briefings, with its agenda items.",
        f"- [`qa.jsonl`]({QA}) ({_size(data[QA])}): one JSON object per line for each of the {exchanges:,} "
        "Q&A exchanges.",
        f"- [`items.csv`]({ITEMS}) ({_size(data[ITEMS])}): the same {items:,} agenda items and exchanges as one "
        "table (UTF-8, a header row, fields with line breaks quoted). Spreadsheets may read a cell that opens with "
        "`=`, `+`, `-` or `@` as a formula: import the file as text.",
        "",
        "URLs are " + ("absolute." if site_url else "relative to the site's root (the site has no `site_url`)."),
        "",
        "## Items and exchanges { #items }",
        "",
        "The fields of a row of `items.csv` and `qa.jsonl`, and of an item in `briefings.jsonl`:",
        "",
        *(f"- `{name}`: {meaning}" for name, meaning in ITEM_FIELDS),
        "",
        "## Briefings { #briefings }",
        "",
        "The fields of an object of `briefings.jsonl`:",
        "",
        *(f"- `{name}`: {meaning}" for name, meaning in BRIEFING_FIELDS),
        "",
        "## Feeds { #feeds }",
        "",
        f"The newest briefings as [RSS]({links.RSS_FEED}) and [Atom]({links.ATOM_FEED}).",
    ]
    return "\n".join(lines) + "\n"
