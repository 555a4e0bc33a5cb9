"""Alignment edge cases: text before the first heading, questions the agenda does not list, missing items."""

from __future__ import annotations

import textwrap

from converter.model import Kind
from converter.parse import parse_text

TITLE = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n"


def _parse(body: str):  # type: ignore[no-untyped-def]
    return parse_text(TITLE + textwrap.dedent(body), "t.txt")


def test_text_before_the_first_heading_is_an_introduction() -> None:
    briefing = _parse("""\
        - Arctic shipping
        - Baltic fisheries
        Good afternoon. Let me begin.
        Arctic shipping
        Ice-class tankers sailed the Arctic route.
        Baltic fisheries
        Cod quotas in the Baltic were cut.
        """)
    assert [p.text for p in briefing.intro] == ["Good afternoon. Let me begin."]
    assert [(s.heading_line, s.start_line, s.end_line) for s in briefing.sections] == [(5, 5, 6), (7, 7, 8)]
    assert briefing.diagnostics == ()


def test_questions_no_agenda_item_lists_go_to_other_questions_with_a_diagnostic() -> None:
    briefing = _parse("""\
        - Arctic shipping
        Arctic shipping
        Ice-class tankers sailed the Arctic route.
        Question: What about the weather?
        Maria Zakharova: It is cold.
        """)
    assert [(s.title, s.kind) for s in briefing.sections] == [
        ("Arctic shipping", Kind.STATEMENT), ("Other questions", Kind.QA)
    ]
    assert briefing.sections[1].exchanges[0].anchor == "q1"
    assert [(d.line, d.message) for d in briefing.diagnostics] == [
        (5, "expected an agenda item for this part of the body, got none; it is kept under 'Other questions'")
    ]


def test_an_agenda_item_without_body_gets_a_diagnostic_naming_its_agenda_line() -> None:
    briefing = _parse("""\
        - Arctic shipping
        - Baltic fisheries
        - Caspian sturgeon
        Arctic shipping
        Ice-class tankers sailed the Arctic route.
        Caspian sturgeon
        Sturgeon stocks in the Caspian recovered.
        """)
    baltic = briefing.sections[1]
    assert (baltic.start_line, baltic.end_line, baltic.paragraphs) == (None, None, ())
    assert [(d.line, d.message) for d in briefing.diagnostics] == [
        (3, "expected body text for agenda item 2 'Baltic fisheries', found none")
    ]


def test_without_a_divider_the_kinds_follow_the_first_question() -> None:
    briefing = _parse("""\
        - Arctic shipping
        - Baltic fisheries
        - Caspian sturgeon
        Arctic shipping
        Ice-class tankers sailed the Arctic route.
        Question: Are Baltic fisheries in trouble?
        Maria Zakharova: Baltic cod quotas were cut.
        Question: And Caspian sturgeon?
        Maria Zakharova: Caspian sturgeon stocks recovered.
        """)
    assert [s.kind for s in briefing.sections] == [Kind.STATEMENT, Kind.QA, Kind.QA]
    assert [[e.question.line for e in s.exchanges] for s in briefing.sections] == [[], [7], [9]]
