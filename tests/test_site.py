"""Corpus builds: pages written where expected, deterministic, stale pages removed, strict MkDocs builds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from converter import build
from converter.build import verify

from .conftest import ROOT, SEEDS, build_site, mkdocs_build, tree

PAGES = ["briefings/2021/2021-01-28.md", "briefings/2025/2025-01-23.md", "index.md"]


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    return corpus


def _briefings_and_home(paths: list[str]) -> list[str]:
    """The briefing pages and the home page among generated files (tests/test_archive.py checks the rest)."""
    return sorted(p for p in paths if re.fullmatch(r"briefings/\d{4}/[\d-]+\.md|index\.md", p))


def test_build_writes_one_page_per_briefing_by_date_and_a_home_page(tmp_path: Path) -> None:
    report = build.build(_corpus(tmp_path), tmp_path / "docs")
    assert (report.errors, report.warnings) == ([], [])
    assert _briefings_and_home(list(tree(tmp_path / "docs"))) == PAGES
    assert sorted(report.written) == sorted(tree(tmp_path / "docs"))


def test_home_page_lists_briefings_newest_first(tmp_path: Path) -> None:
    build.build(_corpus(tmp_path), tmp_path / "docs")
    home = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert re.findall(r"\]\((briefings/\d{4}/[\d-]+\.md)\)", home) == [PAGES[1], PAGES[0]]
    assert "**2** briefings with **37** questions from the media (2021–2025)" in home
    assert "Maria Zakharova, Moscow (12 statements, 25 Q&A topics, 31 questions)" in home


def test_neighbouring_briefings_link_to_each_other(tmp_path: Path) -> None:
    build.build(_corpus(tmp_path), tmp_path / "docs")
    older = (tmp_path / "docs" / PAGES[0]).read_text(encoding="utf-8")
    newer = (tmp_path / "docs" / PAGES[1]).read_text(encoding="utf-8")
    assert "← Earlier: none · [All briefings](../../index.md) · " in older
    assert "[Later: January 23, 2025 →](../2025/2025-01-23.md){ rel=next }" in older
    assert "[← Earlier: January 28, 2021](../2021/2021-01-28.md){ rel=prev }" in newer
    assert "[All briefings](../../index.md) · Later: none →" in newer


def test_two_builds_give_byte_identical_pages_whatever_the_file_order(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    build.build(corpus, tmp_path / "one")
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for number, path in enumerate(sorted(corpus.iterdir(), reverse=True)):
        shutil.copy(path, renamed / path.name)  # the same files, created in the other order
        assert number < 2
    again = build.build(renamed, tmp_path / "one")
    build.build(renamed, tmp_path / "two")
    assert again.written == []
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_pages_of_removed_transcripts_disappear_and_nothing_else_is_touched(tmp_path: Path) -> None:
    corpus, docs = _corpus(tmp_path), tmp_path / "docs"
    (docs / "dev").mkdir(parents=True)
    (docs / "dev" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    build.build(corpus, docs)
    next(corpus.glob("002_*.txt")).unlink()
    report = build.build(corpus, docs)
    assert _briefings_and_home(report.removed) == [PAGES[0]]
    assert "briefings/2021/index.md" in report.removed  # the year page went with its only briefing
    files = list(tree(docs))
    assert _briefings_and_home(files) == ["briefings/2025/2025-01-23.md", "index.md"]
    assert "dev/notes.md" in files


def test_a_bad_transcript_is_reported_and_the_others_still_convert(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "broken.txt").write_text("Minutes of a meeting\nNothing here is a briefing.\n", encoding="utf-8")
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.errors] == [
        f"{corpus / 'broken.txt'}:1: error: expected a briefing title such as 'Briefing by …', "
        "got 'Minutes of a meeting'"
    ]
    assert len(report.pages) == 2


def test_every_word_of_the_seeds_is_in_their_pages(tmp_path: Path) -> None:
    report = build.build(_corpus(tmp_path), tmp_path / "docs")
    for page in report.pages:
        text = next(SEEDS.glob(page.briefing.source)).read_text(encoding="utf-8")
        markdown = (tmp_path / "docs" / page.path).read_text(encoding="utf-8")
        assert verify.lost_words(text, page.briefing, markdown) is None


def test_the_lost_word_check_can_fail(tmp_path: Path) -> None:
    report = build.build(_corpus(tmp_path), tmp_path / "docs")
    page = report.pages[0]
    text = next(SEEDS.glob(page.briefing.source)).read_text(encoding="utf-8")
    markdown = (tmp_path / "docs" / page.path).read_text(encoding="utf-8")
    assert verify.lost_words(text, page.briefing, markdown.replace("Hashemite", "Jordanian")) == (58, "Hashemite")


def test_mkdocs_uses_the_markdown_extensions_the_converter_checks_against() -> None:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # MkDocs' loader: it reads !ENV
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == verify.MARKDOWN_EXTENSIONS
    assert config["theme"]["font"] is False
    assert set(config["validation"].values()) == {"warn"}
    assert config["strict"] is True


@pytest.mark.slow
def test_strict_build_of_the_seeds_loads_nothing_from_another_host(seed_site: Path) -> None:
    for html in seed_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        sources = re.findall(r'<(?:script|link|img|iframe)\b[^>]*?(?:src|href)="([^"]+)"', text)
        assert [s for s in sources if re.match(r"(?:https?:)?//", s)] == [], html


@pytest.mark.slow
def test_strict_build_indexes_text_inside_sections(seed_site: Path) -> None:
    """The site's search (assets/search/index/, see docs/dev/performance.md) indexes each agenda item."""
    shards = "".join(p.read_text(encoding="utf-8") for p in sorted((seed_site / "assets/search/index").glob("d*.js")))
    # A record is [anchor, title, text, ...]; its page comes from the briefings table in meta.js.
    assert '["e-visas","E-visas","Pursuant to the Federal Law No. 305-FZ' in shards
    assert '["2021-01-28",' in (seed_site / "assets/search/index/meta.js").read_text(encoding="utf-8")


@pytest.mark.slow
def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path, seed_corpus: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    build_site(seed_corpus, work)
    (work / "docs" / "broken.md").write_text("[x](index.md#no-such-anchor)\n", encoding="utf-8")
    result = mkdocs_build(work)
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr


@pytest.mark.slow
def test_strict_build_fails_on_a_transcript_with_an_error_and_names_it(tmp_path: Path, seed_corpus: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    build_site(seed_corpus, work)
    (work / "corpus" / "bad.txt").write_text("Minutes of a meeting\n", encoding="utf-8")
    result = mkdocs_build(work)
    assert result.returncode == 1
    assert f"{work / 'corpus' / 'bad.txt'}:1: error: expected a briefing title such as" in result.stderr


@pytest.mark.slow
def test_the_plugin_removes_the_page_of_a_removed_transcript(tmp_path: Path, seed_corpus: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    built = build_site(seed_corpus, work)
    assert (built / "briefings" / "2021" / "2021-01-28" / "index.html").is_file()
    next((work / "corpus").glob("002_*.txt")).unlink()
    assert mkdocs_build(work).returncode == 0
    assert not (built / "briefings" / "2021").exists()
    assert not (work / "docs" / "briefings" / "2021").exists()
