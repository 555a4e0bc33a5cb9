"""Search: an index of every agenda item and every Q&A exchange, split into small script files.

Built from the pages' HTML after MkDocs renders them (the ``briefings-search`` plugin at the bottom of this
module), written under ``site/assets/search/index/``, and read by ``docs/assets/search/search.js``. Every file
is a script that hands its data to ``__briefingsSearch(name, data)`` (JSONP), so the search works over HTTP and
from ``file://`` alike, and a query loads only the few files its words need:

- ``meta.js``: briefings (date, speaker, URL, first document), each document's kind, the first key of every
  shard, the stop words. Loaded when the reader first opens the search.
- ``t<N>.js``: words ``w`` from ``keys.t[N]`` up to the next key: ``[postings, other words of w's stem]``.
  Postings are document ids (ascending, delta-coded) each followed by an impact (a quantised BM25 weight).
- ``p<N>.js``: the same words' positions, in the postings' order: for each document a count, then per
  occurrence the position delta and the run of stop words just before it (an id into ``r.js``).
- ``d<N>.js``: documents from ``docs.starts[N]`` on: ``[anchor, title, text]``, for result titles and snippets.
- ``r.js``: the stop-word runs (``"of the"``) by id, for exact phrases with stop words.

Stop words get no postings of their own: a word query leaves them out, and a phrase checks them through the
run before each of its other words, so ``"the United States"`` needs only ``united`` and ``states``.
Words are indexed as written (lower case, accents folded); the builder groups them by their Snowball stem, so
the browser widens ``sanction`` to ``sanctions`` without a stemmer of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from converter.search.terms import STOP_WORDS, stem, tokens

# Bump when the files' format changes, so an old search.js never reads a new index.
FORMAT = 1
INDEX_DIR = "assets/search/index"
CALLBACK = "__briefingsSearch"
# A run keeps the last stop words before a word: enough for "one of the most", bounded for the table.
MAX_RUN = 3
# Shards close once they pass these sizes (characters); one frequent word may make a bigger one alone.
TERM_SHARD_SIZE = 32_000
POSITION_SHARD_SIZE = 64_000
TEXT_SHARD_SIZE = 24_000
# BM25 constants, and the weight of a word in the item's title against one in its text.
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3
TITLE_BONUS = 8
MAX_IMPACT = 31

# Markup of the rendered pages (converter/pages/briefing.py), read with expressions: the structure is ours and fixed.
# <h2 class="statement supplied" id="ukrainian-crisis-update" ...>Title<a class="headerlink" ...>¶</a></h2>,
# <div class="exchange follow-up" id="q6">, <p class="answer-more">...</p>, <p>...</p> (attributes in any order)
_RE_BLOCK = re.compile(
    r"<h([23])(?P<hattrs>\s[^>]*)>(?P<htext>.*?)</h\1>"
    r'|<div(?P<dattrs>\s[^>]*\bclass="exchange\b[^>]*)>'
    r"|<p(?P<pattrs>\s[^>]*)?>(?P<ptext>.*?)</p>",
    re.DOTALL,
)
_RE_ID = re.compile(r'\bid="([^"]*)"')
_RE_CLASS = re.compile(r'class="([^"]*)"')
# <strong>Question:</strong> or <strong>Maria Zakharova:</strong> opening a question or an answer.
_RE_LABEL = re.compile(r"^\s*<strong>[^<]*</strong>\s*")
# <a class="headerlink" ...>¶</a>, <a class="exchange-link" ...>¶</a>
_RE_PERMALINK = re.compile(r'<a class="(?:headerlink|exchange-link)"[^>]*>.*?</a>', re.DOTALL)
_RE_TAG = re.compile(r"<[^>]+>")
_RE_SPACE = re.compile(r"\s+")
# The one heading of a briefing page with text of its own but no kind (render.py).
_INTRODUCTION = "introduction"
_TURN_CLASSES = {"question", "question-more", "answer", "answer-more"}
# Base 64 digits of the variable-length numbers (5 bits each, 32 = more digits follow): no quote, no backslash.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_DIGIT = {c: i for i, c in enumerate(ALPHABET)}
_SMALL = [ALPHABET[i].encode() for i in range(32)]


# --- numbers -------------------------------------------------------------------------------------------


def vlq(value: int) -> bytes:
    """``value`` (>= 0) in base-64 digits, least significant first; 0-31 is one digit."""
    if value < 32:
        return _SMALL[value]
    out = bytearray()
    while value >= 32:
        out.append(ord(ALPHABET[32 | (value & 31)]))
        value >>= 5
    out.append(ord(ALPHABET[value]))
    return bytes(out)


def unvlq(text: str) -> list[int]:
    """The numbers of a :func:`vlq` string (the browser's decoder does the same)."""
    numbers: list[int] = []
    value = shift = 0
    for char in text:
        digit = _DIGIT[char]
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    return numbers


# --- documents -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """One search result: an agenda item's text, or one question with its answers."""

    anchor: str
    title: str
    kind: str  # "statement" or "qa"
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """A briefing page and its documents."""

    url: str
    date: dt.date | None
    speaker: str | None
    docs: tuple[Doc, ...]

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.date.isoformat() if self.date else "9999", self.url)


def _text(fragment: str) -> str:
    return _RE_SPACE.sub(" ", html.unescape(_RE_TAG.sub("", _RE_PERMALINK.sub("", fragment)))).strip()


def _attribute(pattern: re.Pattern[str], attributes: str) -> str:
    found = pattern.search(attributes)
    return found[1] if found else ""


def page_docs(content: str) -> list[Doc]:
    """The documents of a briefing page's rendered HTML (the article MkDocs makes from render.py's Markdown).

    An agenda item (a heading of class ``statement`` or ``qa``, or the introduction) is one document with its
    paragraphs; each exchange (``<div class="exchange" id="q6">``) is one document titled by its item.
    """
    docs: list[Doc] = []
    section: tuple[str, str, str] | None = None  # anchor, title, kind
    paragraphs: list[str] = []
    exchange: tuple[str, list[str]] | None = None

    def close_exchange() -> None:
        nonlocal exchange
        if exchange and section and exchange[1]:
            docs.append(Doc(exchange[0], section[1], "qa", tuple(exchange[1])))
        exchange = None

    def close_section() -> None:
        nonlocal paragraphs
        close_exchange()
        if section and paragraphs:
            docs.append(Doc(section[0], section[1], section[2], tuple(paragraphs)))
        paragraphs = []

    for match in _RE_BLOCK.finditer(content):
        if match["hattrs"] is not None:
            close_section()
            anchor = _attribute(_RE_ID, match["hattrs"])
            classes = set(_attribute(_RE_CLASS, match["hattrs"]).split())
            if anchor and "qa" in classes:
                section = (anchor, _text(match["htext"]), "qa")
            elif anchor and ("statement" in classes or anchor == _INTRODUCTION):
                section = (anchor, _text(match["htext"]), "statement")
            else:  # the agenda, the Q&A part's heading, a listing page's headings
                section = None
        elif match["dattrs"] is not None:
            close_exchange()
            exchange = (_attribute(_RE_ID, match["dattrs"]), [])
        elif section:
            css = _attribute(_RE_CLASS, match["pattrs"] or "")
            if css in _TURN_CLASSES and exchange:
                text = _text(_RE_LABEL.sub("", match["ptext"]))
                if text:
                    exchange[1].append(text)
            elif not css and not exchange:
                text = _text(match["ptext"])
                if text:
                    paragraphs.append(text)
    close_section()
    return docs


def page_from_html(url: str, meta: Mapping[str, Any], content: str) -> Page:
    date = meta.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if isinstance(date, dt.datetime):
        date = date.date()
    speaker = meta.get("speaker")
    return Page(
        url,
        date if isinstance(date, dt.date) else None,
        speaker if isinstance(speaker, str) else None,
        tuple(page_docs(content)),
    )


# --- the index -----------------------------------------------------------------------------------------


@dataclass
class _Term:
    docs: bytearray = field(default_factory=bytearray)
    positions: bytearray = field(default_factory=bytearray)
    last_doc: int = 0
    count: int = 0


def impact(title_tf: int, body_tf: int, length: int, average: float) -> int:
    """A word's weight in a document, 1 to 31: BM25's saturating term frequency, plus a bonus for the title."""
    tf = TITLE_WEIGHT * title_tf + body_tf
    weight = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
    value = 1 + round(weight / (K1 + 1) * (MAX_IMPACT - TITLE_BONUS - 1))
    return min(MAX_IMPACT, value + (TITLE_BONUS if title_tf else 0))


def _doc_tokens(doc: Doc) -> Iterator[list[str]]:
    yield tokens(doc.title)
    for paragraph in doc.paragraphs:
        yield tokens(paragraph)


class Builder:
    """Collects documents in id order and turns them into the index files."""

    def __init__(self, average_length: float) -> None:
        self.terms: dict[str, _Term] = {}
        self.runs: dict[str, int] = {"": 0}
        self.average = max(average_length, 1.0)
        self.count = 0

    def add(self, doc: Doc) -> int:
        """Index ``doc`` as the next document; returns its id."""
        doc_id = self.count
        self.count += 1
        occurrences: dict[str, list[int]] = {}  # word -> [position, run, position, run, ...]
        title_end = 0
        position = 0
        runs = self.runs
        for field_index, words in enumerate(_doc_tokens(doc)):
            run: list[str] = []
            for word in words:
                if word in STOP_WORDS:
                    run.append(word)
                else:
                    if run:
                        key = " ".join(run[-MAX_RUN:])
                        run_id = runs.get(key)
                        if run_id is None:
                            run_id = runs[key] = len(runs)
                        run = []
                    else:
                        run_id = 0
                    found = occurrences.get(word)
                    if found is None:
                        occurrences[word] = [position, run_id]
                    else:
                        found += (position, run_id)
                position += 1
            position += 1  # no phrase spans two paragraphs, or the title and the text
            if field_index == 0:
                title_end = position
        length = position
        terms = self.terms
        for word, found in occurrences.items():
            term = terms.get(word)
            if term is None:
                term = terms[word] = _Term()
            title_tf = sum(1 for p in found[::2] if p < title_end)
            tf = len(found) // 2
            term.docs += vlq(doc_id - term.last_doc) + _SMALL[impact(title_tf, tf - title_tf, length, self.average)]
            term.last_doc = doc_id
            term.count += 1
            encoded = bytearray(vlq(tf))
            previous = 0
            for index in range(0, len(found), 2):
                encoded += vlq(found[index] - previous)
                encoded += vlq(found[index + 1])
                previous = found[index]
            term.positions += encoded
        return doc_id

    def stem_groups(self) -> dict[str, list[str]]:
        """Each word with the other indexed words of its stem (only words that have some)."""
        groups: dict[str, list[str]] = {}
        for word in self.terms:
            groups.setdefault(stem(word), []).append(word)
        return {w: sorted(x for x in group if x != w) for group in groups.values() if len(group) > 1 for w in group}


def _pack(items: Iterable[tuple[str, Any, int]], limit: int) -> list[tuple[str, dict[str, Any]]]:
    """Consecutive (key, value, size) items in shards of about ``limit`` characters: [(first key, {key: value})]."""
    shards: list[tuple[str, dict[str, Any]]] = []
    size = limit
    for key, value, cost in items:
        if size >= limit:
            shards.append((key, {}))
            size = 0
        shards[-1][1][key] = value
        size += cost + len(key) + 8
    return shards


def _script(name: str, data: Any) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'{CALLBACK}("{name}",{body});\n'


def _bits(flags: Sequence[bool]) -> str:
    """Flags six to a digit of :data:`ALPHABET`, first flag in the lowest bit."""
    digits = []
    for start in range(0, len(flags), 6):
        value = sum(1 << i for i, flag in enumerate(flags[start:start + 6]) if flag)
        digits.append(ALPHABET[value])
    return "".join(digits)


def default_url(date: dt.date | None) -> str:
    return f"briefings/{date.year}/{date.isoformat()}/" if date else ""


@dataclass(frozen=True)
class Index:
    """The index files by name (``meta.js``, ``t0.js``, ...), and what they hold."""

    files: dict[str, str]
    docs: int
    terms: int


def build_index(pages: Iterable[Page]) -> Index:
    """Every document of ``pages``, in date order, into the index files."""
    ordered = sorted((p for p in pages if p.docs), key=lambda p: p.sort_key)
    all_docs = [doc for page in ordered for doc in page.docs]
    lengths = [sum(len(p) for p in doc.paragraphs) for doc in all_docs]
    # Average length in words: ~6 characters a word (the weight only needs the ratio to be about right).
    builder = Builder(sum(lengths) / max(len(lengths), 1) / 6)
    speakers = sorted({p.speaker for p in ordered if p.speaker})
    speaker_ids = {name: i for i, name in enumerate(speakers)}
    briefings = []
    kinds = []
    for page in ordered:
        first = builder.count
        for doc in page.docs:
            builder.add(doc)
            kinds.append(doc.kind == "qa")
        url = "" if page.url == default_url(page.date) else page.url
        briefings.append([
            page.date.isoformat() if page.date else "", speaker_ids.get(page.speaker or "", -1), url, first,
        ])
    files: dict[str, str] = {}
    groups = builder.stem_groups()
    words = sorted(builder.terms)
    term_shards = _pack(
        ((w, [builder.terms[w].docs.decode(), *([groups[w]] if w in groups else [])], len(builder.terms[w].docs))
         for w in words),
        TERM_SHARD_SIZE,
    )
    position_shards = _pack(
        ((w, builder.terms[w].positions.decode(), len(builder.terms[w].positions)) for w in words),
        POSITION_SHARD_SIZE,
    )
    for number, (_key, data) in enumerate(term_shards):
        files[f"t{number}.js"] = _script(f"t{number}", data)
    for number, (_key, data) in enumerate(position_shards):
        files[f"p{number}.js"] = _script(f"p{number}", data)
    text_starts: list[int] = []
    size = TEXT_SHARD_SIZE
    shard: list[list[str]] = []
    for doc_id, doc in enumerate(all_docs):
        if size >= TEXT_SHARD_SIZE:
            if shard:
                files[f"d{len(text_starts) - 1}.js"] = _script(f"d{len(text_starts) - 1}", shard)
            text_starts.append(doc_id)
            shard, size = [], 0
        text = "\n".join(doc.paragraphs)
        shard.append([doc.anchor, doc.title, text])
        size += len(text) + len(doc.title) + len(doc.anchor)
    if shard:
        files[f"d{len(text_starts) - 1}.js"] = _script(f"d{len(text_starts) - 1}", shard)
    runs = sorted(builder.runs, key=builder.runs.__getitem__)
    files["r.js"] = _script("r", runs)
    meta = {
        "format": FORMAT,
        "docs": builder.count,
        "stop": sorted(STOP_WORDS),
        "maxRun": MAX_RUN,
        "speakers": speakers,
        "briefings": briefings,
        "kinds": _bits(kinds),
        "keys": {"t": [k for k, _ in term_shards], "p": [k for k, _ in position_shards]},
        "textStarts": b"".join(vlq(b - a) for a, b in zip([0, *text_starts], text_starts, strict=False)).decode(),
    }
    # Shards are requested with ?v=<id>: a browser holding an older shard in its cache never mixes the two.
    digest = hashlib.sha1("".join(files[name] for name in sorted(files)).encode("utf-8")).hexdigest()
    meta["id"] = digest[:12]
    files["meta.js"] = _script("meta", meta)
    return Index(files, builder.count, len(words))


def write_index(index: Index, site_dir: Path) -> None:
    """Write the index files into ``site_dir``/assets/search/index/, replacing any earlier index."""
    folder = site_dir / INDEX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.js"):
        if stale.name not in index.files:
            stale.unlink()
    for name, text in index.files.items():
        (folder / name).write_text(text, encoding="utf-8")
