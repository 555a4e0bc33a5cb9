"""The search index builder (converter/search/): words, documents from the model, parts, shards, postings.

Queries are search.js's: tests/js/ (run by tests/test_search_js.py) tests them over these indexes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from converter import build
from converter.search import index as search_index
from converter.search import terms
from tests import search_corpus
from tests.search_corpus import briefing, exchange, statement, topic
from tests.search_reader import Reader, read_script

ROOT = Path(__file__).resolve().parent.parent


def index_of(*briefings: search_corpus.Briefing) -> search_index.Index:
    return search_index.build_index(search_index.part(p) for p in search_corpus.pages(*briefings))


def reader(*briefings: search_corpus.Briefing) -> Reader:
    return Reader(index_of(*(briefings or search_corpus.BRIEFINGS)).files)


# --- words ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Russia’s position", ["russia", "position"]),
        ("don't DON’T", ["don't", "don't"]),
        ("Ambassador-at-Large", ["ambassador", "at", "large"]),
        ("the 80th anniversary, 2025.", ["the", "80th", "anniversary", "2025"]),
        ("Sánchez, Ñandú, Zürich", ["sanchez", "nandu", "zurich"]),
        ("snake_case", ["snake", "case"]),
        ("“quoted” (brackets) [x]", ["quoted", "brackets", "x"]),
    ],
)
def test_tokens(text: str, words: list[str]) -> None:
    assert terms.tokens(text) == words


def test_stems_follow_the_language() -> None:
    assert terms.stem("sanctions") == terms.stem("sanctioned") == "sanction"
    assert terms.stem("economica", "es") == terms.stem("economico", "es") == "econom"
    assert terms.stem("economica") != terms.stem("economico")  # the English stemmer would keep them apart
    assert terms.stem("sanctions", "xx") == "sanction"  # another language stems as English


@pytest.mark.parametrize("numbers", [[0], [31], [32], [0, 1, 31, 32, 33, 1023, 1024, 99_999, 2**29]])
def test_numbers_round_trip(numbers: list[int]) -> None:
    text = b"".join(search_index.vlq(n) for n in numbers).decode()
    assert search_index.unvlq(text) == numbers
    assert not set(text) & set("\"'\\")


def test_small_numbers_take_one_digit() -> None:
    assert [len(search_index.vlq(n)) for n in (0, 31, 32, 1023, 1024)] == [1, 1, 2, 2, 3]


@pytest.mark.parametrize("run", [["the"], ["of", "the"], ["a", "of", "the"], ["he"], ["he", "he", "he"]])
def test_runs_of_stop_words_round_trip(run: list[str]) -> None:
    assert search_index.run_words(search_index.run_number(run)) == run


def test_runs_keep_their_last_stop_words() -> None:
    assert search_index.run_number(["the"]) == 1
    assert search_index.run_words(search_index.run_number(["in", "a", "of", "the"])) == ["a", "of", "the"]


# --- documents from the model --------------------------------------------------------------------------


def test_documents_are_every_item_and_every_exchange() -> None:
    found = search_index.documents(briefing(
        "2025-01-23",
        statement("ukrainian-crisis-update", "Ukrainian crisis update", "The Kiev regime & its sponsors.", "Second."),
        statement("excerpt-only", "An item the text never takes up"),
        topic("japanese-centres-in-russia", "Japanese centres in Russia",
              exchange("q6", "Will the centres close?", "I knew you would ask.", "We shall see.")),
        intro=("Good afternoon.",),
    ))
    assert found == (
        search_index.Doc("introduction", "Introduction", "statement", ("Good afternoon.",)),
        search_index.Doc("ukrainian-crisis-update", "Ukrainian crisis update", "statement",
                         ("The Kiev regime & its sponsors.", "Second.")),
        search_index.Doc("excerpt-only", "An item the text never takes up", "statement", ()),
        search_index.Doc("japanese-centres-in-russia", "Japanese centres in Russia", "qa", ()),
        search_index.Doc("q6", "Japanese centres in Russia", "qa",
                         ("Will the centres close?", "I knew you would ask.", "We shall see.")),
    )


def test_seed_documents_cover_every_anchor_of_the_pages(seed_corpus: Path, tmp_path: Path) -> None:
    pages = build.build(seed_corpus, tmp_path, workers=1).pages
    for page in pages:
        anchors = [doc.anchor for doc in search_index.documents(page.briefing)]
        assert len(anchors) == len(set(anchors))
        # Every anchor of the page but the agenda's is a document (the introduction where there is one).
        assert set(anchors) | {"agenda"} == set(page.anchors) | ({"introduction"} & set(anchors))
        q6 = next(d for d in search_index.documents(page.briefing) if d.anchor == "q6") if "q6" in anchors else None
        if q6:
            assert not any(p.startswith(("Question:", "Maria Zakharova:")) for p in q6.paragraphs)


def test_excerpts_are_short_and_cut_at_a_word() -> None:
    long = search_index.Doc("q1", "T", "qa", ("word " * 200, "second paragraph"))
    cut = search_index.excerpt(long)
    assert len(cut) <= search_index.EXCERPT_CHARS + 2 and cut.endswith("word …")
    short = search_index.Doc("q1", "T", "qa", ("One.", "Two."))
    assert search_index.excerpt(short) == "One.\nTwo."


# --- parts and the index -------------------------------------------------------------------------------


def test_documents_are_numbered_by_date() -> None:
    index = reader()
    assert index.meta["docs"] == 8
    assert index.meta["briefings"] == [
        ["2015-03-02", 1, "", 0],
        ["2021-05-01", 1, "", 1],
        ["2025-01-23", 1, "", 4],
        ["2025-01-23", 0, "briefings/2025/2025-01-23-2/", 6],  # the URL only where it is not the default
    ]
    assert index.meta["speakers"] == ["Alexander Lukashevich", "Maria Zakharova"]
    kinds = [(search_index._DIGIT[index.meta["kinds"][d // 6]] >> (d % 6)) & 1 for d in range(8)]
    assert kinds == [0, 0, 1, 1, 0, 0, 1, 1]
    assert [t[0] for t in index.texts()] == [
        "ministry", "sanctions", "relations-with-washington", "q1", "introduction", "talks", "greenland", "q1",
    ]
    assert index.meta["months"][0] == "January" and index.meta["stop"] == list(terms.STOP_LIST)


def test_postings_and_positions() -> None:
    index = reader()
    assert [doc for doc, _ in index.postings("russia")] == [0, 1]
    assert [doc for doc, _ in index.postings("united")] == [1, 3]
    assert [doc for doc, _ in index.postings("minsk")] == [5]  # a title-only item
    # "sanctions" is in the title (position 1) and the text of document 1; the text starts after a gap.
    assert [p for p, _ in index.positions("sanctions")[1]] == [1, 7]
    # Stop words take positions but have no postings of their own.
    assert index.postings("the") == [] and index.postings("of") == []
    assert [search_index.run_words(r) for _, r in index.positions("foreign")[0]] == [["of"]]
    assert [search_index.run_words(r) for _, r in index.positions("most")[7]] == [["of", "the"]]


def test_title_words_weigh_more() -> None:
    weight = dict(reader().postings("sanctions"))
    assert weight[1] > search_index.impact(0, 1, 10)
    assert search_index.impact(1, 0, 10) > search_index.impact(0, 1, 10)
    assert 1 <= search_index.impact(0, 1, 10_000) <= search_index.impact(5, 50, 10) <= search_index.MAX_IMPACT


def test_words_of_one_stem_list_each_other() -> None:
    index = reader()
    assert index.siblings("sanctions") == ["sanctioned"]
    assert index.siblings("sanctioned") == ["sanctions"]
    assert index.siblings("russia") == []


def test_spanish_briefings_are_stemmed_in_spanish() -> None:
    spanish = briefing("2017-03-01", statement("economia", "Cooperación económica", "El desarrollo económico."),
                       language="es")
    english = briefing("2017-03-02", statement("trade", "Economica", "Economico"))
    assert Reader(index_of(spanish).files).siblings("economica") == ["economico"]
    assert Reader(index_of(english).files).siblings("economica") == []
    assert Reader(index_of(spanish, english).files).siblings("economico") == ["economica"]


def test_parts_are_pure_and_the_index_does_not_depend_on_their_order() -> None:
    pages = search_corpus.pages(*search_corpus.BRIEFINGS)
    assert [search_index.part(p) for p in pages] == [search_index.part(p) for p in pages]
    forward = search_index.build_index(search_index.part(p) for p in pages)
    backward = search_index.build_index(search_index.part(p) for p in reversed(pages))
    assert forward.files == backward.files and forward.version == backward.version


def test_small_shards_still_find_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "TERM_SHARD_SIZE", 10)
    monkeypatch.setattr(search_index, "POSITION_SHARD_SIZE", 10)
    monkeypatch.setattr(search_index, "TEXT_SHARD_SIZE", 10)
    files = index_of(*search_corpus.BRIEFINGS).files
    many = Reader(files)
    assert len(many.meta["keys"]["t"]) > 5 and len(many.meta["keys"]["p"]) > 5
    assert many.meta["keys"]["t"] == sorted(many.meta["keys"]["t"])
    assert many.postings("russia") == reader().postings("russia")
    assert many.positions("states") == reader().positions("states")
    starts = search_index.unvlq(many.meta["textStarts"])
    assert len(starts) == len([name for name in files if name.startswith("d")])
    _, first = read_script(files["d0.js"])
    assert first[0] == ["ministry", "Ministry news", "The Ministry of Foreign Affairs of Russia reported."]


def test_files_are_scripts_for_the_callback() -> None:
    index = index_of(*search_corpus.BRIEFINGS)
    for name, text in index.files.items():
        assert text.startswith(f'{search_index.CALLBACK}("{name.removesuffix(".js")}",'), name
        read_script(text)
    assert read_script(index.files["meta.js"])[1]["id"] == index.version
    with pytest.raises(ValueError, match="expected __briefingsSearch"):
        read_script("var x = 1;")


def test_write_index_replaces_an_older_index(tmp_path: Path) -> None:
    stale = tmp_path / search_index.INDEX_DIR / "r.js"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    index = index_of(*search_corpus.BRIEFINGS)
    search_index.write_index(index, tmp_path)
    assert sorted(p.name for p in stale.parent.iterdir()) == sorted(index.files)


_DIGEST = """
import hashlib, sys
from pathlib import Path
from converter import build
from converter.search import index
pages = build.build(Path(sys.argv[1]), Path(sys.argv[2]), workers=1).pages
files = index.build_index(index.part(p) for p in pages).files
print(hashlib.sha256("".join(n + files[n] for n in sorted(files)).encode()).hexdigest())
"""


def test_the_index_is_the_same_in_every_process(seed_corpus: Path, tmp_path: Path) -> None:
    digests = {
        subprocess.run([sys.executable, "-c", _DIGEST, str(seed_corpus), str(tmp_path / seed)], capture_output=True,
                       text=True, check=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1 and len(next(iter(digests)).strip()) == 64


# --- the built site ------------------------------------------------------------------------------------


def test_built_site_has_the_index_and_no_material_index(seed_site: Path) -> None:
    folder = seed_site / search_index.INDEX_DIR
    index = Reader({p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.js")})
    assert [b[0] for b in index.meta["briefings"]] == ["2021-01-28", "2025-01-23"]
    assert index.postings("berezina") and len(index.postings("berezina")) == 1
    # Material's plugin stays on (its header shows the search box) but indexes nothing.
    assert '"docs":[]' in (seed_site / "search" / "search_index.json").read_text(encoding="utf-8").replace(" ", "")
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert 'name="search"' not in home and "data-briefings-search" in home
    # Every page carries the version of the index it was built with, for search.js to ask for meta.js.
    page = (seed_site / "briefings/2025/2025-01-23/index.html").read_text(encoding="utf-8")
    for html in (home, page):
        assert f'data-index-version="{index.meta["id"]}"' in html
