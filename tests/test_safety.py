"""Safe, repeatable output: the converter writes only inside the docs folder whatever names, titles or links
say, writes atomically, removes only its own stale pages, reads nothing from outside the corpus, and gives
the same bytes whatever order the file system lists the corpus in.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest

from converter import build
from converter.build import write

from .conftest import SEEDS, tree

GOOD = dedent("""\
    Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025
    - Japanese centres in Russia
    Question: What will happen to the Japanese centres now?
    Maria Zakharova: The Japanese centres will operate under Russian law.
    """)
UNDATED = GOOD.replace(", January 23, 2025", "")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[Path]:
    """A folder beside the docs folder with a file in it; the test fails if the build touches either."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "keep.md").write_text("not the converter's\n", encoding="utf-8")
    yield folder
    assert tree(folder) == {"keep.md": b"not the converter's\n"}


# --- Nothing is written outside the docs folder -------------------------------------------------------------


@pytest.mark.parametrize(
    "relative",
    ["../evil.md", "/tmp/evil.md", "briefings/../../evil.md", "briefings/..\\..\\evil.md", "briefings/./x.md",
     "briefings//x.md", "briefings/x\n.md", "briefings/x\x00.md", ""],
    ids=["parent", "absolute", "climb", "backslash", "dot", "empty-part", "line-break", "nul", "nothing"],
)
def test_write_outputs_refuses_a_path_outside_the_docs_folder(tmp_path: Path, relative: str) -> None:
    docs = tmp_path / "work" / "docs"
    docs.mkdir(parents=True)
    report = build.Report()
    build.write_outputs(docs, {relative: "evil\n", "index.md": "# Home\n"}, report)
    assert [(p.line, p.message) for p in report.problems] == [
        (0, f"expected a relative path inside the docs folder, got {relative!r}; not written")
    ]
    assert tree(tmp_path) == {"work/docs/index.md": b"# Home\n"}


def test_write_outputs_does_not_write_through_a_symlinked_folder(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "briefings").symlink_to(outside, target_is_directory=True)
    report = build.Report()
    build.write_outputs(docs, {"briefings/2025/2025-01-23.md": "page\n"}, report)
    assert [str(p) for p in report.problems] == [
        f"{docs / 'briefings/2025/2025-01-23.md'}: error: expected a folder inside the docs folder, got a symbolic "
        f"link at {docs.resolve() / 'briefings'}; not written",
        f"{docs.resolve() / 'briefings'}: error: expected a folder, got a symbolic link; stale files not removed",
    ]


def test_a_page_that_is_a_symlink_is_replaced_never_written_through(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "briefings").mkdir(parents=True)
    (docs / "briefings" / "page.md").symlink_to(outside / "keep.md")
    report = build.Report()
    build.write_outputs(docs, {"briefings/page.md": "the page\n"}, report)
    assert report.problems == []
    assert not (docs / "briefings" / "page.md").is_symlink()
    assert (docs / "briefings" / "page.md").read_text(encoding="utf-8") == "the page\n"


def test_stale_pages_go_but_a_symlinked_folder_inside_is_not_followed(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "briefings" / "2020").mkdir(parents=True)
    (docs / "briefings" / "2020" / "2020-01-01.md").write_text("stale\n", encoding="utf-8")
    (docs / "briefings" / "elsewhere").symlink_to(outside, target_is_directory=True)
    report = build.Report()
    build.write_outputs(docs, {"briefings/2025/2025-01-23.md": "page\n"}, report)
    assert report.removed == ["briefings/2020/2020-01-01.md"]
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == [
        "briefings", "briefings/2025", "briefings/2025/2025-01-23.md", "briefings/elsewhere",
    ]


def test_temporaries_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "briefings" / "2025").mkdir(parents=True)
    (docs / "briefings" / "2025" / ".2025-01-23.md.x1y2.tmp").write_text("half a pa", encoding="utf-8")
    build.write_outputs(docs, {"briefings/2025/2025-01-23.md": "page\n"}, build.Report())
    assert sorted(tree(docs)) == ["briefings/2025/2025-01-23.md"]


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("evil..txt", "briefings/undated/evil.md"),
        ("%2e%2e%2f%2e%2e%2fevil.txt", "briefings/undated/2e-2e-2f-2e-2e-2fevil.md"),
        ("a\\..\\..\\b.txt", "briefings/undated/a-------b.md"),
        ("／etc／passwd.txt", "briefings/undated/etc-passwd.md"),
        ("-- .txt", "briefings/undated/briefing.md"),
    ],
)
def test_a_transcript_name_never_makes_a_path_outside_its_folder(
    tmp_path: Path, corpus: Path, name: str, page: str
) -> None:
    (corpus / name).write_text(UNDATED, encoding="utf-8")
    report = build.build(corpus, tmp_path / "docs")
    assert report.errors == []
    assert [p.path for p in report.pages] == [page]
    assert (tmp_path / "docs" / page).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "docs"]


def test_a_title_with_dot_dot_names_no_path(tmp_path: Path, corpus: Path) -> None:
    (corpus / "x.txt").write_text(GOOD.replace("Moscow", "../../../etc/passwd"), encoding="utf-8")
    report = build.build(corpus, tmp_path / "docs")
    assert [p.path for p in report.pages] == ["briefings/2025/2025-01-23.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "docs"]


# --- Nothing is read from outside the corpus ---------------------------------------------------------------


def test_a_symlinked_transcript_is_refused_and_its_text_goes_nowhere(tmp_path: Path, corpus: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD.replace("Russian law", "SECRET-TOKEN-42"), encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.problems] == [
        f"{corpus / 'leak.txt'}: error: expected a transcript file, got a symbolic link to {str(secret)!r}; "
        "copy the file in"
    ]
    assert report.pages == []
    assert not any(b"SECRET-TOKEN-42" in data for data in tree(tmp_path / "docs").values())


def test_a_symlinked_folder_in_the_corpus_is_not_followed(tmp_path: Path, corpus: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.problems] == [
        f"{corpus / 'linked'}: warning: expected a folder of transcripts, got a symbolic link to a folder; "
        "not followed"
    ]
    assert report.pages == []


def test_a_broken_symlink_in_the_corpus_is_an_error(tmp_path: Path, corpus: Path) -> None:
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = build.build(corpus, tmp_path / "docs")
    assert [str(p) for p in report.errors] == [
        f"{corpus / 'gone.txt'}: error: expected a transcript file, got a symbolic link to "
        f"{str(tmp_path / 'nowhere.txt')!r}; copy the file in"
    ]


# --- Atomic, and only when the bytes change -------------------------------------------------------------------


def test_write_atomic_leaves_the_old_page_whole_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.md"
    page.write_text("old page\n", encoding="utf-8")

    def fail(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OSError):
        build.write_atomic(page, "new page\n")
    assert tree(tmp_path) == {"page.md": b"old page\n"}


def test_write_atomic_writes_a_readable_page_and_only_when_it_changes(tmp_path: Path) -> None:
    page = tmp_path / "briefings" / "page.md"
    assert build.write_atomic(page, "page\n") is True
    assert page.stat().st_mode & 0o777 == 0o644
    before = page.stat().st_mtime_ns
    assert build.write_atomic(page, "page\n") is False
    assert page.stat().st_mtime_ns == before


def test_a_page_that_cannot_be_written_is_reported_and_the_others_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build.write_atomic

    def full_disk(path: Path, text: str) -> bool:
        if path.name == "a.md":
            raise OSError(28, "No space left on device", str(path))
        return real(path, text)

    monkeypatch.setattr(write, "write_atomic", full_disk)
    report = build.Report()
    build.write_outputs(tmp_path / "docs", {"briefings/a.md": "a\n", "briefings/b.md": "b\n"}, report)
    assert [str(p) for p in report.problems] == [
        f"{(tmp_path / 'docs').resolve() / 'briefings/a.md'}: error: expected to write the page, got No space "
        "left on device"
    ]
    assert report.written == ["briefings/b.md"]


# --- The same bytes whatever the order ------------------------------------------------------------------------


def test_discover_sorts_whatever_order_the_file_system_lists(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/A.txt"]:
        (corpus / name).parent.mkdir(exist_ok=True)
        (corpus / name).write_text(GOOD, encoding="utf-8")
    real = os.walk

    def reversed_walk(top: str | os.PathLike[str], **kwargs: object) -> Iterator[tuple[str, list[str], list[str]]]:
        for folder, dirs, files in list(real(top, **kwargs))[::-1]:  # type: ignore[call-overload]
            yield folder, dirs[::-1], files[::-1]

    expected = [corpus / name for name in ["a.txt", "b.txt", "sub/A.txt", "sub/c.txt"]]
    assert build.discover(corpus) == expected
    monkeypatch.setattr(os, "walk", reversed_walk)
    assert build.discover(corpus) == expected


def test_a_build_with_the_corpus_listed_backwards_gives_the_same_bytes(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "same-day.txt").write_text(GOOD, encoding="utf-8")
    build.build(corpus, tmp_path / "one")
    monkeypatch.setattr(build, "discover", lambda folder: sorted(folder.glob("*.txt"), reverse=True))
    build.build(corpus, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_symlinked_generated_folder_is_not_emptied(tmp_path: Path, corpus: Path) -> None:
    (corpus / "x.txt").write_text(GOOD, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.md").write_text("not the converter's\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "speakers").symlink_to(elsewhere, target_is_directory=True)
    build.build(corpus, docs)
    assert (elsewhere / "keep.md").is_file()
