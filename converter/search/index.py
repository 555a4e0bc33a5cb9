"""Search: an index of every agenda item and every Q&A exchange, built from the model, split into small scripts.

``documents`` turns a briefing (converter.model) into its search documents; ``part`` analyses them once per
briefing into a :class:`Part` (words, postings, positions, excerpts: a pure function of the briefing and its
page path, so a build may cache it per transcript); ``build_index`` assembles the parts of the whole corpus
into the files written under ``site/assets/search/index/`` and read by ``docs/assets/search/search.js``.
Every file is a script that hands its data to ``__briefingsSearch(name, data)`` (JSONP), so the search works
over HTTP and from ``file://`` alike, and a query loads only the few files its words need:

- ``meta.js``: briefings (date, speaker, URL, first document), each document's kind, the first key of every
  shard, the stop words, the month names of the site's date format. Loaded when the reader opens the search.
- ``t<N>.js``: words ``w`` from ``keys.t[N]`` up to the next key: ``[postings, other words of w's stem]``.
  Postings are document ids (ascending, delta-coded) each followed by an impact (a quantised BM25 weight).
- ``p<N>.js``: the same words' positions, in the postings' order: for each document a count, then per
  occurrence ``2 * position delta + 1`` and the run of stop words just before it, or ``2 * delta`` alone
  when no stop word stands before it.
- ``d<N>.js``: documents from ``docs.starts[N]`` on: ``[anchor, title, excerpt]``, for result titles and
  snippets; the excerpt is the document's first :data:`EXCERPT_CHARS` characters, not its whole text.

Stop words get no postings of their own: a word query leaves them out, and a phrase checks them through the
run before each of its other words, so ``"the United States"`` needs only ``united`` and ``states``. A run is
a number: the places of its (at most :data:`MAX_RUN`) words in ``terms.STOP_LIST``, in base ``len + 1``.
Words are indexed as written (lower case, accents folded); the builder groups them by their Snowball stem in
the briefing's language, so the browser widens ``sanction`` to ``sanctions`` without a stemmer of its own.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from converter import links
from converter.model import Briefing, Paragraph, Turn
from converter.pages import markdown
from converter.search.terms import DEFAULT_LANGUAGE, STOP_LIST, STOP_WORDS, stem, tokens

# Bump when the files' format changes, so an old search.js never reads a new index.
FORMAT = 2
INDEX_DIR = "assets/search/index"
CALLBACK = "__briefingsSearch"
# A run keeps the last stop words before a word: enough for "one of the most".
MAX_RUN = 3
_RUN_BASE = len(STOP_LIST) + 1
_STOP_PLACE = {word: place + 1 for place, word in enumerate(STOP_LIST)}
# Shards close once they pass these sizes (characters); one frequent word may make a bigger one alone.
TERM_SHARD_SIZE = 32_000
POSITION_SHARD_SIZE = 64_000
TEXT_SHARD_SIZE = 24_000
# The text a result shows (its snippet) comes from the document's first characters: the question of an
# exchange, the opening of a statement. The whole text would make the index larger than the transcripts.
EXCERPT_CHARS = 400
# BM25 constants, the weight of a word in the item's title against one in its text, and the documents'
# average length in words (fixed, so that a briefing's weights do not depend on the rest of the corpus:
# 284 positions on the seeds, whose items the synthetic corpora recombine).
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3
TITLE_BONUS = 8
MAX_IMPACT = 31
AVERAGE_LENGTH = 280
# The heading of a briefing's opening text, which no agenda item names (pages/briefing.py writes it so).
INTRODUCTION = ("introduction", "Introduction")
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


def run_number(run: Sequence[str]) -> int:
    """The number of a run of stop words (its last :data:`MAX_RUN`), the last word in the lowest place:
    ``the`` is 1, ``of the`` is 2 * 40 + 1."""
    number = 0
    for word in run[-MAX_RUN:]:
        number = number * _RUN_BASE + _STOP_PLACE[word]
    return number


def run_words(number: int) -> list[str]:
    """The stop words of a run number, in reading order (the browser's decoder does the same)."""
    words: list[str] = []
    while number:
        words.append(STOP_LIST[number % _RUN_BASE - 1])
        number //= _RUN_BASE
    return words[::-1]


# --- documents -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """One search result: an agenda item (its title and own text, maybe none), or one question with its answers."""

    anchor: str
    title: str
    kind: str  # "statement" or "qa"
    paragraphs: tuple[str, ...]


def _texts(paragraphs: Iterable[Paragraph]) -> tuple[str, ...]:
    return tuple(p.text for p in paragraphs if p.text)


def _turns(turns: Iterable[Turn]) -> tuple[str, ...]:
    return tuple(text for turn in turns for text in _texts(turn.paragraphs))


def documents(briefing: Briefing) -> tuple[Doc, ...]:
    """The search documents of a briefing, in page order: its introduction, every agenda item (with its own
    text, or its title alone: an excerpt's items are found by their titles), and every exchange, titled by
    its item. The anchors are the page's (pages/briefing.py)."""
    docs: list[Doc] = []
    if _texts(briefing.intro):
        docs.append(Doc(*INTRODUCTION, "statement", _texts(briefing.intro)))
    for section in briefing.sections:
        docs.append(Doc(section.anchor, section.title, section.kind.value, _texts(section.paragraphs)))
        for exchange in section.exchanges:
            docs.append(Doc(exchange.anchor, section.title, "qa", _turns((exchange.question, *exchange.answers))))
    return tuple(docs)


def excerpt(doc: Doc) -> str:
    """The first :data:`EXCERPT_CHARS` characters of the document's text, cut at a word, '…' where cut."""
    text = "\n".join(doc.paragraphs)
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text.rfind(" ", 0, EXCERPT_CHARS + 1)
    return text[: cut if cut > EXCERPT_CHARS // 2 else EXCERPT_CHARS].rstrip() + " …"


def impact(title_tf: int, body_tf: int, length: int, average: float = AVERAGE_LENGTH) -> int:
    """A word's weight in a document, 1 to 31: BM25's saturating term frequency, plus a bonus for the title."""
    tf = TITLE_WEIGHT * title_tf + body_tf
    weight = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
    value = 1 + round(weight / (K1 + 1) * (MAX_IMPACT - TITLE_BONUS - 1))
    return min(MAX_IMPACT, value + (TITLE_BONUS if title_tf else 0))


def _occurrences(doc: Doc) -> tuple[dict[str, list[int]], int, int]:
    """Word -> [position, run, position, run, ...] in ``doc``, the title's end and the document's length.

    Positions count every word, stop words too; one position is left out after the title and after each
    paragraph, so that no phrase spans them."""
    found: dict[str, list[int]] = {}
    position = title_end = 0
    for field_index, text in enumerate((doc.title, *doc.paragraphs)):
        run: list[str] = []
        for word in tokens(text):
            if word in STOP_WORDS:
                run.append(word)
            else:
                number = run_number(run) if run else 0
                run = []
                places = found.get(word)
                if places is None:
                    found[word] = [position, number]
                else:
                    places += (position, number)
            position += 1
        position += 1
        if field_index == 0:
            title_end = position
    return found, title_end, position


@dataclass(frozen=True)
class Part:
    """One briefing's share of the index: a pure function of its model and page path, the unit a build caches.

    ``words`` are the briefing's indexed words, sorted, one a line. For each word in that order, ``firsts``
    and ``lasts`` hold the briefing's first and last document with it (numbered from 0 in the briefing);
    ``postings`` (up to ``posting_ends``) holds the rest of its postings: the first document's impact, then
    (document delta, impact) pairs; ``positions`` (up to ``position_ends``) its positions in the briefing (the
    format of the ``p`` shards). The numbers are arrays, so assembling the index decodes nothing.
    """

    date: str  # ISO, or "" when undated
    source: str  # the transcript's file name: orders briefings of one day as their pages (links.collect)
    url: str
    speaker: str
    language: str
    docs: tuple[tuple[str, str, str], ...]  # (anchor, title, excerpt)
    kinds: tuple[bool, ...]  # Q&A or not, per document
    words: str
    firsts: array[int]
    lasts: array[int]
    postings: bytes
    posting_ends: array[int]
    positions: bytes
    position_ends: array[int]

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (self.date or "9999", self.source, self.url)


def part(page: links.Page) -> Part:
    """The index's part for one briefing page."""
    briefing = page.briefing
    docs = documents(briefing)
    by_word: dict[str, tuple[list[tuple[int, int]], bytearray]] = {}
    for number, doc in enumerate(docs):
        found, title_end, length = _occurrences(doc)
        for word, places in found.items():
            title_tf = sum(1 for p in places[::2] if p < title_end)
            tf = len(places) // 2
            entry = by_word.get(word)
            if entry is None:
                entry = by_word[word] = ([], bytearray())
            entry[0].append((number, impact(title_tf, tf - title_tf, length)))
            encoded = entry[1]
            encoded += vlq(tf)
            previous = 0
            for index in range(0, len(places), 2):
                delta = places[index] - previous
                previous = places[index]
                if places[index + 1]:
                    encoded += vlq(2 * delta + 1)
                    encoded += vlq(places[index + 1])
                else:
                    encoded += vlq(2 * delta)
    words = sorted(by_word)
    firsts, lasts, posting_ends, position_ends = array("I"), array("I"), array("I"), array("I")
    postings = bytearray()
    positions = bytearray()
    for word in words:
        pairs, encoded = by_word[word]
        postings += _SMALL[pairs[0][1]]
        for (before, _), (number, weight) in itertools.pairwise(pairs):
            postings += vlq(number - before) + _SMALL[weight]
        firsts.append(pairs[0][0])
        lasts.append(pairs[-1][0])
        posting_ends.append(len(postings))
        positions += encoded
        position_ends.append(len(positions))
    return Part(
        date=briefing.date.isoformat() if briefing.date else "",
        source=briefing.source,
        url=links.url(page.path),
        speaker=briefing.speaker or "",
        language=briefing.language or DEFAULT_LANGUAGE,
        docs=tuple((doc.anchor, doc.title, excerpt(doc)) for doc in docs),
        kinds=tuple(doc.kind == "qa" for doc in docs),
        words="\n".join(words),
        firsts=firsts,
        lasts=lasts,
        postings=bytes(postings),
        posting_ends=posting_ends,
        positions=bytes(positions),
        position_ends=position_ends,
    )


def _entries(found: Part) -> Iterator[tuple[str, int, int, bytes, bytes]]:
    """(word, first document, last document, rest of the postings, positions) of a part, word by word."""
    if not found.words:
        return
    postings, positions = found.postings, found.positions
    at = pat = 0
    for word, first, last, end, pend in zip(found.words.split("\n"), found.firsts, found.lasts,
                                           found.posting_ends, found.position_ends, strict=True):
        yield word, first, last, postings[at:end], positions[pat:pend]
        at, pat = end, pend


# --- the index -----------------------------------------------------------------------------------------


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


def default_url(date: str) -> str:
    """The URL of a briefing's page that ``meta.js`` leaves out (search.js makes it from the date)."""
    return f"briefings/{date[:4]}/{date}/" if date else ""


@dataclass(frozen=True)
class Index:
    """The index files by name (``meta.js``, ``t0.js``, ...), what they hold, and their version."""

    files: dict[str, str]
    docs: int
    terms: int
    version: str


def _stem_groups(languages: dict[str, set[str]]) -> dict[str, list[str]]:
    """Each word with the other indexed words of its stem in any language it is used in (only words with some)."""
    groups: dict[tuple[str, str], set[str]] = {}
    for word, used in languages.items():
        for language in used:
            groups.setdefault((language, stem(word, language)), set()).add(word)
    siblings: dict[str, set[str]] = {}
    for group in groups.values():
        if len(group) > 1:
            for word in group:
                siblings.setdefault(word, set()).update(group - {word})
    return {word: sorted(others) for word, others in siblings.items()}


def build_index(parts: Iterable[Part]) -> Index:
    """The index files of every briefing's part: documents numbered in date order, each word's postings and
    positions the parts' own, joined (only the first document number of each part's postings changes)."""
    ordered = sorted(parts, key=lambda p: p.sort_key)
    postings: dict[str, bytearray] = {}
    positions: dict[str, bytearray] = {}
    last: dict[str, int] = {}
    languages: dict[str, set[str]] = {}
    speakers = sorted({p.speaker for p in ordered if p.speaker})
    speaker_ids = {name: i for i, name in enumerate(speakers)}
    briefings: list[list[Any]] = []
    kinds: list[bool] = []
    texts: list[tuple[str, str, str]] = []
    for found in ordered:
        offset = len(kinds)
        url = "" if found.url == default_url(found.date) else found.url
        briefings.append([found.date, speaker_ids.get(found.speaker, -1), url, offset])
        kinds += found.kinds
        texts += found.docs
        for word, first, end, rest, spots in _entries(found):
            target = postings.get(word)
            if target is None:
                target = postings[word] = bytearray()
                positions[word] = bytearray()
                languages[word] = set()
            target += vlq(offset + first - last.get(word, 0))
            target += rest
            positions[word] += spots
            last[word] = offset + end
            languages[word].add(found.language)
    groups = _stem_groups(languages)
    words = sorted(postings)
    files: dict[str, str] = {}
    term_shards = _pack(
        ((w, [postings[w].decode(), *([groups[w]] if w in groups else [])], len(postings[w])) for w in words),
        TERM_SHARD_SIZE,
    )
    position_shards = _pack(((w, positions[w].decode(), len(positions[w])) for w in words), POSITION_SHARD_SIZE)
    for number, (_key, data) in enumerate(term_shards):
        files[f"t{number}.js"] = _script(f"t{number}", data)
    for number, (_key, data) in enumerate(position_shards):
        files[f"p{number}.js"] = _script(f"p{number}", data)
    text_starts: list[int] = []
    size = TEXT_SHARD_SIZE
    shard: list[list[str]] = []
    for doc_id, (anchor, title, text) in enumerate(texts):
        if size >= TEXT_SHARD_SIZE:
            if shard:
                files[f"d{len(text_starts) - 1}.js"] = _script(f"d{len(text_starts) - 1}", shard)
            text_starts.append(doc_id)
            shard, size = [], 0
        shard.append([anchor, title, text])
        size += len(text) + len(title) + len(anchor)
    if shard:
        files[f"d{len(text_starts) - 1}.js"] = _script(f"d{len(text_starts) - 1}", shard)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "docs": len(kinds),
        "stop": list(STOP_LIST),
        "maxRun": MAX_RUN,
        "months": list(markdown.MONTHS),
        "speakers": speakers,
        "briefings": briefings,
        "kinds": _bits(kinds),
        "keys": {"t": [k for k, _ in term_shards], "p": [k for k, _ in position_shards]},
        "textStarts": b"".join(vlq(b - a) for a, b in zip([0, *text_starts], text_starts, strict=False)).decode(),
    }
    # Every file is requested with ?v=<version> (the pages carry it, for meta.js): a browser holding an
    # older file in its cache never mixes it with the new ones.
    digest = hashlib.sha1(json.dumps(meta, sort_keys=True).encode("utf-8"))
    for name in sorted(files):
        digest.update(files[name].encode("utf-8"))
    meta["id"] = digest.hexdigest()[:12]
    files["meta.js"] = _script("meta", meta)
    return Index(files, len(kinds), len(words), meta["id"])


def write_index(index: Index, site_dir: Path) -> None:
    """Write the index files into ``site_dir``/assets/search/index/, replacing any earlier index."""
    folder = site_dir / INDEX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.js"):
        if stale.name not in index.files:
            stale.unlink()
    for name, text in index.files.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
