"""The ledger of published ids: corrections replayed on a seed transcript keep every published anchor on its text."""

from __future__ import annotations

import gzip
import itertools
import json
import re
import shutil
from pathlib import Path

import pytest

from converter import build, ledger
from converter.cli import main

from .conftest import SEEDS, build_site

SEED = SEEDS / "002_6419208406f8e03b.txt"  # January 28, 2021: 14 statements, 5 Q&A topics, 6 questions
PAGE = "briefings/2021/2021-01-28.md"
INSERTED = (
    "Question: This question was left out of the first copy of the transcript. Will the ministry comment?\n\n"
    "Maria Zakharova: We will comment on it in due course.\n\n"
)


def _corpus(tmp_path: Path, name: str = "corpus") -> Path:
    corpus = tmp_path / name
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    return corpus


def _publish(corpus: Path, tmp_path: Path) -> tuple[Path, ledger.Ledger]:
    """Record the ids the corpus publishes now, as a maintainer would with `briefings ledger`."""
    lock = tmp_path / "anchors.lock"
    assert main(["ledger", str(corpus), "--ledger", str(lock)]) == 0
    return lock, ledger.read(lock)


def _edit(corpus: Path, old: str, new: str, count: int = 1) -> None:
    path = corpus / SEED.name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _texts(pages: list) -> dict[tuple[str, str], str]:  # type: ignore[type-arg]
    """What each id on each page leads to: a section's own paragraphs, an exchange's question and answers."""
    found = {}
    for page in pages:
        for item in ledger.items(page.briefing):
            anchor = "introduction" if item.kind == ledger.INTRO else ledger._anchor_of(page.briefing, item)
            found[(page.path, anchor)] = item.text.split("\n", 1)[1] if item.kind == ledger.SECTION else item.text
    return found


def _assert_every_id_lands_on_its_text(before: dict[tuple[str, str], str], report: build.Report) -> None:
    assert report.resolution is not None
    after = _texts(report.pages)
    for (page, anchor), text in before.items():
        spot = report.resolution.placed[(page, anchor)]
        assert spot is not None, f"{page}#{anchor} lost"
        assert after[spot] == text, f"{page}#{anchor} now leads to other text at {spot}"


def _built(corpus: Path, tmp_path: Path, lock: Path) -> build.Report:
    return build.build(corpus, tmp_path / "docs", ledger_path=lock)


# --- Fingerprints and the file --------------------------------------------------------------------------------


def test_fingerprints_ignore_case_spacing_and_punctuation_but_not_words() -> None:
    assert ledger.fingerprint("The “E-visas”  programme.") == ledger.fingerprint("the e visas programme")
    assert ledger.fingerprint("The e-visas programme") != ledger.fingerprint("The e-visa programme")


def test_sketches_keep_a_reworded_answer_near_and_tell_different_questions_apart() -> None:
    seed = SEED.read_text(encoding="utf-8")
    answer = next(line for line in seed.splitlines() if line.startswith("Maria Zakharova: Efforts to ensure"))
    edited = answer.replace("are ongoing in accordance with", "continue under").replace("Moscow", "the capital")
    assert ledger.similarity(ledger.sketch(answer), ledger.sketch(edited)) >= ledger.NEAR
    questions = [line for line in seed.splitlines() if line.startswith("Question:")]
    for one, two in itertools.pairwise(questions):
        assert ledger.similarity(ledger.sketch(one), ledger.sketch(two)) < 0.2


def test_the_ledger_file_round_trips_and_lists_every_published_id_in_page_order(tmp_path: Path) -> None:
    lock, book = _publish(_corpus(tmp_path), tmp_path)
    assert ledger.dumps(book) == lock.read_text(encoding="utf-8")
    anchors = [entry.anchor for entry in book.entries]
    assert anchors[0].startswith("foreign-minister-sergey-lavrovs-meeting-with-ahmed")
    assert [a for a in anchors if a.startswith("q")] == [f"q{n}" for n in range(1, 7)]
    assert "e-visas" in anchors and book.sources == {PAGE: SEED.name}
    record = json.loads(lock.read_text(encoding="utf-8").splitlines()[-1])
    assert list(record) == ["id", "kind", "in", "fp", "sketch", "text"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"ledger": 2}', ":1: expected a ledger of format 1, got 2"),
        ('{"ledger": 1}\n{"id": "q1"}', ":2: expected a page line before its anchors, got an anchor"),
        ('{"ledger": 1}\n{"page": "briefings/2021/x.md", "source": "x.txt"}\n'
         '{"id": "q1\\" onclick=\\"x", "kind": "exchange", "fp": "0123456789abcdef", "sketch": "", "text": ""}',
         ":3: expected 'id' to be an id, got 'q1\" onclick=\"x'"),
        ('{"ledger": 1}\n{"page": "../../etc/x.md", "source": "x.txt"}', ":2: expected 'page' to be an id, got"),
        ('{"ledger": 1}\nnot json', ":2: expected a JSON object, got expecting value"),
    ],
)
def test_a_bad_ledger_is_a_located_error_and_the_build_goes_on_without_it(
    tmp_path: Path, line: str, message: str
) -> None:
    lock = tmp_path / "anchors.lock"
    lock.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ledger.LedgerError) as raised:
        ledger.read(lock)
    assert str(raised.value).startswith(f"{lock}{message}")
    report = _built(_corpus(tmp_path), tmp_path, lock)
    assert [str(p) for p in report.errors] == [f"{lock}{message[:3]} error: {raised.value.message}"]
    assert len(report.pages) == 1


def test_without_a_ledger_file_ids_are_the_parsers_and_nothing_is_checked(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    build.build(corpus, tmp_path / "plain")
    report = _built(corpus, tmp_path, tmp_path / "missing.lock")
    assert report.errors == [] and report.resolution is not None and report.resolution.redirects == []
    assert (tmp_path / "docs" / PAGE).read_text() == (tmp_path / "plain" / PAGE).read_text()


# --- Corrections replayed -------------------------------------------------------------------------------------


def test_a_reworded_statement_title_keeps_its_published_id(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, _book = _publish(corpus, tmp_path)
    before = _texts(build.published(corpus, lock)[0].pages)
    _edit(corpus, "13. E-visas\n", "13. Electronic visas for foreign visitors\n")
    report = _built(corpus, tmp_path, lock)
    assert report.errors == []
    _assert_every_id_lands_on_its_text(before, report)
    page = (tmp_path / "docs" / PAGE).read_text(encoding="utf-8")
    assert "## Electronic visas for foreign visitors { #e-visas .statement" in page


def test_a_reworded_qa_topic_without_text_keeps_its_id_through_its_questions(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, _book = _publish(corpus, tmp_path)
    before = _texts(build.published(corpus, lock)[0].pages)
    _edit(corpus, "4. Developments around Ukraine conflict", "4. Turkish-Ukrainian military cooperation")
    report = _built(corpus, tmp_path, lock)
    assert report.errors == []
    _assert_every_id_lands_on_its_text(before, report)
    assert "### Turkish-Ukrainian military cooperation { #developments-around-ukraine-conflict .qa" in (
        tmp_path / "docs" / PAGE).read_text(encoding="utf-8")


def test_a_question_inserted_before_others_gets_a_new_id_and_theirs_stay(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, _book = _publish(corpus, tmp_path)
    before = _texts(build.published(corpus, lock)[0].pages)
    _edit(corpus, "Question: Sergey Lavrov said the following", INSERTED + "Question: Sergey Lavrov said the following")
    report = _built(corpus, tmp_path, lock)
    assert report.errors == []
    _assert_every_id_lands_on_its_text(before, report)
    anchors = [e.anchor for e in report.pages[0].briefing.exchanges]
    assert anchors == ["q0a", "q1", "q2", "q3", "q4", "q5", "q6"]
    # Without the ledger the parser numbers on, and every later question would take its neighbour's id.
    assert [e.anchor for e in build.build(corpus, tmp_path / "plain").pages[0].briefing.exchanges][1] == "q2"


def test_a_removed_question_fails_the_build_naming_the_anchor_until_the_ledger_records_it(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, _book = _publish(corpus, tmp_path)
    text = (corpus / SEED.name).read_text(encoding="utf-8")
    start = text.index("Question: On January 20, 2021, the Azerbaijani")
    end = text.index("Question: On December 14, 2020, Turkey")
    _edit(corpus, text[start:end], "")
    report = _built(corpus, tmp_path, lock)
    assert [str(p) for p in report.errors] == [
        f"{lock}: error: briefings/2021/2021-01-28/#q4: expected the published anchor to lead to its text, got the "
        "text gone (“On January 20, 2021, the Azerbaijani Foreign Ministry issued a statement posted on its "
        "official…”); restore it, or run `briefings ledger` to record its removal"
    ]
    assert main(["ledger", str(corpus), "--ledger", str(lock), "--check"]) == 1
    assert main(["ledger", str(corpus), "--ledger", str(lock)]) == 0
    assert main(["ledger", str(corpus), "--ledger", str(lock), "--check"]) == 0
    assert [e.anchor for e in ledger.read(lock).entries if e.removed] == ["q4"]
    report = _built(corpus, tmp_path, lock)
    assert report.errors == []
    page = (tmp_path / "docs" / PAGE).read_text(encoding="utf-8")
    # The id leads to the nearest surviving place, the next item (the next Q&A topic), with a note on what was there.
    note = re.search(r'<div class="anchor-note" id="q4" markdown>\n\n(.*?)\n\n</div>\n\n### Developments around '
                     r'Ukraine conflict \{ #developments-around-ukraine-conflict ', page, re.S)
    assert note is not None
    assert note[1].startswith("Question \\#q4 \\(“On January 20, 2021, the Azerbaijani Foreign Ministry")
    assert note[1].endswith("was removed in a correction of the transcript; this is the nearest place.")


def test_a_renamed_transcript_keeps_its_page_and_ids(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, _book = _publish(corpus, tmp_path)
    before = _texts(build.published(corpus, lock)[0].pages)
    (corpus / SEED.name).rename(corpus / "2021-01-28-zakharova.txt")
    report = _built(corpus, tmp_path, lock)
    assert report.errors == [] and report.resolution is not None and report.resolution.redirects == []
    _assert_every_id_lands_on_its_text(before, report)
    assert main(["ledger", str(corpus), "--ledger", str(lock), "--check"]) == 1  # the source name changed
    assert main(["ledger", str(corpus), "--ledger", str(lock)]) == 0
    assert ledger.read(lock).sources == {PAGE: "2021-01-28-zakharova.txt"}


def test_a_corrected_date_moves_the_page_and_leaves_a_redirect_for_every_id(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, book = _publish(corpus, tmp_path)
    before = _texts(build.published(corpus, lock)[0].pages)
    (corpus / "2021-01-28-zakharova.txt").write_bytes((corpus / SEED.name).read_bytes())
    (corpus / SEED.name).unlink()
    (corpus / "2021-01-28-zakharova.yml").write_text("date: 2021-01-29\n", encoding="utf-8")
    report = _built(corpus, tmp_path, lock)
    assert report.errors == []
    _assert_every_id_lands_on_its_text(before, report)
    moved_to = "briefings/2021/2021-01-29.md"
    assert [p.path for p in report.pages] == [moved_to]
    # The new page keeps the ids; the old address holds one element per published id, linking to it.
    assert [e.anchor for e in report.pages[0].briefing.exchanges] == [f"q{n}" for n in range(1, 7)]
    redirect = (tmp_path / "docs" / PAGE).read_text(encoding="utf-8")
    for entry in book.entries:
        assert f'id="{entry.anchor}"' in redirect
        assert f"[Go there](2021-01-29.md#{entry.anchor})" in redirect
    assert main(["ledger", str(corpus), "--ledger", str(lock)]) == 0
    again = ledger.read(lock)
    assert {e.page for e in again.entries} == {PAGE, moved_to} and not any(e.removed for e in again.entries)


def test_every_correction_at_once_in_a_strict_mkdocs_build(tmp_path: Path) -> None:
    """A reworded title, an inserted and a removed question: the site builds, old ids are in its HTML."""
    corpus = _corpus(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    lock, _book = _publish(corpus, work)
    text = (corpus / SEED.name).read_text(encoding="utf-8")
    start = text.index("Question: On January 20, 2021, the Azerbaijani")
    _edit(corpus, text[start:text.index("Question: On December 14, 2020, Turkey")], "")
    _edit(corpus, "13. E-visas\n", "13. Electronic visas\n")
    _edit(corpus, "Question: Sergey Lavrov said the following", INSERTED + "Question: Sergey Lavrov said the following")
    assert main(["ledger", str(corpus), "--ledger", str(lock)]) == 0
    html = (build_site(corpus, work) / "briefings/2021/2021-01-28/index.html").read_text(encoding="utf-8")
    for anchor in ("q0a", "q1", "q4", "q6", "e-visas"):
        assert f'id="{anchor}"' in html


def test_dataset_rows_keep_their_published_ids_after_a_correction(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    lock, _book = _publish(corpus, tmp_path)
    build.build(corpus, tmp_path / "before", ledger_path=lock)
    _edit(corpus, "Question: Sergey Lavrov said the following", INSERTED + "Question: Sergey Lavrov said the following")
    _built(corpus, tmp_path, lock)

    def rows(folder: Path) -> dict[str, str]:
        lines = gzip.decompress((folder / "data" / "qa.jsonl.gz").read_bytes()).decode("utf-8").splitlines()
        return {row["id"]: row["question"] for row in map(json.loads, lines)}

    before, after = rows(tmp_path / "before"), rows(tmp_path / "docs")
    assert {key: after[key] for key in before} == before
    assert set(after) - set(before) == {"2021-01-28#q0a"}


def test_a_deleted_transcript_fails_until_recorded_then_leaves_a_page_that_says_so(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    shutil.copy(SEEDS / "000_2020ac7f1ecb7824.txt", corpus)
    lock, book = _publish(corpus, tmp_path)
    (corpus / SEED.name).unlink()
    report = _built(corpus, tmp_path, lock)
    lost = [e for e in book.entries if e.page == PAGE]
    assert sorted(str(p).split(": ")[2] for p in report.errors) == sorted(
        f"briefings/2021/2021-01-28/#{entry.anchor}" for entry in lost)
    assert main(["ledger", str(corpus), "--ledger", str(lock)]) == 0
    report = _built(corpus, tmp_path, lock)
    assert report.errors == []
    gone = (tmp_path / "docs" / PAGE).read_text(encoding="utf-8")
    assert "# This briefing was removed" in gone
    for entry in lost:
        assert f'<div class="anchor-note" id="{entry.anchor}" markdown>' in gone
