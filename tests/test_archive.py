"""Reading the archive: year, speaker and topic pages, source files, feeds and data in a corpus build, and a
strict MkDocs build of a few hundred synthetic briefings in which every link resolves."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import material
import pytest
import yaml

from bench import synth
from converter import build
from converter.pages import listings
from converter.parse import parse_text

from .conftest import ROOT, build_site
from .transcripts import transcript, write

NATO = [("NATO summit", "NATO met."), ("Ukrainian crisis update", "Shelling.")]


def _front(page: str) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(page.split("---\n", 2)[1])
    return data


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", transcript("December 30, 2024", NATO, [("Trade", ["What about NATO?"])]))
    write(corpus, "b.txt", transcript("January 23, 2025", NATO, [("Tokyo", ["And Japan?"])],
                                      speaker="M.Zakharova"))
    write(corpus, "c.txt", transcript("February 6, 2025", [("Update on the Ukrainian crisis", "More.")], [],
                                      speaker="Alexander Lukashevich", title="Foreign Ministry Spokesman"))
    return corpus


def _read(docs: Path, path: str) -> str:
    return (docs / path).read_text(encoding="utf-8")


def test_build_writes_year_speaker_topic_pages_feeds_and_data(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    report = build.build(_corpus(tmp_path), docs)
    assert report.errors == []
    written = set(report.written)
    assert {
        "index.md", "briefings/index.md", "briefings/2024/index.md", "briefings/2025/index.md",
        "speakers/index.md", "speakers/maria-zakharova.md", "speakers/alexander-lukashevich.md",
        "topics/index.md", "topics/nato.md", "topics/ukraine.md", "topics/ukrainian-crisis-update.md",
        "data.md", "data/briefings.jsonl.gz", "data/qa.jsonl.gz", "data/items.csv.gz", "data/datapackage.json",
    } <= written
    # Feeds need the public address (tests/test_clients.py reads a public build's).
    assert not {"feed.xml", "atom.xml"} & written
    # 'M.Zakharova' and 'Maria Zakharova' are one speaker (speakers.py); one mention of Japan makes no topic.
    assert not any(path.startswith("speakers/m-") for path in written)
    assert "topics/japan.md" not in written


def test_year_page_lists_its_briefings_in_calendar_order_with_speaker_and_agenda(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build.build(_corpus(tmp_path), docs)
    year = _read(docs, "briefings/2025/index.md")
    assert _front(year)["title"] == "Briefings of 2025"
    entries = [line for line in year.splitlines() if line.startswith("- ")]
    assert entries == [
        "- [January 23](2025-01-23.md) · [Maria Zakharova](../../speakers/maria-zakharova.md) · Moscow · "
        "2 statements, 1 Q&A topic, 1 question",
        "- [February 6](2025-02-06.md) · [Alexander Lukashevich](../../speakers/alexander-lukashevich.md) · "
        "Moscow · 1 statement, 0 Q&A topics, 0 questions",
    ]
    assert "## January" not in year  # two briefings: no months


def test_a_long_year_is_grouped_by_month() -> None:
    entries = []
    for month in range(1, 8):
        for day in (3, 17):
            text = transcript(f"{['January', 'February', 'March', 'April', 'May', 'June', 'July'][month - 1]} "
                              f"{day}, 2019", NATO, [])
            briefing = parse_text(text, f"{month}-{day}.txt")
            entries.append(listings.Listing(f"briefings/2019/2019-{month:02}-{day:02}.md", briefing))
    page = listings.year_page(2019, entries)
    assert len(entries) > listings.MONTHS_FROM
    assert re.findall(r"^## (\w+) \{ #(\w+) \}$", page, flags=re.M)[:2] == [("January", "january"),
                                                                             ("February", "february")]
    assert page.index("(2019-01-17.md)") < page.index("## February") < page.index("(2019-02-03.md)")


def test_briefing_page_links_its_speaker_and_topics_and_neighbours_across_years(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build.build(_corpus(tmp_path), docs)
    page = _read(docs, "briefings/2025/2025-01-23.md")
    # The name as the title prints it, linked to the canonical name's page (issue 14).
    assert "**Speaker:** [M.Zakharova](../../speakers/maria-zakharova.md), Foreign Ministry Spokeswoman" in page
    assert "[← Earlier: December 30, 2024](../2024/2024-12-30.md){ rel=prev }" in page
    heading = page.index("## NATO summit { #nato-summit")
    chips = "Topics: [NATO summit](../../topics/nato-summit.md) · [NATO](../../topics/nato.md)\n{: .topics }"
    assert heading < page.index(chips, heading) < page.index("NATO met.", heading)
    assert "Topics: [Ukrainian crisis update](../../topics/ukrainian-crisis-update.md) · [Ukraine](" in page
    assert _front(page)["citation"] == {
        "author": "Zakharova, Maria", "speaker": "Maria Zakharova",
        "title": "Briefing by Foreign Ministry Spokeswoman M.Zakharova, Moscow, January 23, 2025",
        "date": "2025-01-23", "long_date": "January 23, 2025",
        "publisher": "Ministry of Foreign Affairs of the Russian Federation", "id": "2025-01-23",
    }


def test_speaker_page_lists_their_briefings_newest_first(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build.build(_corpus(tmp_path), docs)
    page = _read(docs, "speakers/maria-zakharova.md")
    assert re.findall(r"^- \[([^]]+)\]\(([^)]+)\)", page, flags=re.M) == [
        ("January 23, 2025", "../briefings/2025/2025-01-23.md"),
        ("December 30, 2024", "../briefings/2024/2024-12-30.md"),
    ]
    assert "## 2025 { #year-2025 }" in page and "## 2024 { #year-2024 }" in page
    assert "Transcripts also name them *M.Zakharova*" in page
    index = _read(docs, "speakers/index.md")
    assert index.index("[Maria Zakharova](maria-zakharova.md): 2 briefings (2024–2025)") < index.index("Lukashevich")


def test_topic_page_links_every_mention_to_its_anchor_newest_first_with_a_chart(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build.build(_corpus(tmp_path), docs)
    page = _read(docs, "topics/nato.md")
    targets = re.findall(r"\]\((\.\./briefings/[^)]+#[^)]+)\)", page)
    assert targets == [
        "../briefings/2025/2025-01-23.md#nato-summit",
        "../briefings/2024/2024-12-30.md#nato-summit",
        "../briefings/2024/2024-12-30.md#q1",
    ]
    assert "    - [Question 1](../briefings/2024/2024-12-30.md#q1): What about NATO?" in page
    assert page.index("## 2025 { #year-2025 }") < page.index("## 2024 { #year-2024 }")
    svg = re.search(r'<figure class="topic-chart"><svg [^>]*aria-label="Mentions of NATO per year, 2024–2025"', page)
    assert svg, page
    assert "<title>2024: 2 mentions</title>" in page and "<title>2025: 1 mention</title>" in page
    recurring = _read(docs, "topics/ukrainian-crisis-update.md")
    assert "Recurring agenda item · 3 mentions in 3 briefings" in recurring
    index = _read(docs, "topics/index.md")
    assert "## Recurring agenda items { #agenda }" in index and "- [NATO](nato.md) (3)" in index


def test_home_page_shows_latest_briefings_counts_years_and_ways_in(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build.build(_corpus(tmp_path), docs)
    home = _read(docs, "index.md")
    assert "The archive holds **3** briefings with **2** questions from the media (2024–2025)" in home
    assert "**By year:** [2025](briefings/2025/index.md) (2) · [2024](briefings/2024/index.md) (1)" in home
    assert "[Maria Zakharova](speakers/maria-zakharova.md) (2) · [Alexander Lukashevich]" in home
    assert "**Data:** [the dataset and its schema](data.md)\n" in home and "feed.xml" not in home
    latest = re.findall(r"^- \[([^]]+)\]\(briefings/", home, flags=re.M)
    assert latest == ["February 6, 2025", "January 23, 2025", "December 30, 2024"]


def test_source_file_links_the_original_and_corrects_the_date(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    write(corpus, "b.yml", "source_url: https://mid.ru/en/press_service/briefings/1234/?x=(1)\n"
                           "date: 2025-01-24\nnotes: 'Transcript *as published*, <b>with</b> typos.'\n")
    docs = tmp_path / "docs"
    report = build.build(corpus, docs)
    assert report.errors == []
    assert not (docs / "briefings/2025/2025-01-23.md").exists()
    page = _read(docs, "briefings/2025/2025-01-24.md")
    assert "**Date:** January 24, 2025 (corrected; the transcript says January 23, 2025)" in page
    assert "**Original:** [mid.ru](https://mid.ru/en/press_service/briefings/1234/?x=%281%29)" in page
    assert r"**Note:** Transcript \*as published\*, &lt;b&gt;with&lt;/b&gt; typos." in page
    assert _front(page)["source_url"] == "https://mid.ru/en/press_service/briefings/1234/?x=(1)"
    data = gzip.decompress((docs / "data/briefings.jsonl.gz").read_bytes()).decode("utf-8")
    assert '"source_url": "https://mid.ru/en/press_service/briefings/1234/?x=(1)"' in data


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("source_url: https://mid.ru/x\nsorce: 1\n", 2, "expected one of source_url, date, notes, got 'sorce'"),
        ("date: 2025-02-30\n", 1, "expected a valid date, got '2025-02-30'"),
        ("notes: [unclosed\n", 2, "expected YAML, got a syntax error"),
        ("source_url: ftp://mid.ru/x\n", 1, "expected an http(s) URL, got 'ftp://mid.ru/x'"),
    ],
)
def test_a_bad_source_file_is_a_located_error_and_the_briefing_still_converts(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    corpus = _corpus(tmp_path)
    write(corpus, "b.yml", text)
    report = build.build(corpus, tmp_path / "docs")
    (problem,) = report.errors
    assert str(problem).startswith(f"{corpus / 'b.yml'}:{line}: error: {message}")
    assert (tmp_path / "docs/briefings/2025/2025-01-23.md").is_file()


def test_pages_of_topics_and_speakers_that_are_gone_are_removed(tmp_path: Path) -> None:
    corpus, docs = _corpus(tmp_path), tmp_path / "docs"
    build.build(corpus, docs)
    (corpus / "c.txt").unlink()
    report = build.build(corpus, docs)
    assert "speakers/alexander-lukashevich.md" in report.removed
    assert not (docs / "speakers/alexander-lukashevich.md").exists()
    assert (docs / "topics/nato.md").is_file()


def test_transcript_text_in_titles_stays_inert_on_generated_pages(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    evil = "<script>alert(1)</script> & {{ config }} [x](javascript:alert(1))"
    for day in (1, 2):
        write(corpus, f"{day}.txt", transcript(f"March {day}, 2025", [(evil, "Text.")], []))
    docs = tmp_path / "docs"
    build.build(corpus, docs)
    (topic,) = [p for p in (docs / "topics").glob("*.md") if p.name != "index.md"]
    page = topic.read_text(encoding="utf-8")
    assert _front(page)["title"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ config }} [x](javascript:alert(1))"
    heading = r"# &lt;script&gt;alert\(1\)&lt;/script&gt; &amp; \{\{ config \}\} \[x\]\(javascript:alert\(1\)\)"
    assert heading in page
    # The description stays raw data in the front matter (overrides/main.html escapes it); the body is inert.
    assert "<script" not in page.split("---\n", 2)[2]


@pytest.mark.slow
def test_strict_build_of_200_synthetic_briefings_resolves_every_link(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = synth.write_corpus(200, corpus, seed=4)
    first = paths[0]
    write(corpus, first.with_suffix(".yml").name, "source_url: https://mid.ru/en/foreign_policy/news/1/\n")
    work = tmp_path / "work"
    work.mkdir()
    built = build_site(corpus, work)  # mkdocs build --strict: a broken link or anchor fails it
    briefing_pages = sorted((built / "briefings").glob("20*/20*/index.html"))
    assert len(briefing_pages) == 200
    assert len(list((built / "topics").glob("*/index.html"))) > 20
    assert len(list((built / "speakers").glob("*/index.html"))) >= 4
    for name in ("data/items.csv.gz", "data/qa.jsonl.gz", "data/briefings.jsonl.gz", "data/datapackage.json"):
        assert (built / name).is_file(), name
    # Navigation at scale: a briefing page lists its own year's briefings, not the others'.
    sample = briefing_pages[len(briefing_pages) // 2]
    html = sample.read_text(encoding="utf-8")
    year = sample.parent.parent.name
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-sidebar md-sidebar--secondary"', 1)[0]
    listed = set(re.findall(r'href="\.\./\.\./(\d{4})/\d{4}-\d\d-\d\d/"', nav))
    assert listed <= {year}, listed
    # Built without a public address: no feed links (tests/test_clients.py checks the feeds of a public build).
    assert '<link rel="alternate"' not in html
    # A long year's navigation is captioned by month (overrides/partials/nav-item.html).
    counts = {y.name: len(list(y.glob("20*/index.html"))) for y in (built / "briefings").glob("20??")}
    long_year = max(counts, key=lambda y: counts[y])
    assert counts[long_year] > listings.MONTHS_FROM
    in_long_year = next((built / "briefings" / long_year).glob("20*/index.html")).read_text(encoding="utf-8")
    captions = re.findall(r'<span class="md-nav__month">(\w+)</span>', in_long_year)
    assert captions and captions == sorted(set(captions), key=captions.index)
    assert set(captions) <= {"January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"}
    original = (built / "briefings" / first.stem[:4] / first.stem / "index.html").read_text(encoding="utf-8")
    assert 'href="https://mid.ru/en/foreign_policy/news/1/"' in original


@pytest.mark.slow
def test_every_briefing_of_the_seed_site_cites(seed_site: Path) -> None:
    page = (seed_site / "briefings/2025/2025-01-23/index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_author" content="Zakharova, Maria">' in page
    assert '<meta name="citation_date" content="2025/01/23">' in page
    assert '<meta name="briefing:id" content="2025-01-23">' in page
    assert "assets/briefings.js" in page


def test_the_navigation_override_is_materials_template_plus_the_month_captions() -> None:
    """overrides/partials/nav-item.html must follow the pinned Material: only the marked blocks differ."""
    ours = (ROOT / "overrides" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    stripped = re.sub(r"\s*\{#- briefings: begin.*?\{#- briefings: end -#\}", "", ours, flags=re.DOTALL)
    body = lambda text: text.split("-#}", 1)[1]  # noqa: E731 - the header comments differ
    assert body(stripped) == body(theirs)
    assert f"> {listings.MONTHS_FROM}" in ours


def test_a_topic_of_many_mentions_keeps_its_year_anchors_and_gives_each_year_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listings, "TOPIC_PAGE_BYTES", 500)
    docs = tmp_path / "docs"
    report = build.build(_corpus(tmp_path), docs)
    assert report.errors == []
    page = _read(docs, "topics/nato.md")
    # The years' headings (and their anchors, which readers may have cited) stay, with the year's counts.
    assert re.findall(r"^## (\d+) \{ #(year-\d+) \}$", page, flags=re.M) == [("2025", "year-2025"),
                                                                           ("2024", "year-2024")]
    assert "[1 mention in 1 briefing of 2025](nato/2025.md)" in page
    assert "../briefings/" not in page  # the mentions moved to the years' pages
    year = _read(docs, "topics/nato/2024.md")
    assert _front(year)["title"] == "NATO in 2024"
    assert "[All years of NATO](../nato.md)" in year
    assert re.findall(r"\]\((\.\./\.\./briefings/[^)]+)\)", year) == [
        "../../briefings/2024/2024-12-30.md", "../../briefings/2024/2024-12-30.md#nato-summit",
        "../../briefings/2024/2024-12-30.md#q1",
    ]
    # Topics whose page is short are one page; the years' pages go when the topic shrinks.
    monkeypatch.setattr(listings, "TOPIC_PAGE_BYTES", 300_000)
    report = build.build(_corpus(tmp_path), docs)
    assert "topics/nato/2024.md" in report.removed and not (docs / "topics/nato").exists()
    assert "](../briefings/2024/2024-12-30.md#nato-summit)" in _read(docs, "topics/nato.md")
