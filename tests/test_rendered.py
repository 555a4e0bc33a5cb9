"""The cache of rendered pages (converter/rendered.py) and of checked pages (converter/plugins.py): the same
site as a clean build, every broken link or anchor still reported on every build, and a page checked again
only when its transcript, model or HTML changed."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from converter.build import cache as build_cache
from converter.build import verify

from .conftest import build_site, mkdocs_build, tree

# A page of the static docs that links to an anchor of another: a cached render of the first must still be
# checked against the second as it is now.
LINKING = "# Linking\n\nSee [the target's section](target.md#the-section).\n"
TARGET = "# Target\n\n## The section\n\nText.\n"


def test_a_warm_build_renders_no_page_again_and_gives_the_same_site_as_a_clean_build(
    seed_corpus: Path, tmp_path: Path
) -> None:
    site = build_site(seed_corpus, tmp_path)
    cold = tree(site)
    assert list((tmp_path / ".cache" / "briefings" / "html").glob("*/*.pickle"))
    warm = mkdocs_build(tmp_path)
    assert warm.returncode == 0, warm.stderr
    assert "briefings: 0 pages rendered" in warm.stderr
    assert tree(site) == cold
    shutil.rmtree(tmp_path / ".cache")
    clean = mkdocs_build(tmp_path)
    assert clean.returncode == 0, clean.stderr
    assert "0 from the cache" in clean.stderr
    assert tree(site) == cold


def _with_linking_pages(seed_corpus: Path, tmp_path: Path) -> Path:
    """The seed site, built twice: then with two pages added to its docs, one linking to the other's anchor."""
    build_site(seed_corpus, tmp_path)
    docs = tmp_path / "docs"
    (docs / "linking.md").write_text(LINKING, encoding="utf-8")
    (docs / "target.md").write_text(TARGET, encoding="utf-8")
    added = mkdocs_build(tmp_path)
    assert added.returncode == 0, added.stderr
    assert "briefings: 2 pages rendered" in added.stderr
    return docs


def test_a_dirty_build_keeps_the_cache_of_the_pages_it_did_not_render(seed_corpus: Path, tmp_path: Path) -> None:
    docs = _with_linking_pages(seed_corpus, tmp_path)
    kept = sorted((tmp_path / ".cache" / "briefings" / "html").rglob("*.pickle"))
    (docs / "target.md").write_text(TARGET + "\nA sentence added since.\n", encoding="utf-8")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    # As `make serve` builds: MkDocs warns that a dirty build's navigation may be stale, which --strict fails.
    dirty = subprocess.run([mkdocs, "build", "--dirty", "--no-strict"], cwd=tmp_path, capture_output=True,
                           text=True, check=False)
    assert dirty.returncode == 0, dirty.stderr
    assert "briefings: 1 page rendered, 0 from the cache" in dirty.stderr  # MkDocs read target.md alone
    after = set((tmp_path / ".cache" / "briefings" / "html").rglob("*.pickle"))
    assert len(after) == len(kept) + 1 and set(kept) < after  # nothing pruned; the new render added


def test_an_edited_page_is_rendered_again_and_only_it(seed_corpus: Path, tmp_path: Path) -> None:
    docs = _with_linking_pages(seed_corpus, tmp_path)
    (docs / "target.md").write_text(TARGET + "\nA sentence added since.\n", encoding="utf-8")
    edited = mkdocs_build(tmp_path)
    assert edited.returncode == 0, edited.stderr
    assert "briefings: 1 page rendered" in edited.stderr
    assert "A sentence added since." in (tmp_path / "site" / "target" / "index.html").read_text(encoding="utf-8")


def test_a_cached_page_whose_link_target_lost_its_anchor_or_went_away_fails_the_build(
    seed_corpus: Path, tmp_path: Path
) -> None:
    docs = _with_linking_pages(seed_corpus, tmp_path)
    (docs / "target.md").write_text(TARGET.replace("## The section", "## Another section"), encoding="utf-8")
    anchor_gone = mkdocs_build(tmp_path)
    assert "briefings: 1 page rendered" in anchor_gone.stderr  # linking.md came from the cache
    assert anchor_gone.returncode != 0
    assert "'target.md' does not contain an anchor '#the-section'" in anchor_gone.stderr
    (docs / "target.md").unlink()
    page_gone = mkdocs_build(tmp_path)
    assert page_gone.returncode != 0
    assert "contains a link 'target.md#the-section', but the target 'target.md' is not found" in page_gone.stderr
    # Reported on every build, not only on the one that first met it.
    again = mkdocs_build(tmp_path)
    assert "contains a link 'target.md#the-section', but the target 'target.md' is not found" in again.stderr


def test_a_page_is_checked_again_only_when_its_transcript_changed(
    seed_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(seed_corpus, tmp_path)
    checked: list[str] = []
    check = verify.lost_words_html

    def counted(text: str, *rest: object) -> object:
        checked.append(text.splitlines()[0])
        return check(text, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(verify, "lost_words_html", counted)
    monkeypatch.chdir(tmp_path)
    build(load_config(str(tmp_path / "mkdocs.yml")))
    assert checked == []
    edited = sorted((tmp_path / "corpus").glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line added since.\n", encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    assert checked == [edited.read_text(encoding="utf-8").splitlines()[0]]


def test_pages_rendered_and_checked_in_worker_processes_give_the_site_a_serial_build_gives(
    seed_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    serial = tree(build_site(seed_corpus, tmp_path))  # two briefings: too few for workers
    shutil.rmtree(tmp_path / ".cache")
    shutil.rmtree(tmp_path / "site")
    monkeypatch.setattr(build_cache, "PARALLEL_FROM", 2)
    checked_here: list[object] = []
    monkeypatch.setattr(verify, "lost_words_html", lambda *args: checked_here.append(args))
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefings"):
        build(load_config(str(tmp_path / "mkdocs.yml")))
    messages = [record.getMessage() for record in caplog.records]
    assert any(message.endswith("pages rendered in worker processes") for message in messages)
    assert "briefings: 0 pages rendered, " in "\n".join(messages)  # MkDocs' own pass found them all
    assert checked_here == []  # the workers checked every briefing page
    assert tree(tmp_path / "site") == serial
