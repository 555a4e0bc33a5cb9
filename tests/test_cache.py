"""The conversion cache and the parallel conversion: never a stale page, and the same bytes as a clean build."""

from __future__ import annotations

import functools
import logging
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bench import synth
from converter import build, topics
from converter.build import cache as cache_module
from converter.build import verify
from converter.build.progress import Progress
from converter.exports import dataset
from converter.pages import briefing as briefing_page
from converter.pages import listings
from converter.plugins import BriefingsPlugin
from converter.rendered import Check

from .conftest import SEEDS, tree


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


def _page(docs: Path, report: build.Report, source: str) -> str:
    (path,) = [page.path for page in report.pages if page.briefing.source == source]
    return (docs / path).read_text(encoding="utf-8")


def test_a_warm_build_reuses_every_conversion_and_writes_the_same_bytes_as_a_clean_build(
    corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cold = build.build(corpus, tmp_path / "cold", cache=cache)
    assert (cold.converted, cold.reused) == (2, 0)
    warm = build.build(corpus, tmp_path / "warm", cache=cache)
    assert (warm.converted, warm.reused) == (0, 2)
    build.build(corpus, tmp_path / "clean")
    assert tree(tmp_path / "warm") == tree(tmp_path / "clean") == tree(tmp_path / "cold")
    assert [str(p) for p in warm.problems] == [str(p) for p in cold.problems]
    assert warm.boilerplate == cold.boilerplate


def test_an_edited_transcript_is_converted_again_and_only_it(corpus: Path, tmp_path: Path) -> None:
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    first = build.build(corpus, docs, cache=cache)
    (edited,) = [p for p in corpus.glob("*.txt") if p.name.startswith("000")]
    assert "Ukrainian settlement crisis" not in _page(docs, first, edited.name)
    text = edited.read_text(encoding="utf-8")
    assert "Ukrainian crisis" in text
    edited.write_text(text.replace("Ukrainian crisis", "Ukrainian settlement crisis"), encoding="utf-8")
    second = build.build(corpus, docs, cache=cache)
    assert (second.converted, second.reused) == (1, 1)
    page = _page(docs, second, edited.name)
    assert "Ukrainian settlement crisis" in page
    assert tree(docs) == tree(_clean(corpus, tmp_path))


def _clean(corpus: Path, tmp_path: Path) -> Path:
    docs = tmp_path / "clean"
    shutil.rmtree(docs, ignore_errors=True)
    build.build(corpus, docs)
    return docs


def test_an_edited_source_file_is_read_again(corpus: Path, tmp_path: Path) -> None:
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    (transcript,) = [p for p in corpus.glob("*.txt") if p.name.startswith("002")]
    transcript.with_suffix(".yml").write_text("source_url: https://mid.ru/en/one/\n", encoding="utf-8")
    build.build(corpus, docs, cache=cache)
    transcript.with_suffix(".yml").write_text("source_url: https://mid.ru/en/two/\n", encoding="utf-8")
    report = build.build(corpus, docs, cache=cache)
    assert (report.converted, report.reused) == (1, 1)
    page = _page(docs, report, transcript.name)
    assert "https://mid.ru/en/two/" in page and "https://mid.ru/en/one/" not in page
    transcript.with_suffix(".yml").unlink()
    report = build.build(corpus, docs, cache=cache)
    assert report.converted == 1 and "mid.ru/en/two" not in _page(docs, report, transcript.name)
    assert tree(docs) == tree(_clean(corpus, tmp_path))


def test_a_changed_converter_misses_every_entry(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    build.build(corpus, tmp_path / "docs", cache=cache)
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "another converter")
    report = build.build(corpus, tmp_path / "docs", cache=cache)
    assert (report.converted, report.reused) == (2, 0)
    # The entries of the old converter are gone: a build keeps only what it used.
    assert len(list(cache.glob("transcripts/*/*.pickle"))) == 2


def test_the_fingerprint_changes_with_any_byte_of_the_converter(tmp_path: Path) -> None:
    package = tmp_path / "converter"
    shutil.copytree(cache_module.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_module.fingerprint(package)
    assert before == cache_module.fingerprint(cache_module.PACKAGE)
    align = package / "parse" / "align.py"
    text = align.read_text(encoding="utf-8")
    assert "_COHESION_COST = 1.0" in text
    align.write_text(text.replace("_COHESION_COST = 1.0", "_COHESION_COST = 1.5"), encoding="utf-8")
    cache_module.fingerprint.cache_clear()  # a process reads its converter's modules once
    assert cache_module.fingerprint(package) != before


def test_a_removed_transcript_loses_its_page_and_its_entry(corpus: Path, tmp_path: Path) -> None:
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    first = build.build(corpus, docs, cache=cache)
    (gone,) = [p for p in corpus.glob("*.txt") if p.name.startswith("002")]
    (path,) = [page.path for page in first.pages if page.briefing.source == gone.name]
    gone.unlink()
    report = build.build(corpus, docs, cache=cache)
    assert path in report.removed and not (docs / path).exists()
    assert len(list(cache.glob("transcripts/*/*.pickle"))) == 1
    assert tree(docs) == tree(_clean(corpus, tmp_path))


def test_an_unreadable_entry_is_a_miss_not_an_error(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build.build(corpus, tmp_path / "docs", cache=cache)
    for entry in cache.glob("transcripts/*/*.pickle"):
        entry.write_bytes(b"not a pickle")
    report = build.build(corpus, tmp_path / "docs", cache=cache)
    assert (report.converted, report.reused, report.errors) == (2, 0, [])


def test_a_file_that_fails_is_never_cached_and_fails_again(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (corpus / "bad.txt").write_text("Not a briefing at all.\n", encoding="utf-8")
    first = build.build(corpus, tmp_path / "docs", cache=cache)
    second = build.build(corpus, tmp_path / "docs", cache=cache)
    assert [str(p) for p in first.errors] == [str(p) for p in second.errors] != []
    assert second.converted == 1


def test_parallel_conversion_gives_the_bytes_of_a_serial_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    synth.write_corpus(12, corpus, seed=7)
    monkeypatch.setattr(cache_module, "PARALLEL_FROM", 4)
    parallel = build.build(corpus, tmp_path / "parallel", workers=2)
    serial = build.build(corpus, tmp_path / "serial", workers=1)
    assert parallel.converted == serial.converted == 12
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")


def test_progress_says_counts_in_tenths_without_a_terminal() -> None:
    lines: list[str] = []
    progress = Progress(lines.append, stream=SimpleNamespace(isatty=lambda: False))  # type: ignore[arg-type]
    for done in range(0, 21):
        progress("convert", done, 20)
    assert lines[0] == "briefings: 1 of 20 transcripts converted"  # the first, then every tenth
    assert lines[-1] == "briefings: 20 of 20 transcripts converted"
    assert len(lines) == 11


def test_the_plugin_reports_a_line_lost_from_the_html_mkdocs_renders(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    plugin = BriefingsPlugin()
    report = build.build(corpus, tmp_path / "docs", check_pages=False)
    path, transcript = sorted(report.sources.items())[0]
    assert transcript.briefing is not None
    briefing = transcript.briefing
    check = Check(transcript.path, transcript.text, verify.outline(briefing), None, report.page_keys[path])
    plugin._checks = {path: check}
    question = briefing.exchanges[0].question.paragraphs[0].text
    whole = "<h1>" + briefing.title + "</h1>" + "".join(f"<p>{line}</p>" for line in transcript.text.splitlines())
    page = SimpleNamespace(file=SimpleNamespace(src_uri=path))
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.briefings"):
        assert plugin.on_page_content(whole, page=page, config=None, files=None) == whole  # type: ignore[arg-type]
        assert caplog.records == []
        assert path not in plugin._checks  # let go of once its page is checked
        plugin._checks[path] = check
        plugin.on_page_content(whole.replace(question, ""), page=page, config=None, files=None)  # type: ignore[arg-type]
    (record,) = caplog.records
    assert record.getMessage().startswith(f"{transcript.path}:") and "got it lost" in record.getMessage()


def test_a_warm_build_makes_no_page_or_data_share_again_and_an_edit_remakes_what_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, cache, docs = tmp_path / "corpus", tmp_path / "cache", tmp_path / "docs"
    synth.write_corpus(12, corpus, seed=7)
    made: list[str] = []
    for module, name in ((briefing_page, "briefing_page"), (listings, "topic_pages"), (dataset, "_chunk"),
                         (topics, "named_on")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, functools.partial(_counted, made, name, original))
    build.build(corpus, docs, cache=cache)
    topic_count = made.count("topic_pages")
    assert made.count("briefing_page") == made.count("_chunk") == made.count("named_on") == 12 and topic_count > 1
    made.clear()
    build.build(corpus, docs, cache=cache)
    assert made == []
    edited = sorted(corpus.glob("*.txt"))[5]
    lines = edited.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines[-1] += " We will keep you posted."  # the last answer of the briefing
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build.build(corpus, docs, cache=cache)
    # The edited briefing's page and its share of the data files are made again, and the pages of the topics
    # that list it (a topic's key holds its briefings' models), not the others.
    assert (made.count("briefing_page"), made.count("_chunk"), made.count("named_on")) == (1, 1, 1)
    assert 0 < made.count("topic_pages") < topic_count
    assert "We will keep you posted." in _page(docs, report, edited.name)
    assert tree(docs) == tree(_clean(corpus, tmp_path))


def _counted(made: list[str], name: str, original: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    made.append(name)
    return original(*args, **kwargs)


def test_equal_values_built_apart_give_the_same_key() -> None:
    word = "".join(["sha", "red"])
    shared, apart = (word, word), ("".join(["sha", "red"]), "".join(["sha", "red"]))
    assert shared == apart and pickle.dumps(shared) != pickle.dumps(apart)  # pickle's memo tells them apart
    assert cache_module.pickled(shared) == cache_module.pickled(apart)
    assert cache_module.pickled(shared) != cache_module.pickled((word, word + "!"))
