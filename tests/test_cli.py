"""The command line: exit codes, the JSON contract on stdout, one-line errors on stderr."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from converter.cli import main

from .conftest import SEEDS

SEED = SEEDS / "002_6419208406f8e03b.txt"
CONTRACT_KEYS = [
    "source", "layout", "title", "title_line", "date", "place", "occasion", "speaker", "speaker_as_printed",
    "speaker_title", "language", "agenda",
    "agenda_lines", "qa_divider_line", "intro", "sections", "questions", "answers", "boilerplate_lines", "diagnostics",
]


def test_parse_prints_the_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == CONTRACT_KEYS
    assert data["date"] == "2021-01-28"
    assert data["agenda"][14] == {
        "n": 15, "title": "Developments around the Nagorno-Karabakh settlement process", "kind": "qa", "line": 27
    }
    assert data["sections"][12]["anchor"] == "e-visas"
    assert data["questions"][0] == {
        "line": 278, "section": 15, "follow_up": False, "anchor": "q1", "outlet": None
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", ":1: expected a briefing transcript, got an empty file"),
        ("Minutes\nof a meeting\n", ":1: expected a briefing title such as 'Briefing by …', got 'Minutes'"),
        (
            "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\nSome text.\n",
            ":2: expected a table of contents, a heading or a question, got 'Some text.'",
        ),
    ],
)
def test_parse_of_a_bad_file_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{path}{message}\n"


def test_parse_of_a_missing_path_or_a_directory_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "none.txt")]) == 1
    assert main(["parse", str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'none.txt'}: expected a transcript file, got no such file",
        f"{tmp_path}: expected a transcript file, got a directory",
    ]


def test_build_strict_exits_1_when_a_transcript_has_an_error_and_converts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    (corpus / "bad.txt").write_text("Not a briefing\n", encoding="utf-8")
    assert main(["build", str(corpus), str(tmp_path / "docs")]) == 0
    assert main(["build", "--strict", str(corpus), str(tmp_path / "docs")]) == 1
    err = capsys.readouterr().err
    assert f"{corpus / 'bad.txt'}:1: error: expected a briefing title" in err
    assert (tmp_path / "docs" / "briefings" / "2021" / "2021-01-28.md").is_file()


def test_check_lists_the_removed_boilerplate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    assert main(["check", "--show-removed", str(corpus)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{corpus / SEED.name}:1: removed: 28 January 202119:50"
    assert f"{corpus / SEED.name}:42: removed: Back to top" in out
    assert len(out) == 25
    assert not (tmp_path / "docs").exists()


def test_python_dash_m_converter_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "converter", "parse", str(SEED)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["title_line"] == 3


def test_a_usage_error_names_the_problem() -> None:
    result = subprocess.run([sys.executable, "-m", "converter", "pars"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "invalid choice: 'pars'" in result.stderr
