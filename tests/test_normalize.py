"""Line splitting and cleaning (converter.parse.normalize): the physical lines the contract counts."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.parse.normalize import clean, lines_of, match_key, split_lines


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\n"])
def test_each_line_break_ends_one_line(brk: str) -> None:
    assert split_lines(f"one{brk}two{brk}three") == ["one", "two", "three"]


def test_mixed_line_breaks_each_count_once() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]


def test_cr_then_lf_is_one_break_but_lf_then_cr_is_two() -> None:
    assert split_lines("a\r\nb") == ["a", "b"]
    assert split_lines("a\n\rb") == ["a", "", "b"]


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\n"])
def test_final_line_break_adds_no_line(brk: str) -> None:
    assert split_lines(f"one{brk}two{brk}") == ["one", "two"]


def test_last_line_counts_without_trailing_newline() -> None:
    # Both seeds end without a newline: `wc -l` says one line fewer than the file has.
    assert len(split_lines("one\ntwo\nthree")) == 3


def test_blank_lines_between_breaks_are_kept() -> None:
    assert split_lines("one\n\n\ntwo\n") == ["one", "", "", "two"]


def test_lone_newline_is_one_blank_line_and_empty_text_none() -> None:
    assert split_lines("\n") == [""]
    assert split_lines("") == []


def test_lines_of_numbers_from_one_and_keeps_raw_text() -> None:
    lines = lines_of("Title\r\n  Question:\u00a0Why?  \r\n")
    assert [(line.number, line.raw, line.text) for line in lines] == [
        (1, "Title", "Title"),
        (2, "  Question:\u00a0Why?  ", "Question: Why?"),
    ]


def test_line_of_only_spaces_and_nbsp_is_blank() -> None:
    (line,) = lines_of(" \u00a0\t\u2009")
    assert line.blank


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Question:\u00a0I would like", "Question: I would like"),  # NBSP becomes a space
        ("Ukra\u00adine", "Ukraine"),  # soft hyphen removed
        ("zero\u200bwidth\u200c\u200djoin\u2060er", "zerowidthjoiner"),  # zero-width characters removed
        ("\ufeffBriefing", "Briefing"),  # BOM removed
        ("thin\u2009space\u202fnarrow\u2007figure", "thin space narrow figure"),
        ("a \u00a0 \t b", "a b"),  # a run of mixed spaces collapses to one
        ("  \u00a0outer\u00a0  ", "outer"),  # no outer spaces
    ],
)
def test_clean_removes_invisible_characters_and_collapses_spaces(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_composes_accents() -> None:
    assert clean("Gene\u0300ve") == "Gen\u00e8ve"


@pytest.mark.parametrize(
    ("heading", "toc_entry"),
    [
        ("Russia’s role", "Russia's role"),  # typographic apostrophe
        ("Russia-Armenia talks", "Russia–Armenia talks"),  # en dash
        ("Russia - Armenia talks", "Russia — Armenia talks"),  # em dash
        ("E-VISAS", "E-visas"),  # case
        ("Answers to media questions:", "Answers to media questions"),  # trailing colon
        ("Sri Lanka Independence Day.", "Sri Lanka Independence Day"),  # trailing full stop
        ("Statement by the\u00a0 Foreign Ministry", "Statement by the Foreign Ministry"),  # NBSP run
    ],
)
def test_match_key_folds_what_differs_between_heading_and_toc(heading: str, toc_entry: str) -> None:
    assert match_key(heading) == match_key(toc_entry)


def test_match_key_keeps_words_apart() -> None:
    assert match_key("NATO buildup in the Baltic Sea") != match_key("NATO’s naval build-up in the Baltic Sea region")


# The rules of clean() and match_key() as regular expressions, as they were first written: the string methods
# that replaced them for speed must give the same text for any input.
_RE_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_RE_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_FOLDS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})


def _clean_by_regex(text: str) -> str:
    return _RE_SPACES.sub(" ", unicodedata.normalize("NFC", _RE_INVISIBLE.sub("", text))).strip()


# Text rich in what the rules act on: every kind of space, invisible characters, combining accents, quotes and
# dashes to fold, case, trailing '.:' - mixed with any other character.
_TRICKY = st.text(st.sampled_from(
    list(" \t\n\x0b\x1c\u0085\u00a0\u1680\u2007\u2009\u200a\u200b\u200c\u200d\u2028\u202f\u205f\u2060"
         "\u3000\ufeff\u00adeE\u0301\u0300\u0327cC\u00c9\u0130\u00df’‘ʼ“”–—‑'\"-.:")
) | st.characters())


@settings(max_examples=500, deadline=None)
@given(_TRICKY)
def test_clean_equals_its_regex_definition(text: str) -> None:
    assert clean(text) == _clean_by_regex(text)


@settings(max_examples=500, deadline=None)
@given(_TRICKY)
def test_match_key_equals_its_regex_definition(text: str) -> None:
    assert match_key(text) == _clean_by_regex(text).translate(_FOLDS).casefold().rstrip(" .:")


def test_clean_of_ascii_text_collapses_every_ascii_space() -> None:
    assert clean("\x1c a\t\x0b\x0cb\x1f ") == "a b"
