"""Bad input: every file that is no good transcript gets one line ``path:line: expected X, got Y``, the CLI exits
1 for errors and never shows a traceback, a corpus build converts every file it can and lists every problem,
and nothing a transcript holds is lost from its page without the check saying so.

Errors (no page): what is no transcript (missing, a directory, empty, binary, undecodable, no title, nothing
after the title, a symbolic link). Warnings (the page is made): oddities that the page can hold (no date, a file
cut short, several briefings pasted into one file, two briefings on one date, an encoding assumed).
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from textwrap import dedent

import pytest

from converter import build
from converter.build import corpus as corpus_module
from converter.build import verify
from converter.cli import main
from converter.errors import Diagnostic, TranscriptParseError
from converter.pages import briefing as briefing_page
from converter.parse import parse_file, parse_text

from .conftest import SEEDS, build_site, mkdocs_build

TITLE = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025"
GOOD = dedent(f"""\
    {TITLE}
    - Japanese centres in Russia
    - European sanctions against Russia
    Question: What will happen to the Japanese centres now?
    Maria Zakharova: The Japanese centres will operate under Russian law.
    Question: The EU is extending its sanctions against Russia. What is your comment?
    Maria Zakharova: The European sanctions have failed.
    """)
SEED = SEEDS / "002_6419208406f8e03b.txt"

# (file name, bytes, the one line `briefings parse` prints after the path): every kind of file that is refused.
REFUSED = [
    ("empty.txt", b"", ":1: expected a briefing transcript, got an empty file"),
    ("blank.txt", b"  \n\t\n\xc2\xa0\n\n", ":1: expected a briefing transcript, got an empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
     ":3: expected text, got a NUL byte at offset 8 (a binary file?)"),
    ("nul.txt", TITLE.encode() + b"\n- It\x00em\n", ":2: expected text, got a NUL byte at offset 87 (a binary file?)"),
    ("koi8.txt", "Брифинг в Москве\n".encode("koi8-r"), ":1: expected UTF-8 text, got byte 0xe2"),
    ("minutes.txt", b"Minutes of a meeting\nNothing here is a briefing.\n",
     ":1: expected a briefing title such as 'Briefing by …', got 'Minutes of a meeting'"),
    ("no-title.txt", b"- Japanese centres in Russia\nQuestion: What?\n",
     ":1: expected a briefing title such as 'Briefing by …', got '- Japanese centres in Russia'"),
    ("title-only.txt", TITLE.encode() + b"\n\n",
     ":1: expected a table of contents, a heading or a question, got the end of the file"),
    ("cut-in-title.txt", b"Briefing by Foreign Ministry Spokeswoman Maria Zakh",
     ":1: expected a table of contents, a heading or a question, got the end of the file"),
]


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# --- Refused files: one line each, from the library, the CLI and a subprocess -------------------------------


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refused_file_raises_one_line_naming_it(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(TranscriptParseError) as caught:
        parse_file(path)
    assert str(caught.value) == f"{path}{message}"


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_parse_of_a_refused_file_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path, name, data)
    assert main(["parse", str(path)]) == 1
    assert capsys.readouterr() == ("", f"{path}{message}\n")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_parse_in_a_subprocess_shows_no_traceback(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path, name, data)
    result = _run("parse", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"{path}{message}\n")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("none.txt", "expected a transcript file, got no such file"),
        (".", "expected a transcript file, got a directory"),
    ],
    ids=["missing", "directory"],
)
def test_parse_of_a_path_that_is_no_file_exits_1_in_a_subprocess(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    result = _run("parse", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"{path}: {message}\n")


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "two\nlines.txt", b"")
    result = _run("parse", str(path))
    assert (result.returncode, result.stderr) == (1, f"{tmp_path}/two\\nlines.txt:1: expected a briefing transcript, "
                                                     "got an empty file\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{tmp}/none"], "{tmp}/none: expected a corpus folder of .txt transcripts, got no such folder"),
        (["check", "{tmp}/file.txt"], "{tmp}/file.txt: expected a corpus folder of .txt transcripts, got a file"),
        (["build", "{tmp}/corpus", "{tmp}/file.txt"],
         "{tmp}/file.txt: expected a docs folder to write into, got a file"),
    ],
    ids=["no-corpus", "corpus-is-a-file", "docs-is-a-file"],
)
def test_a_bad_folder_argument_exits_1_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "corpus").mkdir()
    _write(tmp_path, "file.txt", GOOD)
    result = _run(*(arg.format(tmp=tmp_path) for arg in args))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message.format(tmp=tmp_path) + "\n")


def test_an_internal_error_is_one_line_and_traceback_shows_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr("converter.cli.parse_file", broken)
    assert main(["parse", str(SEED)]) == 1
    assert capsys.readouterr().err == (
        "briefings: internal error: IndexError: list index out of range (run with --traceback and report it)\n"
    )
    with pytest.raises(IndexError):
        main(["--traceback", "parse", str(SEED)])


def test_a_reader_that_goes_away_ends_parse_quietly() -> None:
    # `briefings parse x.txt | head -1`: the JSON (far more than a pipe holds) meets a closed pipe.
    process = subprocess.Popen(
        [sys.executable, "-m", "converter", "parse", str(SEED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert (process.wait(timeout=60), process.stderr.read()) == (1, b"")


# --- Warnings: the page is made, and the diagnostic says where to look -------------------------------------


def _diagnostics(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in parse_text(text, "x.txt").diagnostics]


def test_a_title_without_a_date_is_a_warning_and_the_page_goes_under_undated(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "no-date.txt", GOOD.replace(", January 23, 2025", ""))
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.problems] == [
        f"{corpus / 'no-date.txt'}:1: warning: expected a date in the title, got none; the page goes under "
        "briefings/undated/"
    ]
    assert [page.path for page in report.pages] == ["briefings/undated/no-date.md"]


def test_a_file_cut_mid_word_converts_what_it_holds_with_a_warning() -> None:
    cut = GOOD[: GOOD.index("have failed")] + "have fai"
    assert _diagnostics(cut) == [
        (7, "expected the transcript to end with a full sentence, got '…Zakharova: The European sanctions have fai'")
    ]
    assert parse_text(cut, "x.txt").exchanges[-1].answers[0].paragraphs[0].text == "The European sanctions have fai"


def test_a_file_cut_in_the_agenda_converts_what_it_holds_with_warnings() -> None:
    cut = GOOD[: GOOD.index("against Russia")]
    assert _diagnostics(cut) == [
        (2, "expected body text for agenda item 1 'Japanese centres in Russia', found none"),
        (3, "expected body text for agenda item 2 'European sanctions', found none"),
        (3, "expected the transcript after the table of contents, got the end of the file"),
    ]


def test_a_last_question_without_an_answer_is_a_warning() -> None:
    cut = GOOD[: GOOD.index("Maria Zakharova: The European")]
    assert _diagnostics(cut) == [(6, "expected an answer to the last question, got the end of the file")]


def test_briefings_pasted_into_one_file_are_named_at_each_further_title() -> None:
    pasted = GOOD + GOOD.replace("January 23", "January 30") + GOOD.replace("January 23", "February 6")
    further = "; its text stays on this page (split the file to give each briefing its own page)"
    assert _diagnostics(pasted) == [
        (8, f"expected one briefing per file, got another title {TITLE.replace('23', '30')[:80]!r}{further}"),
        (15, f"expected one briefing per file, got another title {TITLE.replace('January 23', 'February 6')[:80]!r}"
             f"{further}"),
    ]


def test_a_sentence_about_a_briefing_is_no_second_title() -> None:
    mention = GOOD.replace(
        "operate under Russian law.",
        "operate under Russian law.\nBriefing by Foreign Minister Sergey Lavrov, Moscow, January 17, 2025, was held.",
    )
    assert _diagnostics(mention) == []


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Raises TimeoutError after ``seconds``: a pathological input fails the test instead of hanging the suite
    (the regular expression engine checks for signals, so the alarm interrupts a search too)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def alarm() -> Iterator[None]:
    """A generous 20 s for what takes about a second: time is not asserted, only that it ends."""
    with _deadline(20):
        yield


def test_a_file_of_several_megabytes_of_pasted_briefings_converts_and_names_every_title(alarm: None) -> None:
    seed = (SEEDS / "000_2020ac7f1ecb7824.txt").read_text(encoding="utf-8")
    pasted = "\n".join([seed] * 24)  # 2.7 MB
    assert len(pasted.encode()) > 2_500_000
    briefing = parse_text(pasted, "big.txt")
    titles = [d.line for d in briefing.diagnostics if d.message.startswith("expected one briefing per file")]
    assert titles == [1 + n * (seed.count("\n") + 1) for n in range(1, 24)]


# --- Long lines: no regular expression backtracks catastrophically --------------------------------------------

MEGABYTE = 1024 * 1024
WORDS = "Aaaa " * (MEGABYTE // 5)
CAPITALS = "A" * MEGABYTE
# One 1 MB line in each place a rule reads, in the shapes that make a backtracking pattern quadratic: one
# endless word, words without the colon a label needs, punctuation, digits, spaces.
LONG_LINES = {
    "stamp": f"Friday, {'1' * MEGABYTE}\n{GOOD}",
    "language-switcher": f"{'en-GB1 ' * (MEGABYTE // 7)}x\n{GOOD}",
    "title-words": GOOD.replace("Moscow", WORDS, 1),
    "title-dates": GOOD.replace("Moscow", "January 1, 2025 " * (MEGABYTE // 16), 1),
    "agenda-words": GOOD.replace("- Japanese centres in Russia", f"- {WORDS}"),
    "agenda-numbered": GOOD.replace("- Japanese centres in Russia", f"1. {WORDS}"),
    "heading-capitals": GOOD.replace("Question: What will", f"{CAPITALS}\nQuestion: What will"),
    "paragraph-words": GOOD.replace("Question: What will", f"{WORDS}\nQuestion: What will"),
    "paragraph-punctuation": GOOD.replace("Question: What", f"{'*_[](){}#!`<>&|' * (MEGABYTE // 15)}\nQuestion: What"),
    "label-without-colon": GOOD.replace("Maria Zakharova: The E", f"{'Aa ' * (MEGABYTE // 3)}\nMaria Zakharova: The E"),
    "label-capital-word": GOOD.replace("Maria Zakharova: The E", f"A{'a' * MEGABYTE} Bbbb:\nMaria Zakharova: The E"),
    "question-outlet": GOOD.replace("Question: What will", f"Question ({'x' * MEGABYTE}\nQuestion: What will"),
    "question-words": GOOD.replace("What will happen", WORDS),
    "answer-words": GOOD.replace("The Japanese centres will", WORDS),
    "spaces": GOOD.replace("Russian law", "Russian" + " \u00a0" * (MEGABYTE // 2) + "law"),
    "repeats": GOOD.replace("Question: What will", f"{WORDS}\n{WORDS}\nQuestion: What will"),
}


@pytest.mark.parametrize("where", sorted(LONG_LINES))
def test_a_1_mb_line_parses_in_linear_time(alarm: None, where: str) -> None:
    briefing = parse_text(LONG_LINES[where], "long.txt")
    assert len(briefing.sections) >= 2


def test_a_long_title_without_spaces_parses_in_linear_time() -> None:
    # 100 KB, not 1 MB: linear, milliseconds; the quadratic name search it replaced took two minutes.
    with _deadline(5):
        parse_text(GOOD.replace("Foreign Ministry Spokeswoman Maria Zakharova", "A" * 100_000), "long.txt")


# --- Corpus builds: one bad file stops nothing, every problem is listed ------------------------------------


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    for name, data, _message in REFUSED:
        _write(corpus, name, data)
    _write(corpus, "cp1252.txt", GOOD.replace("Japanese centres now", "Japanese centres’ future").encode("cp1252"))
    return corpus


def test_a_corpus_build_converts_every_good_file_and_lists_every_problem(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    report = build.build(corpus, tmp_path / "docs")
    assert sorted(page.briefing.source for page in report.pages) == [SEED.name, "cp1252.txt"]
    assert sorted(str(p) for p in report.problems) == sorted(
        [f"{corpus / name}{message.replace(': expected', ': error: expected', 1)}" for name, _data, message in REFUSED]
        + [f"{corpus / 'cp1252.txt'}:4: warning: expected UTF-8 text, got byte 0x92; read as cp1252 "
           "(Windows Western European)"]
    )


def test_check_exits_1_and_prints_every_problem_then_the_summary(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    result = _run("check", str(corpus))
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(lines) == len(REFUSED) + 2
    assert lines[:-1] == sorted(lines[:-1])
    assert lines[-1] == f"2 briefings converted; {len(REFUSED)} errors, 1 warning"


def test_check_of_a_corpus_with_warnings_only_exits_0(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "no-date.txt", GOOD.replace(", January 23, 2025", ""))
    result = _run("check", str(corpus))
    assert (result.returncode, result.stderr.splitlines()[-1]) == (
        0, "1 briefing converted; 0 errors, 1 warning"
    )


def test_build_strict_exits_1_on_an_error_and_writes_the_good_pages(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    result = _run("build", "--strict", str(corpus), str(tmp_path / "docs"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (tmp_path / "docs" / "briefings" / "2021" / "2021-01-28.md").is_file()
    assert (tmp_path / "docs" / "briefings" / "2025" / "2025-01-23.md").is_file()


def test_a_converter_bug_on_one_file_is_an_error_and_the_others_convert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    _write(corpus, "crash.txt", GOOD)
    real = corpus_module.parse_text

    def crash_on_one(text: str, source: str, path: str | None = None):  # type: ignore[no-untyped-def]
        if source == "crash.txt":
            raise AssertionError("alignment found no path")
        return real(text, source, path)

    monkeypatch.setattr(corpus_module, "parse_text", crash_on_one)
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.errors] == [
        f"{corpus / 'crash.txt'}: error: expected a briefing, got an internal error: AssertionError: alignment found "
        "no path"
    ]
    assert [page.briefing.source for page in report.pages] == [SEED.name]


def test_two_briefings_on_one_date_warn_naming_both_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "a.txt", GOOD)
    _write(corpus, "b.txt", GOOD.replace("have failed", "have failed again"))
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.problems] == [
        f"{corpus / 'b.txt'}:1: warning: expected one briefing per date, got 2 on 2025-01-23 ({corpus / 'a.txt'}, "
        f"{corpus / 'b.txt'}); this one's page is briefings/2025/2025-01-23-2.md"
    ]
    assert [page.path for page in report.pages] == ["briefings/2025/2025-01-23.md", "briefings/2025/2025-01-23-2.md"]


def test_hidden_files_and_other_suffixes_are_not_part_of_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / ".git").mkdir(parents=True)
    _write(corpus / ".git", "x.txt", GOOD)
    _write(corpus, ".#draft.txt", GOOD)
    _write(corpus, "notes.md", GOOD)
    _write(corpus, "upper.TXT", GOOD)
    assert build.discover(corpus) == [corpus / "upper.TXT"]


def test_a_folder_named_like_a_transcript_is_an_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "folder.txt").mkdir(parents=True)
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.problems] == [
        f"{corpus / 'folder.txt'}: error: expected a transcript file, got a directory"
    ]


# --- Nothing lost: the check of every line against its page, and that it can fail ---------------------------


def _lost(text: str, edit: tuple[str, str] | None = None) -> tuple[int, str] | None:
    briefing = parse_text(text, "x.txt")
    page = briefing_page.briefing_page(briefing)
    if edit:
        assert edit[0] in page, edit[0]
        page = page.replace(*edit)
    return verify.lost_words(text, briefing, page)


def test_every_line_of_a_good_transcript_is_in_its_page() -> None:
    assert _lost(GOOD) is None


@pytest.mark.parametrize(
    ("edit", "lost"),
    [
        (("# Briefing by Foreign Ministry Spokeswoman", "# Briefing by Ministry Spokeswoman"), (1, "Foreign")),
        # The agenda title also heads its section further down, so the loss shows at the next line.
        (("[European sanctions against Russia]", "[European sanctions]"), (4, "What")),
        (("will operate under Russian law", "will operate under law"), (5, "Russian")),
        (("will operate under Russian law", "will not operate under Russian law"), (5, "operate")),
        (("**Question:** What will happen to the Japanese centres now?", "**Question:**"), (4, "What")),
    ],
    ids=["title-word", "agenda-word", "answer-word", "word-added", "question-dropped"],
)
def test_the_lost_word_check_fails_on_a_page_that_loses_text(edit: tuple[str, str], lost: tuple[int, str]) -> None:
    assert _lost(GOOD, edit) == lost


def test_the_lost_word_check_fails_on_a_word_dropped_that_occurs_later() -> None:
    # 'Japanese' and 'centres' stand further down the page; only the run of the line's words shows the loss.
    assert _lost(GOOD, ("What will happen to the Japanese centres now?", "What will happen to the now?")) == (
        4, "Japanese",
    )


def test_the_lost_word_check_fails_on_lines_swapped() -> None:
    swapped = _lost(GOOD, ("**Maria Zakharova:** The Japanese centres will operate under Russian law.",
                           "**Maria Zakharova:** The European sanctions have failed."))
    assert swapped == (5, "Japanese")


def test_the_lost_word_check_reads_the_page_as_html_so_markup_loses_text() -> None:
    # Unescaped, '<x>' is a tag to Markdown: the reader never sees its text.
    text = GOOD.replace("Russian law", "Russian <x> law")
    assert _lost(text) is None
    assert _lost(text, ("Russian &lt;x&gt; law", "Russian <x> law")) == (5, "x")


def test_the_toc_divider_in_other_words_is_printed_as_written() -> None:
    # Issue 14, family 5: the page heads its Q&A part with the transcript's own wording of the divider.
    text = (SEEDS / "002_6419208406f8e03b.txt").read_text(encoding="utf-8")
    changed = text.replace("Answers to media questions:", "12. Excerpts from answers to media questions:", 1)
    briefing = parse_text(changed, "x.txt")
    page = briefing_page.briefing_page(briefing)
    assert _lost(changed) is None
    assert "## Excerpts from answers to media questions { #answers-to-media-questions }" in page
    assert "**[Excerpts from answers to media questions](#answers-to-media-questions)**" in page
    assert all(line != 25 for _, line, _ in verify.removed_lines(Path("x.txt"), changed, briefing))


def test_a_toc_divider_that_heads_no_topic_is_listed_as_removed() -> None:
    text = dedent("""\
        Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025
        1. Arctic shipping
        2. From answers to media questions:
        Arctic shipping
        Ice-class tankers sailed the Arctic route.
        """)
    briefing = parse_text(text, "x.txt")
    assert _lost(text) is None
    assert verify.removed_lines(Path("x.txt"), text, briefing) == [("x.txt", 3, "2. From answers to media questions:")]


def test_check_show_removed_lists_boilerplate_on_stdout(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    result = _run("check", "--show-removed", str(corpus))
    out = result.stdout.splitlines()
    assert result.returncode == 0
    assert out[0] == f"{corpus / SEED.name}:1: removed: 28 January 202119:50"
    assert json.dumps(out).count("Back to top") == 19


def test_text_after_an_exchange_keeps_its_place_on_the_page() -> None:
    text = GOOD.replace("Maria Zakharova: The European sanctions have failed.\n",
                        "Maria Zakharova: The European sanctions have failed.\nBack to top\n"
                        "A closing remark on the European sanctions against Russia.\n")
    assert _lost(text) is None


def test_decoding_diagnostics_reach_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "x.txt", GOOD.replace("now?", "now’s?").encode("cp1252"))
    assert main(["parse", str(path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["diagnostics"] == [
        {"line": 4, "message": "expected UTF-8 text, got byte 0x92; read as cp1252 (Windows Western European)"}
    ]
    assert captured.err == (
        f"{path}:4: warning: expected UTF-8 text, got byte 0x92; read as cp1252 (Windows Western European)\n"
    )
    assert parse_file(path).diagnostics == (
        Diagnostic(4, "expected UTF-8 text, got byte 0x92; read as cp1252 (Windows Western European)"),
    )


# --- make site: the MkDocs plugin fails the strict build on errors, lists warnings -------------------------


@pytest.mark.slow
def test_a_strict_site_build_lists_warnings_and_passes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "no-date.txt", GOOD.replace(", January 23, 2025", ""))
    work = tmp_path / "work"
    work.mkdir()
    build_site(corpus, work)
    result = mkdocs_build(work)
    assert result.returncode == 0
    assert (
        f"INFO    -  {work / 'corpus' / 'no-date.txt'}:1: warning: expected a date in the title, got none; the page "
        "goes under briefings/undated/"
    ) in result.stderr.splitlines()


@pytest.mark.slow
def test_a_strict_site_build_fails_on_an_error_and_names_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    work = tmp_path / "work"
    work.mkdir()
    build_site(corpus, work)
    _write(work / "corpus", "image.txt", REFUSED[2][1])
    result = mkdocs_build(work)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"ERROR   -  {work / 'corpus' / 'image.txt'}:3: error: expected text, got a NUL byte at offset 8 "
        "(a binary file?)"
    ) in result.stderr.splitlines()
