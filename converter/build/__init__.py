"""The build: corpus folder in, Markdown pages out, as a list of named stages.

``corpus/*.txt --convert--> transcripts --collect--> pages --render--> Markdown --write--> docs/``. Each
transcript is converted on its own (in worker processes when many changed) or taken from the cache; the
pages, listings, feeds and dataset are then rendered from the converted models and written one at a time,
each only when its bytes change. The CLI, the MkDocs plugin and the tests call :func:`build`; nothing here
needs MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from converter import ledger, links, repeats, speakers, stories, topics
from converter.build import sources, verify
from converter.build.cache import TRANSCRIPTS, Cache, cached_map, digest, key, page_key, parallel_map
from converter.build.corpus import Transcript, cacheable, convert, discover
from converter.build.report import ERROR, WARNING, Problem, Report
from converter.build.write import Output, write_atomic, write_outputs
from converter.exports import dataset, feeds, subject_feeds
from converter.model import Briefing
from converter.pages import briefing as briefing_page
from converter.pages import listings as listing_pages
from converter.pages import moved

__all__ = ["ERROR", "WARNING", "Problem", "Report", "Transcript", "build", "discover", "write_atomic",
           "write_outputs"]

# The folder of the pages' answers, shingled and sketched (converter/repeats.py), under the cache's root.
REPEATS = "repeats"
# The folders of the briefing pages' and the topic pages' Markdown, and of each briefing's share of the data
# files, compressed (converter/exports/dataset.py).
MARKDOWN = "markdown"
TOPICS = "topics"
# The folder of what each page's items name (countries, organisations, places: topics.named_on).
NAMED = "named"
DATASET = "dataset"
# progress(stage, done, total): told as each transcript is converted.
Progress = Callable[[str, int, int], None]


def build(
    corpus: Path,
    docs: Path,
    site_url: str | None = None,
    *,
    cache: Path | None = None,
    workers: int | None = None,
    check_pages: bool = True,
    progress: Progress | None = None,
    ledger_path: Path | None = None,
) -> Report:
    """Convert the corpus into pages under ``docs``: convert, collect, render, verify, write, sweep.

    ``site_url`` (mkdocs.yml's) makes the feeds' and the dataset's URLs absolute; without it they are relative.
    ``cache`` is the conversion cache's folder (none: convert everything). ``workers`` processes convert (the
    machine's cores by default). ``check_pages`` renders each briefing page with Python-Markdown to check that
    nothing is lost; the MkDocs plugin turns it off and checks the HTML MkDocs renders instead.
    ``ledger_path`` is the ledger of published ids (:mod:`converter.ledger`); without one (or where the file
    does not exist yet) every id is the parser's and nothing is checked.
    """
    report = Report()
    if not corpus.is_dir():
        report.problems.append(Problem(str(corpus), 0, "expected a corpus folder of .txt transcripts, got none"))
        return report
    _collect_pages(corpus, report, cache, workers, progress)
    if ledger_path is not None:
        report.resolution = keep_published(report, ledger_path)
    report.problems.extend(_same_day(report))
    report.page_keys = {page.path: page_key(page) for page in report.pages}
    kept = Made(cache) if cache else None
    outputs = render_all(report.pages, {path: t.source for path, t in report.sources.items()}, site_url,
                         report.resolution, _repeated(report, cache, workers), kept, report.page_keys,
                         _named(report, cache))
    if check_pages:
        outputs = _checked(outputs, report)
    write_outputs(docs, outputs, report)
    if kept:
        kept.prune()
    return report


class Made:
    """What render_all made last time from the same inputs: briefing pages, topic pages, data file shares."""

    def __init__(self, root: Path) -> None:
        self.pages = Cache(root / MARKDOWN, str)
        self.topics = Cache(root / TOPICS, tuple)
        self.chunks = Cache(root / DATASET, dataset.Chunk)

    def prune(self) -> None:
        for cache in (self.pages, self.topics, self.chunks):
            cache.prune()


def _repeated(report: Report, cache: Path | None, workers: int | None) -> dict[tuple[str, str], repeats.Repeat]:
    """The repeated answers of the pages, sketching only the pages the cache does not know."""
    kept = Cache(cache / REPEATS, tuple) if cache else None
    keys = [digest(REPEATS, report.page_keys[page.path]) for page in report.pages]
    prepared, _ = cached_map(repeats.prepare, report.pages, keys, kept, workers)
    by_path = {page.path: found for page, found in zip(report.pages, prepared, strict=True)}
    return repeats.find(report.pages, prepared=by_path)


def _named(report: Report, cache: Path | None) -> dict[str, tuple[tuple[topics.Entity, ...], ...]]:
    """What each page's items name, finding it only on the pages the cache does not know."""
    kept = Cache(cache / NAMED, tuple) if cache else None
    keys = [digest(NAMED, report.page_keys[page.path]) for page in report.pages]
    found, _ = cached_map(topics.named_on, report.pages, keys, kept, 1)  # 2 ms a page: not worth a worker
    return {page.path: named for page, named in zip(report.pages, found, strict=True)}


def _collect_pages(
    corpus: Path, report: Report, cache: Path | None, workers: int | None, progress: Progress | None
) -> None:
    """Convert every transcript (or take it from the cache) and give each briefing its page."""
    kept = Cache(cache / TRANSCRIPTS, Transcript) if cache else None
    transcripts = convert_all(discover(corpus), report, kept, workers, progress)
    converted = [t for t in transcripts if t.briefing is not None]
    for transcript in transcripts:
        report.problems.extend(transcript.problems)
        report.boilerplate.extend((transcript.path, n, text) for n, text in transcript.removed)
        if transcript.briefing is not None:
            report.transcripts.setdefault(transcript.name, transcript.path)
    # links.collect orders by this key too, and the sort is stable: its pages come in this list's order.
    ordered = sorted(converted, key=lambda t: links.sort_key(_briefing(t)))
    report.pages = links.collect([_briefing(t) for t in ordered])
    report.sources = {page.path: t for page, t in zip(report.pages, ordered, strict=True)}


def _read_ledger(report: Report, ledger_path: Path) -> ledger.Ledger | None:
    """The ledger, or None with its problem reported."""
    try:
        return ledger.read(ledger_path)
    except ledger.LedgerError as error:
        report.problems.append(Problem(error.path, error.line, error.message))
        return None


def keep_published(report: Report, ledger_path: Path) -> ledger.Resolution | None:
    """Reconcile the ledger with the collected pages: the pages take their published ids; a published id
    whose text is gone and that the ledger does not record as removed is an error that names it."""
    book = _read_ledger(report, ledger_path)
    if book is None:
        return None
    resolution = ledger.reconcile(book, report.pages)
    report.pages = resolution.pages  # the same paths in the same order, with the published ids
    for entry in resolution.lost:
        report.problems.append(Problem(
            str(ledger_path), 0,
            f"{links.url(entry.page, entry.anchor)}: expected the published anchor to lead to its text, got the "
            f"text gone (“{entry.excerpt}”); restore it, or run `briefings ledger` to record its removal",
        ))
    return resolution


def published(corpus: Path, ledger_path: Path, cache: Path | None = None) -> tuple[Report, ledger.Ledger | None]:
    """Convert and collect the corpus and reconcile it with the ledger, without rendering: ``briefings ledger``."""
    report = Report()
    if not corpus.is_dir():
        report.problems.append(Problem(str(corpus), 0, "expected a corpus folder of .txt transcripts, got none"))
        return report, None
    _collect_pages(corpus, report, cache, None, None)
    book = _read_ledger(report, ledger_path)
    if book is None:
        return report, None
    report.resolution = ledger.reconcile(book, report.pages)
    report.pages = report.resolution.pages
    return report, book


def _briefing(transcript: Transcript) -> Briefing:
    assert transcript.briefing is not None
    return transcript.briefing


def convert_all(
    paths: Sequence[Path], report: Report, cache: Cache[Transcript] | None, workers: int | None,
    progress: Progress | None,
) -> list[Transcript]:
    """Every path's :class:`Transcript`, in the paths' order: from the cache where it has one, else converted,
    in worker processes when there are many to convert."""
    found: dict[int, Transcript] = {}
    missing: list[tuple[int, Path, str | None]] = []
    for number, path in enumerate(paths):
        name = key(path) if cache and cacheable(path) else None
        if name:
            report.transcript_keys[str(path)] = name
        hit = cache.get(name) if cache and name else None
        if hit is not None:
            found[number] = hit
        else:
            missing.append((number, path, name))
    report.reused = len(found)
    report.converted = len(missing)
    done = len(found)
    if progress:
        progress("convert", done, len(paths))
    results = parallel_map(convert, [path for _, path, _ in missing], workers)
    _collect(missing, results, found, cache, progress, done, len(paths))
    if cache:
        cache.prune()
    return [found[number] for number in range(len(paths))]


def _collect(
    missing: list[tuple[int, Path, str | None]], results: Iterator[Transcript], found: dict[int, Transcript],
    cache: Cache[Transcript] | None, progress: Progress | None, done: int, total: int,
) -> None:
    for (number, _path, name), transcript in zip(missing, results, strict=True):
        found[number] = transcript
        if cache and name and transcript.briefing is not None:
            cache.put(name, transcript)
        done += 1
        if progress:
            progress("convert", done, total)


def render_all(
    pages: list[links.Page], known: dict[str, sources.Source] | None = None, site_url: str | None = None,
    resolution: ledger.Resolution | None = None, repeated: dict[tuple[str, str], repeats.Repeat] | None = None,
    made: Made | None = None, page_keys: dict[str, str] | None = None,
    named: dict[str, tuple[tuple[topics.Entity, ...], ...]] | None = None,
) -> Iterator[Output]:
    """Every generated file as (path in the docs folder, text), one at a time: briefing, year, speaker and
    topic pages, the home page, the feeds, the data files and their schema page. ``known`` holds the source
    files' metadata by page path; ``resolution`` the ledger's aliases and redirect pages; ``repeated`` the
    repeated answers (:func:`converter.repeats.find`) where the caller found them already. With ``made`` (and
    the pages' :func:`page_key` s), a briefing page, a topic's pages or a briefing's share of the data files
    whose inputs are as last time is taken from the cache instead of being made again; ``named`` is what each
    page's items name (:func:`converter.topics.named_on`), where the caller found it already."""
    if made is not None and page_keys is None:
        page_keys = {page.path: page_key(page) for page in pages}
    known = known or {}
    aliases = resolution.aliases if resolution else {}
    index = topics.build(pages, named)
    told = stories.build(index)
    if repeated is None:
        repeated = repeats.find(pages)
    pages_by_path = {page.path: page for page in pages}
    repeated_on: dict[str, dict[str, repeats.Repeat]] = {}
    for (path, anchor), found in repeated.items():
        repeated_on.setdefault(path, {})[anchor] = found
    for position, page in enumerate(pages):
        before = pages[position - 1] if position > 0 else None
        after = pages[position + 1] if position + 1 < len(pages) else None
        neighbours = briefing_page.Neighbours(
            previous=_neighbour(page, before),
            next=_neighbour(page, after),
            home=links.relative(page.path, links.HOME),
        )
        source = known.get(page.path) or sources.Source()
        by_anchor = {
            anchor: [(topic.name, links.relative(page.path, topic.path)) for topic in found]
            for anchor, found in index.on_page(page.path).items()
        }
        context = briefing_page.Context(
            page_id=links.page_id(page.path), topics=by_anchor, source_url=source.source_url,
            notes=source.notes, printed_date=source.printed_date, aliases=aliases.get(page.path, {}), path=page.path,
            stories={
                anchor: [briefing_page.StoryLinks(
                    story.topic.name, _story_link(page.path, story.earlier, pages_by_path),
                    _story_link(page.path, story.later, pages_by_path),
                ) for story in found]
                for anchor, found in told.get(page.path, {}).items()
            },
            repeats={
                anchor: (_where(pages_by_path[r.first.page], r.first.anchor),
                         links.relative(page.path, r.first.page, r.first.anchor), r.similarity)
                for anchor, r in repeated_on.get(page.path, {}).items()
            },
        )
        make = functools.partial(briefing_page.briefing_page, page.briefing, neighbours, context)
        if made is None or page_keys is None:
            yield page.path, make()
        else:
            yield page.path, made.pages.made((page_keys[page.path], neighbours, context), make)
    listings = [listing_pages.Listing(page.path, page.briefing) for page in reversed(pages)]
    yield links.HOME, listing_pages.home_page(listings, index, feeds=bool(site_url))
    yield links.ARCHIVE, listing_pages.archive_page(listings)
    by_year: dict[int | None, list[listing_pages.Listing]] = {}
    by_speaker: dict[str, list[listing_pages.Listing]] = {}
    for listing in listings:
        by_year.setdefault(listing.briefing.date.year if listing.briefing.date else None, []).append(listing)
        if listing.briefing.speaker:
            by_speaker.setdefault(listing.briefing.speaker, []).append(listing)
    for year, of_year in by_year.items():
        yield links.year_path(year), listing_pages.year_page(year, of_year)
    yield f"{links.SPEAKERS_DIR}/index.md", listing_pages.speakers_page(listings)
    for name, of_speaker in by_speaker.items():
        printed = speakers.SPEAKERS.get(name, ())
        yield links.speaker_path(name), listing_pages.speaker_page(name, of_speaker, printed)
    yield f"{links.TOPICS_DIR}/index.md", listing_pages.topics_page(index)
    by_path = {listing.path: listing for listing in listings}
    years = [year for year in by_year if year is not None]
    span = (min(years), max(years)) if years else None
    for topic in index.topics:
        if made is None or page_keys is None:
            yield from listing_pages.topic_pages(topic, by_path, span)
            continue
        mentions = [(m.page, m.anchor, m.date, m.order, m.section.anchor, m.exchange is None, page_keys[m.page])
                    for m in topic.mentions]
        yield from made.topics.made((topic.slug, topic.name, topic.group, span, mentions),
                                    functools.partial(_topic_pages, topic, by_path, span))
    yield from feeds.files(pages, site_url).items()
    yield from subject_feeds.files(pages, index, site_url).items()
    entries = [dataset.Entry(page, (known.get(page.path) or sources.Source()).source_url,
                             (known.get(page.path) or sources.Source()).notes) for page in pages]
    data = dataset.build(entries, index, site_url, repeated, told, made.chunks.made if made else None)
    yield from data.files.items()
    yield links.DATA_PAGE, dataset.schema_page(entries, data, site_url)
    if resolution:
        yield from moved.files(resolution).items()


def _topic_pages(topic: topics.Topic, listings: dict[str, listing_pages.Listing], span: tuple[int, int] | None
                 ) -> tuple[Output, ...]:
    return tuple(listing_pages.topic_pages(topic, listings, span))


def _where(page: links.Page, anchor: str) -> str:
    """'January 28, 2021, question 3': an exchange as a note names it."""
    return f"{briefing_page.long_date(page.briefing)}, question {anchor.removeprefix('q')}"


def _story_link(source: str, mention: stories.Mention | None, pages: dict[str, links.Page]
                ) -> tuple[str, str] | None:
    """(the briefing's date, the relative link to the item) for one side of a story."""
    if mention is None:
        return None
    return briefing_page.long_date(pages[mention.page].briefing), links.relative(source, mention.page, mention.anchor)


def _neighbour(page: links.Page, other: links.Page | None) -> tuple[str, str] | None:
    """The link from ``page`` to the page before or after it, and its text (the other briefing's date)."""
    if other is None:
        return None
    return links.relative(page.path, other.path), briefing_page.long_date(other.briefing)


def _checked(outputs: Iterator[Output], report: Report) -> Iterator[Output]:
    """The outputs unchanged, each briefing page checked on its way that no line of its transcript is lost."""
    pages = {page.path: page for page in report.pages}
    for path, text in outputs:
        transcript = report.sources.get(path)
        if transcript is not None:
            lost = verify.lost_words(transcript.text, pages[path].briefing, str(text))
            if lost:
                report.problems.append(lost_problem(transcript.path, lost))
        yield path, text


def lost_problem(path: str, lost: tuple[int, str]) -> Problem:
    """The problem of a transcript (at ``path``) whose (line, word) its page lost."""
    line, word = lost
    return Problem(path, line, f"expected {word!r} in the page, got it lost")


def _same_day(report: Report) -> list[Problem]:
    """A warning for each briefing whose page gets '-2', '-3' because an earlier one has the same date.

    The pages' final dates (after source files correct them) are known only once the pages are collected.
    """
    by_date: dict[dt.date, list[links.Page]] = {}
    for page in report.pages:
        if page.briefing.date is not None:
            by_date.setdefault(page.briefing.date, []).append(page)
    found = []
    for date, pages in sorted(by_date.items()):
        if len(pages) < 2:
            continue
        names = ", ".join(report.sources[p.path].path for p in pages)
        for page in pages[1:]:
            found.append(Problem(
                report.sources[page.path].path, page.briefing.title_line,
                f"expected one briefing per date, got {len(pages)} on {date.isoformat()} ({names}); "
                f"this one's page is {page.path}",
                WARNING,
            ))
    return found
