"""The search index builder (converter/search/index.py): words, documents from the pages, shards, postings, phrases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from converter.search import index as search_index
from converter.search import terms
from converter.search.index import Doc, Page
from tests.search_reader import Reader, read_script


def page(date: str, *docs: Doc, speaker: str = "Maria Zakharova", url: str | None = None) -> Page:
    day = dt.date.fromisoformat(date)
    return Page(url or search_index.default_url(day), day, speaker, docs)


def statement(anchor: str, title: str, *paragraphs: str) -> Doc:
    return Doc(anchor, title, "statement", paragraphs)


def answer(anchor: str, title: str, *paragraphs: str) -> Doc:
    return Doc(anchor, title, "qa", paragraphs)


def reader(*pages: Page) -> Reader:
    return Reader(search_index.build_index(pages).files)


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


@pytest.mark.parametrize("numbers", [[0], [31], [32], [0, 1, 31, 32, 33, 1023, 1024, 99_999, 2**29]])
def test_numbers_round_trip(numbers: list[int]) -> None:
    text = b"".join(search_index.vlq(n) for n in numbers).decode()
    assert search_index.unvlq(text) == numbers
    assert not set(text) & set("\"'\\")


def test_small_numbers_take_one_digit() -> None:
    assert [len(search_index.vlq(n)) for n in (0, 31, 32, 1023, 1024)] == [1, 1, 2, 2, 3]


# --- documents from the rendered page ------------------------------------------------------------------

PAGE_HTML = """
<h1 id="briefing">Briefing by Maria Zakharova<a class="headerlink" href="#briefing">&para;</a></h1>
<div class="briefing-meta"><ul><li><strong>Date:</strong> January 23, 2025</li></ul></div>
<p class="briefing-nav"><a href="../">All briefings</a></p>
<h2 id="agenda">Agenda<a class="headerlink" href="#agenda">&para;</a></h2>
<ol><li><a href="#ukrainian-crisis-update">Ukrainian crisis update</a></li></ol>
<p><strong><a href="#answers-to-media-questions">Answers to media questions</a></strong></p>
<h2 id="introduction">Introduction<a class="headerlink" href="#introduction">&para;</a></h2>
<p>Good afternoon.</p>
<h2 class="statement supplied" id="ukrainian-crisis-update" title="This heading comes from the agenda">Ukrainian crisis
update<a class="headerlink" href="#ukrainian-crisis-update" title="Permanent link">&para;</a></h2>
<p class="topics">Topics: <a href="../../topics/ukraine/">Ukraine</a></p>
<p>The Kiev regime &amp; its <em>sponsors</em>.</p>
<p>Second paragraph.</p>
<h2 id="answers-to-media-questions">Answers to media questions</h2>
<h3 class="qa" id="japanese-centres-in-russia">Japanese centres in Russia<a class="headerlink" href="#x">&para;</a></h3>
<div class="exchange" id="q6">
<p class="question"><strong>Question:</strong> Will the centres close? <a class="exchange-link" href="#q6">¶</a></p>
<p class="question-more">Many Russians study there.</p>
<p class="answer"><strong>Maria Zakharova:</strong> I knew you would ask.</p>
<p class="topics">Topics: <a href="../../topics/japan/">Japan</a></p>
</div>
<div class="exchange follow-up" id="q7">
<p class="question"><strong>Question:</strong> And then?</p>
<p class="answer-more">We shall see.</p>
</div>
"""


def test_page_docs_are_items_and_exchanges() -> None:
    docs = search_index.page_docs(PAGE_HTML)
    assert docs == [
        Doc("introduction", "Introduction", "statement", ("Good afternoon.",)),
        Doc("ukrainian-crisis-update", "Ukrainian crisis update", "statement",
            ("The Kiev regime & its sponsors.", "Second paragraph.")),
        Doc("q6", "Japanese centres in Russia", "qa",
            ("Will the centres close?", "Many Russians study there.", "I knew you would ask.")),
        Doc("q7", "Japanese centres in Russia", "qa", ("And then?", "We shall see.")),
    ]


def test_page_from_html_reads_the_front_matter() -> None:
    meta = {"date": dt.date(2025, 1, 23), "speaker": "X"}
    found = search_index.page_from_html("briefings/2025/2025-01-23/", meta, "")
    assert (found.date, found.speaker, found.docs) == (dt.date(2025, 1, 23), "X", ())
    assert search_index.page_from_html("u/", {"date": "2025-01-23"}, "").date == dt.date(2025, 1, 23)
    assert search_index.page_from_html("u/", {"date": "undated"}, "").date is None


def test_seed_page_docs(seed_site: Path) -> None:
    html = (seed_site / "briefings/2025/2025-01-23/index.html").read_text(encoding="utf-8")
    docs = {doc.anchor: doc for doc in search_index.page_docs(html)}
    q6 = docs["q6"]
    assert (q6.kind, q6.title) == ("qa", "Japanese centres in Russia")
    assert "notified Japan of its withdrawal from intergovernmental memorandums" in q6.paragraphs[0]
    assert not any(p.startswith(("Question:", "Maria Zakharova:")) for p in q6.paragraphs)
    assert docs["ukrainian-crisis-update"].kind == "statement"
    assert "agenda" not in docs and "answers-to-media-questions" not in docs


def test_built_site_has_the_index_and_no_material_index(seed_site: Path) -> None:
    folder = seed_site / search_index.INDEX_DIR
    index = Reader({p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.js")})
    assert [b[0] for b in index.meta["briefings"]] == ["2021-01-28", "2025-01-23"]
    assert index.postings("berezina") and len(index.postings("berezina")) == 1
    # Material's plugin stays on (its header shows the search box) but indexes nothing.
    assert '"docs":[]' in (seed_site / "search" / "search_index.json").read_text(encoding="utf-8").replace(" ", "")
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    assert 'name="search"' not in home and "data-briefings-search" in home


# --- the index -----------------------------------------------------------------------------------------

CORPUS = (
    page("2021-05-01",
         statement("sanctions", "New sanctions", "The United States imposed sanctions on Russia."),
         answer("q1", "Relations with Washington", "What about United States policy?", "It is sanctioned.")),
    page("2015-03-02",
         statement("ministry", "Ministry news", "The Ministry of Foreign Affairs of Russia reported.")),
    page("2025-01-23",
         answer("q1", "Greenland", "One of the most important issues is Greenland."),
         speaker="Alexander Lukashevich", url="briefings/2025/2025-01-23-2/"),
)


def test_documents_are_numbered_by_date() -> None:
    index = reader(*CORPUS)
    assert index.meta["docs"] == 4
    assert index.meta["briefings"] == [
        ["2015-03-02", 1, "", 0],
        ["2021-05-01", 1, "", 1],
        ["2025-01-23", 0, "briefings/2025/2025-01-23-2/", 3],  # the URL only where it is not the default
    ]
    assert index.meta["speakers"] == ["Alexander Lukashevich", "Maria Zakharova"]
    kinds = [(search_index._DIGIT[index.meta["kinds"][d // 6]] >> (d % 6)) & 1 for d in range(4)]
    assert kinds == [0, 0, 1, 1]


def test_postings_and_positions() -> None:
    index = reader(*CORPUS)
    assert [doc for doc, _ in index.postings("russia")] == [0, 1]
    assert [doc for doc, _ in index.postings("united")] == [1, 2]
    # "sanctions" is in the title (position 1) and the text of document 1; the text starts after a gap.
    positions = index.positions("sanctions")
    assert [p for p, _ in positions[1]] == [1, 7]
    # Stop words take positions but have no postings of their own.
    assert index.postings("the") == [] and index.postings("of") == []
    runs = index.runs()
    assert [runs[r] for _, r in index.positions("foreign")[0]] == ["of"]


def test_title_words_weigh_more() -> None:
    index = reader(*CORPUS)
    weight = dict(index.postings("sanctions"))
    assert weight[1] > search_index.impact(0, 1, 10, 10)
    assert search_index.impact(1, 0, 10, 10) > search_index.impact(0, 1, 10, 10)
    assert 1 <= search_index.impact(0, 1, 10_000, 10) <= search_index.impact(5, 50, 10, 10) <= search_index.MAX_IMPACT


def test_words_of_one_stem_list_each_other() -> None:
    index = reader(*CORPUS)
    assert index.siblings("sanctions") == ["sanctioned"]
    assert index.siblings("sanctioned") == ["sanctions"]
    assert index.siblings("russia") == []


@pytest.mark.parametrize(
    ("phrase", "docs"),
    [
        ('"the United States"', [1]),  # document 2 has "United States" without "the" before it
        ("United States", [1, 2]),
        ("the Ministry of Foreign Affairs", [0]),
        ("Ministry Foreign", []),  # not in a row
        ("Foreign of Ministry", []),
        ("one of the most important", [3]),
        ("of the most", [3]),  # leading stop words: the run before "most" ends with them
        ("the most of", [3]),  # a trailing stop word is left out
        ("affairs russia", []),  # "of" stands between them
        ("policy it is sanctioned", []),  # across two paragraphs
        ("the the", []),  # only stop words
    ],
)
def test_phrases(phrase: str, docs: list[int]) -> None:
    assert reader(*CORPUS).phrase(phrase.strip('"')) == docs


def test_small_shards_still_find_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "TERM_SHARD_SIZE", 10)
    monkeypatch.setattr(search_index, "POSITION_SHARD_SIZE", 10)
    monkeypatch.setattr(search_index, "TEXT_SHARD_SIZE", 10)
    index = search_index.build_index(CORPUS)
    many = Reader(index.files)
    assert len(many.meta["keys"]["t"]) > 5 and len(many.meta["keys"]["p"]) > 5
    assert many.meta["keys"]["t"] == sorted(many.meta["keys"]["t"])
    assert many.postings("russia") == reader(*CORPUS).postings("russia")
    assert many.phrase("the United States") == [1]
    starts = search_index.unvlq(many.meta["textStarts"])
    assert len(starts) == len([name for name in index.files if name.startswith("d")])
    # Each text shard holds [anchor, title, text] per document, in id order.
    _, first = read_script(index.files["d0.js"])
    assert first[0] == ["ministry", "Ministry news", "The Ministry of Foreign Affairs of Russia reported."]


def test_same_pages_give_the_same_files() -> None:
    assert search_index.build_index(CORPUS).files == search_index.build_index(reversed(CORPUS)).files


def test_files_are_scripts_for_the_callback() -> None:
    index = search_index.build_index(CORPUS)
    for name, text in index.files.items():
        assert text.startswith(f'{search_index.CALLBACK}("{name.removesuffix(".js")}",'), name
        read_script(text)
    with pytest.raises(ValueError, match="expected __briefingsSearch"):
        read_script("var x = 1;")


def test_write_index_replaces_an_older_index(tmp_path: Path) -> None:
    stale = tmp_path / search_index.INDEX_DIR / "t99.js"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    index = search_index.build_index(CORPUS)
    search_index.write_index(index, tmp_path)
    assert sorted(p.name for p in stale.parent.iterdir()) == sorted(index.files)
