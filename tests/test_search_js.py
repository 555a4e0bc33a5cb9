"""The shipped search.js, run by Node over indexes the builder writes: its own tests (tests/js/), and its
phrase matching against the documents' text on the seed site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from converter import build
from converter.search import index as search_index
from converter.search import terms
from tests import search_corpus

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
if NODE is None:
    raise RuntimeError("node: expected Node.js (v20 or later) on the PATH for search.js's tests, got none")


def node(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NODE), *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_search_js_unit_tests(tmp_path: Path) -> None:
    pages = search_corpus.pages(*search_corpus.BRIEFINGS)
    search_index.write_index(search_index.build_index(search_index.part(p) for p in pages), tmp_path)
    result = node("--test", "tests/js/", env={"BRIEFINGS_INDEX": str(tmp_path / search_index.INDEX_DIR)})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "# fail 0" in result.stdout and "# pass " in result.stdout


def _has_phrase(words: list[str], phrase: list[str]) -> bool:
    return any(words[i:i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


PHRASES = ('"the United States"', '"one of the"', '"the Kiev regime"', '"Russian Federation"', '"in the context of"',
           '"the Ministry of Foreign Affairs"', '"of the United Nations"', '"States the United"')


def test_phrases_on_the_seed_site_are_exactly_the_documents_holding_them(
    seed_site: Path, seed_corpus: Path, tmp_path: Path
) -> None:
    pages = build.build(seed_corpus, tmp_path, workers=1).pages
    docs = [doc for page in pages for doc in search_index.documents(page.briefing)]
    folder = seed_site / search_index.INDEX_DIR
    result = node("tests/js/engine.cjs", str(folder), *PHRASES)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    for phrase in PHRASES:
        words = terms.tokens(phrase)
        while words[-1] in terms.STOP_WORDS:
            words.pop()
        holding = {n for n, doc in enumerate(docs)
                   if any(_has_phrase(terms.tokens(text), words) for text in (doc.title, *doc.paragraphs))}
        assert {r["doc"] for r in found[phrase]} == holding, phrase
        assert {(r["anchor"], r["title"]) for r in found[phrase]} == {(docs[n].anchor, docs[n].title) for n in holding}
    assert found['"the United States"'] and found['"one of the"'] and not found['"States the United"']
