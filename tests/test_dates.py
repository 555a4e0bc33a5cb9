"""Dates in titles and page stamps (converter.parse.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from converter.parse.dates import find_date, parse_stamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 23, 2025", dt.date(2025, 1, 23)),
        ("15 March 2012", dt.date(2012, 3, 15)),
        ("1 marzo 2017", dt.date(2017, 3, 1)),
        ("1 de marzo de 2017", dt.date(2017, 3, 1)),
        ("22.09.2022", dt.date(2022, 9, 22)),
        ("February 3 2017", dt.date(2017, 2, 3)),
        ("January 23,2025", dt.date(2025, 1, 23)),
        ("Sept. 3, 2020", dt.date(2020, 9, 3)),
    ],
)
def test_find_date_reads_each_printed_form(text: str, expected: dt.date) -> None:
    found = find_date(text)
    assert found is not None
    assert found[0] == expected


def test_find_date_without_space_after_the_place() -> None:
    text = "Moscow,May 13, 2021"
    found = find_date(text)
    assert found is not None
    date, start, end = found
    assert date == dt.date(2021, 5, 13)
    assert text[start:end] == "May 13, 2021"


def test_find_date_gives_the_span_at_the_end_of_a_title() -> None:
    title = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025"
    found = find_date(title)
    assert found is not None
    assert title[found[1] :] == "January 23, 2025"


def test_find_date_takes_the_last_date_printed() -> None:
    text = "Statement of January 19, 1990, repeated on 20 January 2021"
    found = find_date(text)
    assert found is not None
    assert found[0] == dt.date(2021, 1, 20)


@pytest.mark.parametrize("text", ["February 30, 2021", "31.13.2020", "May 2021", "Smarch 3, 2020", "no date here"])
def test_find_date_gives_none_without_a_valid_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("28 January 202119:50", dt.date(2021, 1, 28)),  # seed 002, line 1: the time glued to the year
        ("1 marzo 201713:20", dt.date(2017, 3, 1)),
        ("Friday, 22 June 2018 11:05", dt.date(2018, 6, 22)),
        ("22.09.2022 14:10", dt.date(2022, 9, 22)),
        ("  15 March 2012  ", dt.date(2012, 3, 15)),
    ],
)
def test_parse_stamp_reads_a_date_stamp(line: str, expected: dt.date) -> None:
    assert parse_stamp(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A 2019 or 2020 year followed by a glued time must not read as day 20 and year 19xx/20xx.
        ("28 January 202019:50", dt.date(2020, 1, 28)),
        ("28 January 201920:15", dt.date(2019, 1, 28)),
    ],
)
def test_parse_stamp_glued_time_after_2019_and_2020(line: str, expected: dt.date) -> None:
    assert parse_stamp(line) == expected


def test_parse_stamp_time_only_is_none() -> None:
    assert parse_stamp("18:42") is None


@pytest.mark.parametrize(
    "line",
    [
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 28, 2021",
        "On January 29, Foreign Minister Sergey Lavrov will meet with Ahmed Maiteeq.",
        "Back to top",
        "Sri Lanka Independence Day",
        "January 23, 2025 was a Thursday",
        "2021",
        "",
    ],
)
def test_parse_stamp_is_false_for_other_lines(line: str) -> None:
    assert parse_stamp(line) is False
