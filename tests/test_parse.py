"""The parse entry points (converter.parse): parse_text/parse_file/decode, exchanges, outlets, anchors."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.errors import TranscriptParseError
from converter.model import Briefing, Role
from converter.parse import RESERVED_ANCHORS, decode, parse_file, parse_text, section_anchors, slug

TITLE = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n"
QA = dedent("""\
    - Japanese centres in Russia
    - European sanctions against Russia
    Question (RIA Novosti): What will happen to the Japanese centres now that the memorandums are void?
    Maria Zakharova: The Japanese centres will operate under Russian law.
    Question (follow-up): Will the Japanese centres close?
    Maria Zakharova: The Japanese centres may stay open.
    Question: The EU is extending its sanctions against Russia. What is your comment?
    Maria Zakharova: The European sanctions have failed.
    """)


def _parse(body: str) -> Briefing:
    return parse_text(TITLE + dedent(body), "t.txt")


def test_parse_text_reports_source_layout_and_title_metadata() -> None:
    briefing = _parse(QA)
    assert (briefing.source, briefing.layout, briefing.title_line, briefing.agenda_lines) == (
        "t.txt", "plain", 1, (2, 3),
    )
    assert (briefing.speaker, briefing.place, briefing.title) == ("Maria Zakharova", "Moscow", TITLE.strip())
    assert briefing.diagnostics == ()


def test_question_label_with_outlet_gives_the_outlet() -> None:
    first = _parse(QA).exchanges[0]
    assert (first.question.role, first.question.label, first.question.outlet) == (
        Role.QUESTION, "Question (RIA Novosti)", "RIA Novosti",
    )


def test_follow_up_note_is_not_an_outlet() -> None:
    second = _parse(QA).exchanges[1]
    assert (second.question.label, second.question.outlet, second.follow_up) == ("Question (follow-up)", None, True)


def test_plain_question_label_has_no_outlet() -> None:
    third = _parse(QA).exchanges[2]
    assert (third.question.label, third.question.outlet) == ("Question", None)


def test_question_anchors_number_on_across_sections() -> None:
    briefing = _parse(QA)
    assert [[e.anchor for e in s.exchanges] for s in briefing.sections] == [["q1", "q2"], ["q3"]]
    assert briefing.diagnostics == ()


def test_answer_turns_carry_speaker_and_text_without_the_label() -> None:
    (answer,) = _parse(QA).exchanges[0].answers
    assert (answer.role, answer.label, answer.speaker, [p.text for p in answer.paragraphs]) == (
        Role.ANSWER, "Maria Zakharova", "Maria Zakharova", ["The Japanese centres will operate under Russian law."],
    )


def test_title_without_toc_headings_or_questions_raises_naming_the_line_after_the_title() -> None:
    with pytest.raises(TranscriptParseError) as caught:
        parse_text(TITLE + "Some paragraph.\nAnother.\n", "a.txt", "corpus/a.txt")
    assert str(caught.value) == (
        "corpus/a.txt:2: expected a table of contents, a heading or a question, got 'Some paragraph.'"
    )


def test_text_without_a_title_raises_naming_the_first_line() -> None:
    with pytest.raises(TranscriptParseError) as caught:
        parse_text("Hello\n- item\n", "a.txt")
    assert str(caught.value).startswith("a.txt:1: expected a briefing title ")


@pytest.mark.parametrize(
    "data", [b"\xef\xbb\xbfTitle\n", "Title\n".encode("utf-16"), "Title\n".encode("utf-16-be").join([b"\xfe\xff", b""])]
)
def test_decode_drops_the_byte_order_mark(data: bytes) -> None:
    assert decode(data, "x.txt") == "Title\n"


def test_decode_names_the_line_of_an_invalid_byte() -> None:
    with pytest.raises(TranscriptParseError) as caught:
        decode(b"Title\nok\n\xff bad", "x.txt")
    assert str(caught.value) == "x.txt:3: expected UTF-8 text, got byte 0xff"


def test_parse_file_reports_the_file_name_as_source(tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (TITLE + QA).replace("\n", "\r\n").encode())
    briefing = parse_file(path)
    assert briefing.source == "briefing.txt"
    assert briefing == parse_text(TITLE + QA, "briefing.txt")


@pytest.mark.parametrize(("name", "what"), [("missing.txt", "no such file"), (".", "a directory")])
def test_parse_file_on_a_missing_file_or_directory_raises(tmp_path: Path, name: str, what: str) -> None:
    path = tmp_path / name
    with pytest.raises(TranscriptParseError) as caught:
        parse_file(path)
    assert caught.value.line == 0  # the file as a whole
    assert str(caught.value) == f"{path}: expected a transcript file, got {what}"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Russia’s role in the UN", "russias-role-in-the-un"),
        ("Russia's role in the UN", "russias-role-in-the-un"),
        ("Réunion à Genève", "reunion-a-geneve"),
        ("Rights — and wrongs", "rights-and-wrongs"),
        ("Statement by the\u00a0 Foreign Ministry", "statement-by-the-foreign-ministry"),
        ("E-visas", "e-visas"),
    ],
)
def test_slug_is_ascii_words_joined_by_hyphens(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_slug_stops_at_a_word_boundary_within_60_characters() -> None:
    title = "The US’s withdrawal from the Paris Climate Agreement and the WHO"
    result = slug(title)
    assert len(result) <= 60
    assert result == "the-uss-withdrawal-from-the-paris-climate-agreement-and-the"


def test_section_anchors_are_distinct_for_repeated_titles() -> None:
    assert section_anchors(["NATO buildup", "NATO buildup", "NATO buildup"]) == [
        "nato-buildup", "nato-buildup-2", "nato-buildup-3",
    ]


@pytest.mark.parametrize("reserved", sorted(RESERVED_ANCHORS | {"agenda"}))
def test_section_anchors_never_take_a_page_anchor(reserved: str) -> None:
    title = reserved.replace("-", " ").title()
    (anchor,) = section_anchors([title])
    assert anchor != reserved
    assert anchor.startswith(reserved)


def test_section_anchors_avoid_question_anchors_and_leading_digits() -> None:
    assert section_anchors(["Q1", "2020 trilateral statement"]) == ["item-q1", "item-2020-trilateral-statement"]


def test_section_anchor_of_a_title_without_ascii_letters_is_its_position() -> None:
    assert section_anchors(["NATO", "Брифинг"]) == ["nato", "item-2"]


def test_section_anchors_are_stable_when_items_follow() -> None:
    titles = ["Ukrainian crisis update", "NATO buildup", "NATO buildup"]
    assert section_anchors([*titles, "Ukrainian crisis update", "E-visas"])[:3] == section_anchors(titles)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), max_size=12))
def test_section_anchors_are_distinct_ascii_and_never_reserved(titles: list[str]) -> None:
    anchors = section_anchors(titles)
    assert len(anchors) == len(titles)
    assert len(set(anchors)) == len(anchors)
    for anchor in anchors:
        assert anchor.isascii()
        assert anchor == anchor.lower()
        assert anchor and all(c.isalnum() or c == "-" for c in anchor)
        assert anchor not in RESERVED_ANCHORS
        assert not anchor[0].isdigit()
        assert not (anchor[0] == "q" and anchor[1:].isdigit())
