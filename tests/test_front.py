"""The front of a transcript (converter.parse.front): title metadata, furniture and the table of contents."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent

import pytest

from converter.errors import TranscriptParseError
from converter.model import Kind
from converter.parse.front import Front, read_front, read_title
from converter.parse.normalize import lines_of

TITLE = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025"


def _front(text: str, path: str = "t.txt") -> Front:
    return read_front(lines_of(dedent(text)), path)


def test_read_title_splits_speaker_title_place_and_date() -> None:
    info = read_title(TITLE)
    assert (info.speaker, info.speaker_title, info.place, info.date, info.language) == (
        "Maria Zakharova", "Foreign Ministry Spokeswoman", "Moscow", dt.date(2025, 1, 23), "en",
    )
    assert info.title == TITLE


def test_read_title_official_representative_without_place() -> None:
    info = read_title(
        "Briefing of the official representative of the Russian Foreign Ministry Alexander Lukashevich, 15 March 2012"
    )
    assert (info.speaker, info.speaker_title, info.place, info.date) == (
        "Alexander Lukashevich", "official representative of the Russian Foreign Ministry", None, dt.date(2012, 3, 15),
    )


def test_read_title_deputy_spokesman() -> None:
    info = read_title("Briefing by Deputy Foreign Ministry Spokesman Andrei Kozhin, Moscow, August 2, 2018")
    assert (info.speaker, info.speaker_title, info.place, info.date) == (
        "Andrei Kozhin", "Deputy Foreign Ministry Spokesman", "Moscow", dt.date(2018, 8, 2),
    )


def test_read_title_place_with_a_comma() -> None:
    info = read_title("Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Artek, Crimea, September 3, 2020")
    assert (info.speaker, info.place, info.date) == ("Maria Zakharova", "Artek, Crimea", dt.date(2020, 9, 3))


def test_read_title_missing_space_after_the_place() -> None:
    info = read_title("Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow,May 13, 2021")
    assert (info.speaker, info.place, info.date) == ("Maria Zakharova", "Moscow", dt.date(2021, 5, 13))


def test_read_title_initials_resolve_through_the_speaker_table() -> None:
    info = read_title("Briefing by Foreign Ministry Spokesman A.K.Lukashevich, Moscow, 15 March 2012")
    assert (info.speaker, info.speaker_title) == ("Alexander Lukashevich", "Foreign Ministry Spokesman")


def test_read_title_speaker_not_in_the_table_is_taken_from_the_title() -> None:
    info = read_title("Briefing by Foreign Ministry Spokesman Ivan Petrov, Moscow, January 23, 2025")
    assert (info.speaker, info.speaker_title) == ("Ivan Petrov", "Foreign Ministry Spokesman")


def test_read_title_nbsp_does_not_change_the_metadata() -> None:
    info = read_title(TITLE.replace(" ", "\u00a0"))
    assert (info.speaker, info.speaker_title, info.place, info.date) == (
        "Maria Zakharova", "Foreign Ministry Spokeswoman", "Moscow", dt.date(2025, 1, 23),
    )


def test_read_front_bulleted_agenda_right_after_the_title() -> None:
    front = _front(f"""\
        {TITLE}
        - First topic
        - Second topic
        First topic
        Text.
        """)
    assert [(e.title, e.kind, e.line) for e in front.agenda] == [("First topic", None, 2), ("Second topic", None, 3)]
    assert front.title_line.number == 1
    assert front.agenda_lines == (2, 3)
    assert front.body_start == 3  # index of line 4
    assert front.boilerplate == set()
    assert front.diagnostics == []


def test_read_front_numbered_toc_with_answers_to_media_questions() -> None:
    front = _front(f"""\
        {TITLE}

        Table of contents

          1. Alpha meeting
          2. Beta mission

        Answers to media questions:

          1. Gamma settlement
          2. Delta conflict

        Alpha meeting
        """)
    assert [(e.title, e.kind, e.line) for e in front.agenda] == [
        ("Alpha meeting", Kind.STATEMENT, 5),
        ("Beta mission", Kind.STATEMENT, 6),
        ("Gamma settlement", Kind.QA, 10),
        ("Delta conflict", Kind.QA, 11),
    ]
    assert front.agenda_lines == (5, 11)
    assert front.boilerplate == {3}  # 'Table of contents'; the TOC's own divider is part of the TOC block
    assert front.body_start == 11


def test_read_front_stamp_before_and_language_codes_after_the_title_are_boilerplate() -> None:
    front = _front(f"""\
        28 January 202119:50

        {TITLE}

          • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1

        Table of contents

          1. Alpha meeting
        """)
    assert front.title_line.number == 3
    assert front.boilerplate == {1, 5, 7}
    assert [e.title for e in front.agenda] == ["Alpha meeting"]


def test_read_front_language_codes_before_and_stamp_after_the_title_are_boilerplate() -> None:
    front = _front(f"""\
        en-GB1 ru-RU1
        {TITLE}
        Friday, 22 June 2018 11:05
        18:42
        512-14-03-2012
        - Alpha meeting
        """)
    assert front.title_line.number == 2
    assert front.boilerplate == {1, 3, 4, 5}
    assert [(e.title, e.line) for e in front.agenda] == [("Alpha meeting", 6)]


def test_read_front_repeated_title_line_is_boilerplate() -> None:
    front = _front(f"""\
        {TITLE}
        {TITLE}
        - Alpha meeting
        """)
    assert front.title_line.number == 1
    assert front.boilerplate == {2}


def test_read_front_without_a_title_raises_naming_path_and_line() -> None:
    with pytest.raises(TranscriptParseError) as caught:
        _front("""\

            Some text about the weather
            - an item
            """, path="corpus/x.txt")
    assert str(caught.value).startswith("corpus/x.txt:2: expected a briefing title ")
    assert caught.value.line == 2


def test_read_front_empty_file_raises() -> None:
    with pytest.raises(TranscriptParseError) as caught:
        _front("\n\n", path="x.txt")
    assert str(caught.value) == "x.txt:1: expected a briefing transcript, got an empty file"
