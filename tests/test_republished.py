"""Briefings inside other sites' pages (issue 14, family 1): converter/parse/republished.py.

The full parses are in tests/fixtures/republished/*.gold.yaml (tests/test_gold.py); these cases cover the rules
one by one: which title line is the briefing's, a lede for a missing title, the page foot, and a refusal only
when the file holds no briefing.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from converter.build import verify
from converter.cli import main
from converter.errors import TranscriptParseError
from converter.model import Briefing
from converter.pages import briefing as briefing_page
from converter.parse import parse_text
from converter.parse.front import is_lede, read_lede
from converter.parse.normalize import lines_of
from converter.parse.republished import footer_start

TITLE = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, November 3, 2021"
BRIEFING = textwrap.dedent(f"""\
    {TITLE}
    1. The situation in Afghanistan
    2. Russia and NATO
    The situation in Afghanistan
    We are concerned about the humanitarian situation in Afghanistan as winter approaches.
    Question: How will Moscow respond to NATO?
    Maria Zakharova: The work of our permanent mission to NATO has been suspended.
    """)


def _parse(text: str) -> Briefing:
    return parse_text(text, "page.txt")


def test_a_headline_list_with_another_briefings_title_is_passed_over() -> None:
    head = "Latest\nBriefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, October 27, 2021\n"
    head += "Lavrov to visit Algeria\n03.11.2021 09:12\n"
    briefing = _parse(head + BRIEFING)
    assert (briefing.layout, briefing.title_line, briefing.date) == ("republished", 5, dt.date(2021, 11, 3))
    assert [item.title for item in briefing.agenda] == ["The situation in Afghanistan", "Russia and NATO"]
    assert briefing.boilerplate_lines == (1, 2, 3, 4)


def test_the_same_title_printed_twice_is_one_title() -> None:
    briefing = _parse(f"{TITLE}\n03.11.2021 09:12\n{TITLE}:\n" + BRIEFING.split("\n", 1)[1])
    assert briefing.title_line == 1


@pytest.mark.parametrize(
    "foot",
    [
        "Share this article\nFacebook\nTwitter\n",
        "Tags: Russia, NATO\n",
        "VK\nTelegram\nShare:\n",
        "Comments (2)\nAnna: Thank you.\nPeter: Where is the Russian text?\n",
        "Related articles\nBriefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, October 21, 2021\n",
        "Print\nBack to news\n",
    ],
)
def test_the_page_foot_after_the_last_answer_is_boilerplate(foot: str) -> None:
    text = "Site menu\n" + BRIEFING + foot
    briefing = _parse(text)
    last = len(lines_of(text))
    foot_lines = tuple(range(last - foot.count("\n") + 1, last + 1))
    assert briefing.boilerplate_lines == (1, *foot_lines)
    assert briefing.diagnostics == ()
    assert verify.lost_words(text, briefing, briefing_page.briefing_page(briefing)) is None


def test_a_foot_word_before_the_last_answer_is_the_briefings_text() -> None:
    lines = lines_of("Title\nShare\nQuestion: Why?\nMaria Zakharova: Because.\n")
    assert footer_start(lines, 1) is None


def test_an_answer_after_a_comment_label_still_ends_the_briefing_before_the_foot() -> None:
    lines = lines_of(BRIEFING + "Comments\nAnna: Thank you.\n")
    assert footer_start(lines, 1) == 7


def test_a_lede_stands_for_a_missing_title() -> None:
    lede = ("MOSCOW, March 16, 2023. Foreign Ministry Spokeswoman Maria Zakharova held a briefing on current "
            "foreign policy issues.")
    text = f"Embassy news\nSanctions have failed, says Moscow\n{lede}\nThe Nord Stream explosions\n"
    text += "We demand an open international investigation.\nPrint\n"
    briefing = _parse(text)
    assert (briefing.layout, briefing.title_line, briefing.title) == ("republished", 3, lede)
    assert (briefing.speaker, briefing.speaker_title, briefing.place, briefing.date) == (
        "Maria Zakharova", "Foreign Ministry Spokeswoman", "Moscow", dt.date(2023, 3, 16)
    )
    assert briefing.boilerplate_lines == (1, 2, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian Foreign Ministry Spokesman Alexander Lukashevich gave a briefing in Moscow on 15 March 2012.",
         ("Alexander Lukashevich", "Alexander Lukashevich", "Russian Foreign Ministry Spokesman", None)),
        ("Moscow, 14 May 2015 - Deputy Foreign Ministry Spokesman Ivan Petrov held a press conference today.",
         ("Ivan Petrov", "Ivan Petrov", "Deputy Foreign Ministry Spokesman", "Moscow")),
        ("On March 14, 2019, María Zajárova ofreció una rueda de prensa en Moscú.",
         ("Maria Zakharova", "María Zajárova", None, None)),
    ],
)
def test_lede_wordings(text: str, expected: tuple[object, ...]) -> None:
    assert is_lede(text)
    info = read_lede(text)
    assert (info.speaker, info.speaker_as_printed, info.speaker_title, info.place) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zakharova: Western sanctions have backfired",  # a headline quoting her: no date, no briefing
        "Maria Zakharova said on March 16, 2023 that sanctions have failed.",  # no briefing
        "The briefing will take place on March 16, 2023.",  # no speaker
    ],
)
def test_lines_that_are_no_lede(text: str) -> None:
    assert not is_lede(text)


def test_a_page_without_a_briefing_is_refused_at_its_first_line() -> None:
    with pytest.raises(TranscriptParseError) as caught:
        parse_text("Home\nNews\nZakharova: sanctions have failed\nShare\n", "page.txt", "corpus/page.txt")
    assert str(caught.value).startswith("corpus/page.txt:1: expected a briefing title such as 'Briefing by …'")


def test_check_show_removed_lists_every_furniture_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text("Site menu\nDonate today\n" + BRIEFING + "Share\nTags: NATO\n", encoding="utf-8")
    assert main(["check", "--show-removed", str(corpus)]) == 0
    page = corpus / "page.txt"
    assert capsys.readouterr().out.splitlines() == [
        f"{page}:1: removed: Site menu", f"{page}:2: removed: Donate today",
        f"{page}:10: removed: Share", f"{page}:11: removed: Tags: NATO",
    ]
