"""The dataset: every briefing, agenda item and Q&A exchange as rows, with the ids of the page anchors.

``data/briefings.jsonl.gz`` has one object per briefing, its agenda items inside; ``data/qa.jsonl.gz`` one
object per Q&A exchange; ``data/items.csv.gz`` one row per agenda item and per exchange (both, flat).
``data/datapackage.json`` describes the three as a Frictionless data package (Table Schema types, keys), so
pandas, duckdb or ``frictionless validate`` read them with the right types. An item's id is its briefing's id
and its anchor, ``2025-01-23#q6``, so a row and the page's anchor match one to one. The fields are described
once, here (:class:`Field`), for the files, the data package and the schema page (``data.md``).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from converter import links, repeats, stories
from converter.model import Briefing, Exchange, Kind, Section, Turn
from converter.topics import Index

BRIEFINGS = f"{links.DATA_DIR}/briefings.jsonl.gz"
QA = f"{links.DATA_DIR}/qa.jsonl.gz"
ITEMS = f"{links.DATA_DIR}/items.csv.gz"
PACKAGE = f"{links.DATA_DIR}/datapackage.json"
EXCHANGE = "exchange"
KINDS = ("statement", "qa", EXCHANGE)
# Separates the topics of one row in the CSV (topic slugs never hold it).
TOPIC_SEPARATOR = ";"
# Fields that hold lists: JSON lists in the JSONL files, joined by TOPIC_SEPARATOR in the CSV.
LISTS = ("topics", "earlier", "later")
# gzip's header holds a time stamp: a fixed one keeps the same corpus giving the same bytes.
_GZIP_MTIME = 0
# zlib's default level: on the dataset's text, 0.4 % larger than level 9 in two thirds of the time.
_GZIP_LEVEL = 6


@dataclass(frozen=True)
class Field:
    """One field of the data files: its name, what it means, its Table Schema type, and a tighter rule if any.

    ``csv_type`` is its type in the CSV where that differs (a list is one string there).
    """

    name: str
    meaning: str
    type: str = "string"
    csv_type: str | None = None
    constraints: dict[str, Any] = field(default_factory=dict)
    # 'uri' for URLs: checked as URIs when they are absolute (a site with a public address).
    url: bool = False


# The fields of a row of items.csv, of qa.jsonl, and of the items inside briefings.jsonl.
ITEM_FIELDS: tuple[Field, ...] = (
    Field("id", "The row's id: the briefing's id, `#`, and the anchor on the briefing's page (`2025-01-23#q6`). "
                "Ids are stable: once published, a correction of the transcript never gives them to other text."),
    Field("briefing", "The briefing's id (see `briefings.jsonl`)."),
    Field("date", "The briefing's date, `YYYY-MM-DD` (empty when the transcript gives none).", "date"),
    Field("speaker", "The briefing's speaker (canonical name)."),
    Field("kind", "`statement` (an agenda item of the opening statement), `qa` (a Q&A topic of the agenda) or "
                  "`exchange` (one question with its answers).", constraints={"enum": list(KINDS)}),
    Field("n", "An agenda item's number in the agenda; an exchange's number on the page (`q6` is 6, unless a "
               "correction inserted questions: ids stay as published, see `anchors.lock`).", "integer"),
    Field("section", "The anchor of the agenda item the row is or belongs to."),
    Field("title", "The agenda item's title; for an exchange, the title of its Q&A topic."),
    Field("topics", "The topics the row is listed under: slugs of the pages `topics/<slug>/` "
                    f"(a list in JSON, joined by `{TOPIC_SEPARATOR}` in the CSV).", "array", csv_type="string"),
    Field("earlier", "For an agenda item: where its stories were before, the id of the item on the same topic in "
                     "the nearest earlier briefing, one per story (a list in JSON, joined by `;` in the CSV).",
          "array", csv_type="string"),
    Field("later", "The same, in the nearest later briefing.", "array", csv_type="string"),
    Field("repeats", "For an exchange whose answer largely repeats one given in an earlier briefing: the id of the "
                     "earliest such answer (`docs/dev/repeats.md`); empty otherwise."),
    Field("question", "An exchange's question, paragraphs separated by a blank line."),
    Field("outlet", "The outlet the question's label names (`Question (RIA Novosti):`), if any."),
    Field("answer", "An exchange's answers; where several people answer, each answer opens with its label."),
    Field("text", "A statement's own text, paragraphs separated by a blank line."),
    Field("url", "The page and anchor: absolute under the site's public address; in a build without one, relative "
                 "to the data files' folder (`../briefings/2025/2025-01-23/#q6`).", url=True),
)
BRIEFING_FIELDS: tuple[Field, ...] = (
    Field("id", "The briefing's id: its date (`2025-01-23`), `-2` for a second briefing that day, "
                "`undated/<file name>` without a date."),
    Field("date", "`YYYY-MM-DD`, from the title or from the transcript's source file where that corrects it.", "date"),
    Field("title", "The title line as printed."),
    Field("speaker", "The speaker's canonical name."),
    Field("speaker_title", "E.g. `Foreign Ministry Spokeswoman`."),
    Field("place", "E.g. `Moscow`."),
    Field("language", "`en` (or `es`)."),
    Field("source", "The transcript's file name in the corpus."),
    Field("source_url", "Where the transcript was published, where known.", url=True),
    Field("notes", "Notes from the transcript's source file."),
    Field("url", "The briefing's page (as an item's `url`).", url=True),
    Field("statements", "How many agenda items the opening statement has.", "integer"),
    Field("qa_topics", "How many Q&A topics the agenda has.", "integer"),
    Field("questions", "How many questions the page has.", "integer"),
    Field("items", "The agenda items, as rows with the fields below (without `question`, `outlet`, `answer`); "
                   "the exchanges are in `qa.jsonl`.", "array"),
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


def _url(site_url: str | None, path: str, anchor: str | None = None) -> str:
    """A page's URL as the data files give it: absolute, or relative to the data folder (usable from the files)."""
    if site_url:
        return links.absolute(site_url, path, anchor)
    return "../" * (links.DATA_DIR.count("/") + 1) + links.url(path, anchor)


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
        "url": _url(site_url, page.path, anchor),
    }


def rows(entries: Sequence[Entry], topics: Index, site_url: str | None = None,
         repeated: Mapping[tuple[str, str], repeats.Repeat] | None = None) -> list[dict[str, Any]]:
    """Every agenda item and every exchange, briefings oldest first, items in page order."""
    told = stories.build(topics)
    if repeated is None:
        repeated = repeats.find([entry.page for entry in entries])
    return [row for entry in entries for row in _rows(entry, topics, site_url, told, repeated)]


def _rows(entry: Entry, topics: Index, site_url: str | None, told: stories.Stories,
          repeated: Mapping[tuple[str, str], repeats.Repeat]) -> Iterator[dict[str, Any]]:
    """One briefing's agenda items and exchanges, in page order."""
    briefing = entry.page.briefing
    number = 0
    for section in briefing.sections:
        yield _row(briefing, entry.page, section, None, section.n, topics, site_url, told, repeated)
        for exchange in section.exchanges:
            # Its position on the page: after a correction the ledger keeps published ids ('q5a' is new).
            number += 1
            yield _row(briefing, entry.page, section, exchange, number, topics, site_url, told, repeated)


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
        "url": _url(site_url, entry.page.path),
        "statements": statements,
        "qa_topics": len(briefing.sections) - statements,
        "questions": len(briefing.exchanges),
        "items": agenda,
    }


# The gzip member header of every data file: no file name, time stamp 0 (the same corpus gives the same bytes),
# no extra flags (zlib's default level), operating system "unknown" (255).
_GZIP_HEADER = b"\x1f\x8b\x08\x00" + (_GZIP_MTIME).to_bytes(4, "little") + b"\x00\xff"
# zlib's reflected CRC-32 polynomial.
_CRC_POLYNOMIAL = 0xEDB88320


@dataclass(frozen=True, slots=True)
class Chunk:
    """One briefing's share of the three data files, each compressed on its own: a build compresses only the
    briefings whose rows changed and joins the others' shares as they were (:func:`pack`).

    Each share is raw deflate data flushed to a byte boundary and not final, made without reference to what
    comes before it: shares laid end to end are one valid deflate stream.
    """

    # Per data file (BRIEFINGS, QA, ITEMS): the compressed share, the CRC-32 of its text, the text's length.
    packed: tuple[bytes, ...]
    crcs: tuple[int, ...]
    sizes: tuple[int, ...]
    rows: int
    exchanges: int


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(_GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def chunk(texts: Sequence[str], rows: int = 0, exchanges: int = 0) -> Chunk:
    """The compressed share of the texts, one per data file."""
    data = [text.encode("utf-8") for text in texts]
    return Chunk(tuple(_deflate(d) for d in data), tuple(zlib.crc32(d) for d in data), tuple(len(d) for d in data),
                 rows, exchanges)


def _multiply(a: int, b: int) -> int:
    """a times b modulo the CRC-32 polynomial (zlib's multmodp, bits reflected)."""
    product = 0
    bit = 1 << 31
    while a:
        if a & bit:
            product ^= b
            a ^= bit
        bit >>= 1
        b = (b >> 1) ^ _CRC_POLYNOMIAL if b & 1 else b >> 1
    return product


def _powers() -> list[int]:
    """x to the power 2**k modulo the polynomial, k = 0..31 (zlib's x2n_table)."""
    found, power = [], 1 << 30  # x**1
    for _ in range(32):
        found.append(power)
        power = _multiply(power, power)
    return found


_X2N = _powers()


def crc32_combine(first: int, second: int, second_size: int) -> int:
    """The CRC-32 of two texts laid end to end, from each one's CRC-32 and the second's length (zlib's
    crc32_combine, which Python's zlib does not offer): the shares' CRCs give the whole file's."""
    power, k, n = 1 << 31, 3, second_size  # x**0; a byte is x**8 = x**(2**3)
    while n:
        if n & 1:
            power = _multiply(_X2N[k & 31], power)
        n >>= 1
        k += 1
    return _multiply(power, first) ^ second


def pack(shares: Iterable[tuple[bytes, int, int]]) -> bytes:
    """One gzip file of the shares (compressed data, CRC-32, length), in order: what ``gzip`` would make of the
    texts laid end to end, as every gzip reader reads it (one member, one deflate stream)."""
    pieces = [_GZIP_HEADER]
    crc = size = 0
    for packed, share_crc, share_size in shares:
        if not share_size:
            continue
        pieces.append(packed)
        crc = crc32_combine(crc, share_crc, share_size)
        size += share_size
    pieces.append(zlib.compressobj(_GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS).flush())  # the final block
    pieces.append(crc.to_bytes(4, "little") + (size & 0xFFFFFFFF).to_bytes(4, "little"))
    return b"".join(pieces)


# reuse(inputs, make): a briefing's chunk, from a cache under ``inputs`` (its rows) or ``make()``, kept.
Reuse = Callable[[object, Callable[[], Chunk]], Chunk]


@dataclass(frozen=True)
class Dataset:
    """The data files by their path in the docs folder, and what the schema page says of them."""

    files: dict[str, bytes | str]
    briefings: int
    rows: int
    exchanges: int
    # Each data file's size before compression, in bytes.
    plain_sizes: dict[str, int]


def build(entries: Sequence[Entry], topics: Index, site_url: str | None = None,
          repeated: Mapping[tuple[str, str], repeats.Repeat] | None = None, told: stories.Stories | None = None,
          reuse: Reuse | None = None) -> Dataset:
    """The three data files, gzip-compressed, and their data package: a briefing at a time, each briefing's rows
    compressed on their own (``reuse`` takes them from a cache where the rows are as last time)."""
    if told is None:
        told = stories.build(topics)
    if repeated is None:
        repeated = repeats.find([entry.page for entry in entries])
    header = io.StringIO()
    csv.DictWriter(header, fieldnames=[f.name for f in ITEM_FIELDS], lineterminator="\n").writeheader()
    chunks = [chunk(["", "", header.getvalue()])]
    for entry in entries:
        items = list(_rows(entry, topics, site_url, told, repeated))
        record = _briefing(entry, items, site_url)
        make = functools.partial(_chunk, record, items)
        chunks.append(reuse((record, items), make) if reuse
                      else make())
    paths = (BRIEFINGS, QA, ITEMS)
    files: dict[str, bytes | str] = {
        path: pack((c.packed[n], c.crcs[n], c.sizes[n]) for c in chunks) for n, path in enumerate(paths)
    }
    files[PACKAGE] = json.dumps(package(site_url), ensure_ascii=False, indent=2) + "\n"
    sizes = {path: sum(c.sizes[n] for c in chunks) for n, path in enumerate(paths)}
    return Dataset(files, len(entries), sum(c.rows for c in chunks), sum(c.exchanges for c in chunks), sizes)


def _chunk(record: dict[str, Any], items: list[dict[str, Any]]) -> Chunk:
    """One briefing's lines of the three files, compressed."""
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=[f.name for f in ITEM_FIELDS], lineterminator="\n")
    exchanges = []
    for row in items:
        if row["kind"] == EXCHANGE:
            exchanges.append(_json_line(row))
        writer.writerow({**row, **{key: TOPIC_SEPARATOR.join(row[key]) for key in LISTS}})
    return chunk([_json_line(record), "".join(exchanges), table.getvalue()], len(items), len(exchanges))


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def files(entries: Sequence[Entry], topics: Index, site_url: str | None = None,
          repeated: Mapping[tuple[str, str], repeats.Repeat] | None = None) -> dict[str, bytes | str]:
    """The data files and their data package by their path in the docs folder (``repeated``: :func:`repeats.find`,
    if made)."""
    return build(entries, topics, site_url, repeated).files


def _schema(fields: Sequence[Field], site_url: str | None, csv: bool = False) -> dict[str, Any]:
    described = []
    for f in fields:
        entry: dict[str, Any] = {"name": f.name, "type": (f.csv_type or f.type) if csv else f.type,
                                 "description": f.meaning}
        if f.url and site_url:
            entry["format"] = "uri"
        if f.constraints:
            entry["constraints"] = f.constraints
        described.append(entry)
    return {"fields": described, "missingValues": [""]}


def _resource(name: str, path: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    tabular = path.removesuffix(".gz").rsplit(".", 1)[1]
    return {
        "name": name, "title": title, "path": _name(path), "profile": "tabular-data-resource", "format": tabular,
        "compression": "gz", "encoding": "utf-8", "schema": schema,
    }


def package(site_url: str | None = None) -> dict[str, Any]:
    """``datapackage.json``: the Frictionless data package (Table Schema) of the three files, keys included."""
    by_briefing = [{"fields": ["briefing"], "reference": {"resource": "briefings", "fields": ["id"]}}]
    briefings = {**_schema(BRIEFING_FIELDS, site_url), "primaryKey": ["id"]}
    qa = {**_schema(ITEM_FIELDS, site_url), "primaryKey": ["id"], "foreignKeys": by_briefing}
    items = {**_schema(ITEM_FIELDS, site_url, csv=True), "primaryKey": ["id"], "foreignKeys": by_briefing}
    described: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "briefings",
        "title": "Press briefings of the Russian Foreign Ministry spokesperson",
        "description": "Every briefing, agenda item and Q&A exchange of the archive; ids are the pages' anchors.",
    }
    if site_url:
        described["homepage"] = links.absolute(site_url, links.DATA_PAGE)
    described["resources"] = [
        _resource("briefings", BRIEFINGS, "Briefings, with their agenda items", briefings),
        _resource("qa", QA, "Q&A exchanges", qa),
        _resource("items", ITEMS, "Agenda items and Q&A exchanges, one table", items),
    ]
    return described


def _name(path: str) -> str:
    """A data file's name in the data folder (where datapackage.json is): 'items.csv.gz'."""
    return path.removeprefix(f"{links.DATA_DIR}/")


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{max(1, round(size / 1e3))} kB"


def _file(data: Dataset, path: str) -> str:
    """'12 kB, 48 kB unpacked' for a data file."""
    packed = data.files[path]
    return f"{_size(len(packed))}, {_size(data.plain_sizes[path])} unpacked"


def schema_page(entries: Sequence[Entry], data: Dataset, site_url: str | None = None) -> str:
    """``data.md``: what the data files hold, their fields, and how the ids match the pages' anchors."""
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
        f"- [`{_name(BRIEFINGS)}`]({BRIEFINGS}) ({_file(data, BRIEFINGS)}): one JSON object per line for each of "
        f"the {data.briefings:,} briefings, with its agenda items.",
        f"- [`{_name(QA)}`]({QA}) ({_file(data, QA)}): one JSON object per line for each of the "
        f"{data.exchanges:,} Q&A exchanges.",
        f"- [`{_name(ITEMS)}`]({ITEMS}) ({_file(data, ITEMS)}): the same {data.rows:,} agenda items and exchanges "
        "as one table (UTF-8, a header row, fields with line breaks quoted). Spreadsheets may read a cell that "
        "opens with `=`, `+`, `-` or `@` as a formula: import the file as text.",
        f"- [`{_name(PACKAGE)}`]({PACKAGE}): the three files as a [Frictionless](https://frictionlessdata.io/) data "
        "package: each field's type (dates, integers, lists), the keys, and that every row's `briefing` is a "
        "briefing's `id`. `frictionless validate datapackage.json` checks the files against it.",
        "",
        "The files are gzip-compressed; most tools read them as they are: `pandas.read_csv(\"items.csv.gz\")`, "
        "`pandas.read_json(\"qa.jsonl.gz\", lines=True)`, duckdb's `read_csv` and `read_json`, or "
        "`gunzip` first.",
        "",
        "URLs are " + ("absolute." if site_url else "relative to the data files' folder (this build has no "
                       "public address)."),
        "",
        "## Items and exchanges { #items }",
        "",
        f"The fields of a row of `{_name(ITEMS)}` and `{_name(QA)}`, and of an item in `{_name(BRIEFINGS)}`:",
        "",
        *(f"- `{f.name}` ({f.type}): {f.meaning}" for f in ITEM_FIELDS),
        "",
        "## Briefings { #briefings }",
        "",
        f"The fields of an object of `{_name(BRIEFINGS)}`:",
        "",
        *(f"- `{f.name}` ({f.type}): {f.meaning}" for f in BRIEFING_FIELDS),
    ]
    if site_url:
        lines += ["", "## Feeds { #feeds }", "",
                  f"The newest briefings as [RSS]({links.RSS_FEED}) and [Atom]({links.ATOM_FEED})."]
    return "\n".join(lines) + "\n"
