"""The ledger of published ids: every anchor the site has published, with a fingerprint of what it pointed to.

Between collecting the pages and rendering them, :func:`reconcile` matches the committed ledger against the
corpus as it is now: content that was published under an id keeps that id (exact fingerprint first, then a
near match on normalised text, then the exchanges an agenda item held), new content gets an id no published
one uses, a published id whose content moved elsewhere or is gone resolves to the nearest surviving place with
a note, and a whole page that moved leaves a redirect page behind. A published id whose content is gone and
that the ledger does not record as removed is *lost*: the build reports it as an error naming the anchor.
:func:`updated` is the ledger a maintainer reviews and commits (``briefings ledger``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from converter import links
from converter.model import Briefing, Section

# Kinds of ledger entries: an agenda item, a Q&A exchange, the untitled text before the first item.
SECTION = "section"
EXCHANGE = "exchange"
INTRO = "intro"
KINDS = (SECTION, EXCHANGE, INTRO)
FORMAT = 1
DEFAULT_PATH = "anchors.lock"
HEADER = {
    "ledger": FORMAT,
    "about": "Every anchor the site has published and a fingerprint of what it points to. Made by "
             "`briefings ledger CORPUS`; review the diff and commit it with the transcripts (docs/dev/contract.md).",
}
# A near match: estimated Jaccard similarity of word 3-shingles at least this (a reworded sentence in a long
# answer keeps ~0.8; two different questions on one subject share well under 0.2: tests/test_ledger.py).
NEAR = 0.5
SKETCH_SIZE = 16
EXCERPT = 100
# Ids in the ledger are the converter's own slugs: 'q6', 'q5a', 'ukrainian-crisis-update'.
_RE_ANCHOR = re.compile(r"[a-z0-9][a-z0-9-]*")
# Page paths are links.page_path's: 'briefings/2025/2025-01-23.md', 'briefings/undated/name.md'.
_RE_PAGE = re.compile(rf"{links.BRIEFINGS_DIR}/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+\.md")
_RE_WORD = re.compile(r"\w+")
# The number of a question anchor: 'q6' -> 'q6', 'q5a' -> 'q5'.
_RE_QUESTION = re.compile(r"q\d+")
_FIXED = frozenset({"agenda"})


class LedgerError(Exception):
    """The ledger file cannot be read: ``path:line: expected …, got …``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Entry:
    """One published anchor: the page that published it, its id, and what it pointed to then."""

    page: str
    anchor: str
    kind: str
    fingerprint: str
    sketch: tuple[int, ...]
    excerpt: str
    section: str = ""  # an exchange's agenda item (its anchor), which matches reworded Q&A topics
    removed: bool = False  # a maintainer recorded that its content is gone (the id then leads to a note)


@dataclass(frozen=True)
class Ledger:
    entries: tuple[Entry, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)  # page -> transcript file name

    def pages(self) -> dict[str, list[Entry]]:
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.page, []).append(entry)
        return grouped


@dataclass(frozen=True)
class Alias:
    """A published id shown before ``target`` on a page: silent where the content merely moved within it,
    with a note where it moved to another page (``link``) or is gone."""

    anchor: str
    note: str | None = None
    link: tuple[str, str] | None = None  # (page path, anchor)


@dataclass(frozen=True)
class Redirect:
    """A page that moved: its old path, where it is now, and where each of its published ids leads."""

    path: str
    target: str | None
    anchors: tuple[tuple[str, str, str | None, str | None], ...]  # (old id, page, anchor, note)


@dataclass
class Resolution:
    """What reconciling the ledger with the corpus gives the build."""

    pages: list[links.Page]
    aliases: dict[str, dict[str, list[Alias]]] = field(default_factory=dict)  # page -> target anchor -> aliases
    redirects: list[Redirect] = field(default_factory=list)
    lost: list[Entry] = field(default_factory=list)
    # Where every published entry leads now (page, anchor), None where its content is gone.
    placed: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)


# --- Fingerprints -------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Normalised words: NFKC, case-folded, punctuation and spacing out (a fixed quote changes nothing)."""
    return _RE_WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()[:16]


def _hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "big")


def sketch(text: str, size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """A bottom-k sketch of the text's word 3-shingles (its words alone when it has fewer than 3)."""
    found = words(text)
    shingles = {" ".join(found[i:i + 3]) for i in range(len(found) - 2)} or set(found)
    return tuple(sorted({_hash(s) for s in shingles})[:size])


def similarity(one: Sequence[int], two: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two bottom-k sketches (0 when either is empty)."""
    if not one or not two:
        return 0.0
    size = max(len(one), len(two))
    union = sorted(set(one) | set(two))[:size]
    both = set(one) & set(two)
    return sum(1 for value in union if value in both) / len(union)


# --- The items a page publishes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One anchored part of a page as built now: its natural id (the parser's) and its content."""

    kind: str
    natural: str
    text: str
    excerpt: str
    section: int  # index of its section on the page (-1 for the introduction)
    exchange: int | None = None  # index of the exchange in its section
    fingerprint: str = ""

    def key(self) -> tuple[int, int | None]:
        return (self.section, self.exchange)


def _paragraph_text(paragraphs: Iterable[object]) -> str:
    return "\n".join(str(getattr(p, "text", "")) for p in paragraphs)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT].rsplit(" ", 1)[0] + "…"


def _section_text(section: Section) -> str:
    return section.title + "\n" + _paragraph_text(section.paragraphs)


def items(briefing: Briefing) -> list[Item]:
    """The introduction, every agenda item and every exchange, in page order."""
    found = []
    if briefing.intro:
        text = _paragraph_text(briefing.intro)
        found.append(Item(INTRO, "introduction", text, _excerpt(text), -1, None, fingerprint(text)))
    for s, section in enumerate(briefing.sections):
        text = _section_text(section)
        found.append(Item(SECTION, section.anchor, text, _excerpt(section.title), s, None, fingerprint(text)))
        for e, exchange in enumerate(section.exchanges):
            question = _paragraph_text(exchange.question.paragraphs)
            text = question + "\n" + "\n".join(_paragraph_text(a.paragraphs) for a in exchange.answers)
            found.append(Item(EXCHANGE, exchange.anchor, text, _excerpt(question), s, e, fingerprint(text)))
    return found


# --- Reading and writing the ledger --------------------------------------------------------------------------


def _field(record: dict[str, object], name: str, where: tuple[str, int], pattern: re.Pattern[str] | None = None
           ) -> str:
    value = record.get(name)
    if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
        raise LedgerError(*where, f"expected {name!r} to be {'an id' if pattern else 'a string'}, got {value!r}")
    return value


def read(path: Path) -> Ledger:
    """The ledger in ``path``; an empty one where the file does not exist. Raises :class:`LedgerError`."""
    if not path.exists():
        return Ledger()
    entries: list[Entry] = []
    sources: dict[str, str] = {}
    page: str | None = None
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        where = (str(path), number)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise LedgerError(*where, f"expected a JSON object, got {error.msg.lower()}") from None
        if not isinstance(record, dict):
            raise LedgerError(*where, f"expected a JSON object, got {type(record).__name__}")
        if number == 1:
            if record.get("ledger") != FORMAT:
                raise LedgerError(*where, f"expected a ledger of format {FORMAT}, got {record.get('ledger')!r}")
            continue
        if "page" in record:
            page = _field(record, "page", where, _RE_PAGE)
            sources[page] = _field(record, "source", where)
            continue
        if page is None:
            raise LedgerError(*where, "expected a page line before its anchors, got an anchor")
        kind = _field(record, "kind", where)
        if kind not in KINDS:
            raise LedgerError(*where, f"expected a kind of {', '.join(KINDS)}, got {kind!r}")
        raw_sketch = _field(record, "sketch", where, re.compile(r"(?:[0-9a-f]{8})*"))
        entries.append(Entry(
            page=page,
            anchor=_field(record, "id", where, _RE_ANCHOR),
            kind=kind,
            fingerprint=_field(record, "fp", where, re.compile(r"[0-9a-f]{16}")),
            sketch=tuple(int(raw_sketch[i:i + 8], 16) for i in range(0, len(raw_sketch), 8)),
            excerpt=_field(record, "text", where),
            section=str(record.get("in", "")),
            removed=record.get("removed") is True,
        ))
    return Ledger(tuple(entries), sources)


def dumps(ledger: Ledger) -> str:
    """The ledger file: a header line, then per page a page line and one line per published id, in order."""
    lines = [json.dumps(HEADER, ensure_ascii=False)]
    for page, entries in sorted(ledger.pages().items()):
        lines.append(json.dumps({"page": page, "source": ledger.sources.get(page, "")}, ensure_ascii=False))
        for entry in entries:
            record: dict[str, object] = {"id": entry.anchor, "kind": entry.kind}
            if entry.section:
                record["in"] = entry.section
            record["fp"] = entry.fingerprint
            record["sketch"] = "".join(f"{value:08x}" for value in entry.sketch)
            if entry.removed:
                record["removed"] = True
            record["text"] = entry.excerpt
            lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


# --- Matching --------------------------------------------------------------------------------------------------


@dataclass
class _Match:
    """Published entries of one page group matched to the items of one current page."""

    found: dict[int, int] = field(default_factory=dict)  # entry index -> item index
    merged: dict[int, int] = field(default_factory=dict)  # entry index -> item index taken by another entry


class _Sketches:
    """Sketches of current items, made only for the items a near match needs."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[int, ...]] = {}

    def of(self, item: Item) -> tuple[int, ...]:
        if item.fingerprint not in self._made:
            self._made[item.fingerprint] = sketch(item.text)
        return self._made[item.fingerprint]


def _match(entries: Sequence[Entry], current: Sequence[Item], sketches: _Sketches) -> _Match:
    result = _Match()
    taken: set[int] = set()
    # 1. The same text (normalised), the same kind: in order, so repeated texts pair up in page order.
    by_print: dict[tuple[str, str], list[int]] = {}
    for i, item in enumerate(current):
        by_print.setdefault((item.kind, item.fingerprint), []).append(i)
    for e, entry in enumerate(entries):
        if entry.removed:
            continue
        for i in by_print.get((entry.kind, entry.fingerprint), []):
            if i not in taken:
                result.found[e] = i
                taken.add(i)
                break
    # 2. Near matches: the most similar pairs first; an equal score goes to the nearer position.
    open_entries = [e for e, entry in enumerate(entries) if e not in result.found and not entry.removed]
    if open_entries:
        pairs = []
        for e in open_entries:
            for i, item in enumerate(current):
                if i in taken or item.kind != entries[e].kind:
                    continue
                score = similarity(entries[e].sketch, sketches.of(item))
                if score >= NEAR:
                    pairs.append((-score, abs(e - i), e, i))
        for _score, _distance, e, i in sorted(pairs):
            if e not in result.found and i not in taken:
                result.found[e] = i
                taken.add(i)
    # 3. An agenda item that kept no text of its own (a reworded Q&A topic): the one whose exchanges it holds.
    for e, entry in enumerate(entries):
        if e in result.found or entry.removed or entry.kind != SECTION:
            continue
        held = [current[i].section for f, i in result.found.items()
                if entries[f].kind == EXCHANGE and entries[f].section == entry.anchor]
        if held and all(s == held[0] for s in held):
            holder = next((n for n, item in enumerate(current) if item.kind == SECTION and item.section == held[0]),
                          None)
            if holder is not None and holder not in taken:
                result.found[e] = holder
                taken.add(holder)
    # 4. Two published items now one (merged by a correction): the later id leads to the one that remains.
    for e, entry in enumerate(entries):
        if e in result.found or entry.removed:
            continue
        best = max(
            ((similarity(entry.sketch, sketches.of(item)), i) for i, item in enumerate(current)
             if i in taken and item.kind == entry.kind),
            default=(0.0, -1),
        )
        if best[0] >= NEAR:
            result.merged[e] = best[1]
    return result


def _overlap(entries: Sequence[Entry], current: Sequence[Item]) -> int:
    prints = {item.fingerprint for item in current}
    return sum(1 for entry in entries if entry.fingerprint in prints)


def _fresh(item: Item, previous: str | None, taken: set[str]) -> str:
    """An id for new content whose natural id a published one holds: 'q5a' after q5, 'slug-2' for items."""
    if item.kind == EXCHANGE:
        root = _RE_QUESTION.match(previous or "")
        base = root.group() if root else "q0"
        candidates = [f"{base}{chr(c)}" for c in range(ord("a"), ord("z") + 1)]
        candidates += [f"{base}-{n}" for n in range(2, 10_000)]
    else:
        candidates = [f"{item.natural}-{n}" for n in range(2, 10_000)]
    return next(c for c in candidates if c not in taken)


def _renamed(briefing: Briefing, ids: dict[tuple[int, int | None], str]) -> Briefing:
    sections = []
    for s, section in enumerate(briefing.sections):
        exchanges = tuple(
            dataclasses.replace(exchange, anchor=ids.get((s, e), exchange.anchor))
            for e, exchange in enumerate(section.exchanges)
        )
        sections.append(dataclasses.replace(section, anchor=ids.get((s, None), section.anchor), exchanges=exchanges))
    return dataclasses.replace(briefing, sections=tuple(sections))


def _page(path: str, briefing: Briefing) -> links.Page:
    anchors = {"agenda"} | {s.anchor for s in briefing.sections} | {e.anchor for e in briefing.exchanges}
    if briefing.intro:
        anchors.add("introduction")
    return links.Page(path, briefing, frozenset(anchors))


def _describe(entry: Entry) -> str:
    what = "Question" if entry.kind == EXCHANGE else "The introduction" if entry.kind == INTRO else "Agenda item"
    return f"{what} #{entry.anchor} (“{entry.excerpt}”)"


def reconcile(ledger: Ledger, pages: Sequence[links.Page]) -> Resolution:
    """Pages with their published ids, the aliases and redirects that keep old ids working, and what is lost."""
    if not ledger.entries:
        return Resolution(pages=list(pages))  # nothing published yet: every id is the parser's
    by_path = {page.path: page for page in pages}
    current = {page.path: items(page.briefing) for page in pages}
    published = ledger.pages()
    # A published page's successor: itself while its path exists, else the page holding most of its texts.
    successor: dict[str, str | None] = {}
    for path, entries in published.items():
        if path in by_path:
            successor[path] = path
            continue
        scored = [(_overlap(entries, current[p]), by_path[p].briefing.source == ledger.sources.get(path), p)
                  for p in by_path if p not in published]
        best = max(scored, key=lambda s: (s[0], s[1], [-ord(c) for c in s[2]]), default=(0, False, ""))
        successor[path] = best[2] if best[0] > 0 else None
    # Each current page takes its ids from its own published entries, or else from the page it succeeds.
    owner: dict[str, str] = {}
    for path in sorted(published):
        target = successor[path]
        if target is not None and (target == path or (target not in published and target not in owner)):
            owner[target] = path
    sketches = _Sketches()
    matches: dict[str, tuple[str, _Match]] = {}  # published page -> (current page, match)
    for path, entries in published.items():
        target = successor[path]
        if target is not None:
            matches[path] = (target, _match(entries, current[target], sketches))
    result = Resolution(pages=[])
    final_ids: dict[str, dict[tuple[int, int | None], str]] = {}
    for page in pages:
        found = current[page.path]
        ids: dict[tuple[int, int | None], str] = {}
        source = owner.get(page.path)
        taken: set[str] = set(_FIXED) | {"introduction"}
        if source is not None:
            entries = published[source]
            taken |= {entry.anchor for entry in entries}
            for e, i in matches[source][1].found.items():
                ids[found[i].key()] = entries[e].anchor
        previous: str | None = None
        for item in found:
            if item.kind == INTRO:
                continue
            if item.key() not in ids:
                natural = item.natural
                ids[item.key()] = natural if natural not in taken else _fresh(item, previous, taken)
                taken.add(ids[item.key()])
            if item.kind == EXCHANGE:
                previous = ids[item.key()]
        final_ids[page.path] = ids
        result.pages.append(_page(page.path, _renamed(page.briefing, ids)))
    # Where every published id leads now.
    locations: dict[str, tuple[str, str]] = {}  # fingerprint -> (page, id) of current content, for moves
    for path, found in current.items():
        for item in found:
            anchor = "introduction" if item.kind == INTRO else final_ids[path][item.key()]
            locations.setdefault(item.fingerprint, (path, anchor))
    for path, entries in published.items():
        _place(path, entries, successor[path], matches.get(path), current, final_ids, locations, result)
    return result


def _id_of(item: Item, ids: dict[tuple[int, int | None], str]) -> str:
    return "introduction" if item.kind == INTRO else ids[item.key()]


def _place(
    path: str, entries: list[Entry], target: str | None, match: tuple[str, _Match] | None,
    current: dict[str, list[Item]], final_ids: dict[str, dict[tuple[int, int | None], str]],
    locations: dict[str, tuple[str, str]], result: Resolution,
) -> None:
    """Resolve one published page's ids: in place, as aliases, in a redirect page, or lost."""
    found = current[target] if target else []
    ids = final_ids.get(target, {}) if target else {}
    matched = match[1] if match else _Match()
    spots: list[tuple[str, str] | None] = []
    for e, _entry in enumerate(entries):
        i = matched.found.get(e, matched.merged.get(e))
        spots.append((target, _id_of(found[i], ids)) if target is not None and i is not None else None)
    redirect: list[tuple[str, str, str | None, str | None]] = []
    for e, entry in enumerate(entries):
        spot = spots[e]
        note: str | None = None
        link: tuple[str, str] | None = None
        if spot is None:
            elsewhere = locations.get(entry.fingerprint) if not entry.removed else None
            if elsewhere is not None:
                link = elsewhere
                note = f"{_describe(entry)} is now on another page"
            else:
                if not entry.removed:
                    result.lost.append(entry)
                note = f"{_describe(entry)} was removed in a correction of the transcript; this is the nearest place"
            result.placed[(path, entry.anchor)] = link
        else:
            result.placed[(path, entry.anchor)] = spot
        if path == target:
            assert spot is None or spot[0] == path
            if spot is not None and spot[1] == entry.anchor:
                continue  # it is still the id of its content
            near = spot[1] if spot is not None else _nearest(spots, e)
            result.aliases.setdefault(path, {}).setdefault(near, []).append(Alias(entry.anchor, note, link))
        else:
            where = spot or link
            redirect.append((entry.anchor, where[0], where[1], note if spot is None else None) if where else
                            (entry.anchor, target or "", _nearest(spots, e) if target else "", note))
    if path != target:
        result.redirects.append(Redirect(path, target, tuple(redirect)))


def _nearest(spots: Sequence[tuple[str, str] | None], index: int) -> str:
    """The id of the nearest published entry that survives: the next one, else the one before, else the agenda."""
    for spot in [*spots[index + 1:], *reversed(spots[:index])]:
        if spot is not None:
            return spot[1]
    return "agenda"


# --- The updated ledger ---------------------------------------------------------------------------------------


def updated(ledger: Ledger, resolution: Resolution) -> Ledger:
    """The ledger after this build: every id published now, and every id published before (gone ones removed).

    Entries whose content changed take the new fingerprint, so a chain of small corrections stays matched.
    """
    made: dict[str, tuple[int, ...]] = {}
    old_prints = {(entry.fingerprint): entry.sketch for entry in ledger.entries}
    current: dict[tuple[str, str], Entry] = {}
    sources = dict(ledger.sources)
    order: dict[str, list[Entry]] = {}
    for page in resolution.pages:
        sources[page.path] = page.briefing.source
        found = items(page.briefing)
        for item in found:
            anchor = "introduction" if item.kind == INTRO else _anchor_of(page.briefing, item)
            section = page.briefing.sections[item.section].anchor if item.kind == EXCHANGE else ""
            if item.fingerprint not in made:
                made[item.fingerprint] = old_prints.get(item.fingerprint) or sketch(item.text)
            entry = Entry(page.path, anchor, item.kind, item.fingerprint, made[item.fingerprint], item.excerpt,
                          section)
            current[(page.path, anchor)] = entry
            order.setdefault(page.path, []).append(entry)
    # Published entries not published again here: they stay, following the content they resolve to.
    kept: dict[str, list[Entry]] = {}
    for entry in ledger.entries:
        if (entry.page, entry.anchor) in current:
            continue
        spot = resolution.placed.get((entry.page, entry.anchor))
        now = current.get(spot) if spot else None
        if now is not None:
            entry = dataclasses.replace(entry, fingerprint=now.fingerprint, sketch=now.sketch, excerpt=now.excerpt,
                                        removed=False)
        else:
            entry = dataclasses.replace(entry, removed=True)
        kept.setdefault(entry.page, []).append(entry)
    entries: list[Entry] = []
    published = ledger.pages()
    for path in sorted(set(order) | set(kept)):
        entries.extend(_merge(published.get(path, []), order.get(path, []), kept.get(path, [])))
    return Ledger(tuple(entries), {p: s for p, s in sources.items() if p in order or p in kept})


def _anchor_of(briefing: Briefing, item: Item) -> str:
    section = briefing.sections[item.section]
    return section.anchor if item.exchange is None else section.exchanges[item.exchange].anchor


def _merge(before: list[Entry], now: list[Entry], kept: list[Entry]) -> list[Entry]:
    """Entries in page order now, each kept (gone or moved) entry after the one that preceded it before."""
    after: dict[str | None, list[Entry]] = {}
    position = {entry.anchor: n for n, entry in enumerate(before)}
    present = {entry.anchor for entry in now}
    for entry in sorted(kept, key=lambda k: position.get(k.anchor, len(before))):
        n = position.get(entry.anchor, len(before))
        anchor = next((b.anchor for b in reversed(before[:n]) if b.anchor in present), None)
        after.setdefault(anchor, []).append(entry)
    merged = list(after.get(None, []))
    for entry in now:
        merged.append(entry)
        merged.extend(after.get(entry.anchor, []))
    return merged
