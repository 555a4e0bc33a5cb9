"""The body of a transcript (converter.parse.assemble), through parse_text: headings, placement of headless
items, Q&A grouping, separators and speaker labels. Each test asserts the result and the diagnostics."""

from __future__ import annotations

from textwrap import dedent

from converter.model import Briefing, Kind
from converter.parse import parse_text

TITLE = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n"


def _parse(body: str) -> Briefing:
    return parse_text(TITLE + dedent(body), "t.txt")


def _spans(briefing: Briefing) -> list[tuple[int | None, int | None, int | None]]:
    return [(s.heading_line, s.start_line, s.end_line) for s in briefing.sections]


def _questions(briefing: Briefing) -> list[tuple[int, int, bool]]:
    """(question line, section n, follow_up) for every exchange."""
    return [(e.question.line, s.n, e.follow_up) for s in briefing.sections for e in s.exchanges]


def test_headings_match_the_toc_despite_nbsp_and_apostrophes() -> None:
    briefing = _parse("""\
        - Russia’s role in the UN Security Council
        - The General Meeting of the Commission for UNESCO
        Russia's role in\u00a0the UN Security Council\u00a0
        Russia is a permanent member of the Security Council.
        \u00a0The General Meeting of the Commission for UNESCO
        The Commission meets on January 28.
        """)
    assert _spans(briefing) == [(4, 4, 5), (6, 6, 7)]
    assert [s.title for s in briefing.sections] == [
        "Russia’s role in the UN Security Council", "The General Meeting of the Commission for UNESCO",
    ]
    assert briefing.diagnostics == ()


def test_headless_item_between_two_headed_items_is_placed_by_content() -> None:
    briefing = _parse("""\
        - Foreign Minister Sergey Lavrov’s meeting with SCO Secretary-General
        - Opening Russia’s Embassy to South Sudan
        - NATO Military Committee session
        Foreign Minister Sergey Lavrov’s meeting with SCO Secretary-General
        Today Foreign Minister Sergey Lavrov receives the SCO Secretary-General in Moscow.
        They will discuss the organisation's work.
        Russia is opening its embassy in South Sudan, in Juba, this month.
        The embassy to South Sudan will strengthen our ties with Africa.
        NATO Military Committee session
        The NATO Military Committee met in Brussels.
        """)
    assert _spans(briefing) == [(5, 5, 7), (None, 8, 9), (10, 10, 11)]
    assert [p.text for p in briefing.sections[1].paragraphs] == [
        "Russia is opening its embassy in South Sudan, in Juba, this month.",
        "The embassy to South Sudan will strengthen our ties with Africa.",
    ]
    assert briefing.diagnostics == ()


def test_headless_qa_topics_get_questions_by_content_in_agenda_order() -> None:
    briefing = _parse("""\
        - NATO Military Committee session
        - Japanese centres in Russia
        - European sanctions against Russia
        NATO Military Committee session
        The NATO Military Committee met in Brussels.
        Question: What will happen to the Japanese centres now that the memorandums are void?
        Maria Zakharova: The Japanese centres will operate under Russian law.
        Question: The EU is extending its sanctions against Russia. What is your comment?
        Maria Zakharova: The European sanctions have failed.
        """)
    assert [s.kind for s in briefing.sections] == [Kind.STATEMENT, Kind.QA, Kind.QA]
    assert _questions(briefing) == [(7, 2, False), (9, 3, False)]
    assert _spans(briefing) == [(5, 5, 6), (None, 7, 8), (None, 9, 10)]
    assert briefing.diagnostics == ()


def test_question_naming_the_same_topic_is_a_follow_up() -> None:
    briefing = _parse("""\
        - Japanese centres in Russia
        - European sanctions against Russia
        Question: What will happen to the Japanese centres now that the memorandums are void?
        Maria Zakharova: The Japanese centres will operate under Russian law.
        Question: Does this mean that the Japanese centres will not close?
        Maria Zakharova: It is not for the Foreign Ministry to decide.
        Question: The EU is extending its sanctions against Russia. What is your comment?
        Maria Zakharova: The European sanctions have failed.
        """)
    assert _questions(briefing) == [(4, 1, False), (6, 1, True), (8, 2, False)]
    assert briefing.diagnostics == ()


def test_question_that_names_no_new_topic_stays_with_the_previous_one() -> None:
    # Seed 000, line 212: 'Is there any hope ... after those three hours?' follows the Armenia question.
    briefing = _parse("""\
        - NATO Military Committee session
        - Armenian leaders’ foreign policy decisions
        - The US’s activities in the South Caucasus
        NATO Military Committee session
        The NATO Military Committee met in Brussels.
        Question: Armenian Parliament Speaker Alen Simonyan said that Yerevan has no plans to withdraw from the EAEU. How do you assess the foreign policy decisions of the Armenian leaders?
        Maria Zakharova: The Russian and Armenian foreign ministers discussed these matters in Moscow.
        Question: Is there any hope for a positive solution to the issue after those three hours?
        Maria Zakharova: You should never lose hope.
        Question: Under Joe Biden, the United States intensified its activities in the South Caucasus. What do you expect now?
        Maria Zakharova: External interference in the South Caucasus has not helped anyone.
        """)  # noqa: E501
    assert _questions(briefing) == [(7, 2, False), (9, 2, True), (11, 3, False)]
    assert briefing.diagnostics == ()


def test_back_to_top_separators_bound_items_and_are_boilerplate() -> None:
    briefing = _parse("""\

        Table of contents

          1. Meeting with the Foreign Minister of Sweden
          2. E-visas
          3. Sri Lanka Independence Day

        Meeting with the Foreign Minister of Sweden

        On February 2, Sergey Lavrov will hold talks with the Foreign Minister of Sweden.

        Back to top

        Pursuant to the Federal Law, a system for issuing e-visas has been set up.

        The issuance of electronic visas was suspended in March.

        Back to top

        Sri Lanka Independence Day

        On February 4, Sri Lanka marks Independence Day.

        Back to top

        Additional materials
        """)
    assert briefing.layout == "midru"
    assert _spans(briefing) == [(9, 9, 11), (None, 15, 17), (21, 21, 23)]
    assert briefing.boilerplate_lines == (3, 13, 19, 25, 27)
    assert briefing.diagnostics == ()


def test_early_colon_in_a_statement_is_not_a_speaker_label() -> None:
    briefing = _parse("""\
        - Preparations for the 80th anniversary of the liberation of Auschwitz
        Preparations for the 80th anniversary of the liberation of Auschwitz
        On January 27, we will mark 80 years since the liberation of Auschwitz.
        I have a far from rhetorical question: What will they celebrate then?
        """)
    (section,) = briefing.sections
    assert [p.text for p in section.paragraphs] == [
        "On January 27, we will mark 80 years since the liberation of Auschwitz.",
        "I have a far from rhetorical question: What will they celebrate then?",
    ]
    assert section.exchanges == ()
    assert briefing.diagnostics == ()


def test_early_colon_in_an_answer_continues_the_answer() -> None:
    briefing = _parse("""\
        - The upcoming Antalya Diplomacy Forum
        Question: Will Sergey Lavrov attend the Antalya Diplomacy Forum?
        Maria Zakharova: We will announce the delegation to the Antalya forum later.
        To answer your previous questions: we have nothing to add.
        """)
    (exchange,) = briefing.exchanges
    (answer,) = exchange.answers
    assert [p.text for p in answer.paragraphs] == [
        "We will announce the delegation to the Antalya forum later.",
        "To answer your previous questions: we have nothing to add.",
    ]
    assert briefing.diagnostics == ()


def test_question_label_followed_by_nbsp_is_a_question() -> None:
    briefing = _parse("""\
        - US Embassy’s incitement to participate in illegal protests
        Question:\u00a0I would like to ask you about the US Embassy and the protests.
        Maria Zakharova:\u00a0This is an assessment of my post.
        """)
    (exchange,) = briefing.exchanges
    assert (exchange.question.line, [p.text for p in exchange.question.paragraphs]) == (
        3, ["I would like to ask you about the US Embassy and the protests."],
    )
    assert [(a.line, a.speaker, a.paragraphs[0].text) for a in exchange.answers] == [
        (4, "Maria Zakharova", "This is an assessment of my post."),
    ]
    assert briefing.diagnostics == ()


def test_answer_labels_by_initials_and_surname_resolve_to_the_speaker() -> None:
    briefing = _parse("""\
        - Japanese centres in Russia
        Question: What will happen to the Japanese centres?
        M.Zakharova: They will operate under Russian law.
        Question: Will the Japanese centres close?
        Zakharova: The Japanese centres may stay open.
        """)
    assert [(a.label, a.speaker) for e in briefing.exchanges for a in e.answers] == [
        ("M.Zakharova", "Maria Zakharova"), ("Zakharova", "Maria Zakharova"),
    ]
    assert briefing.diagnostics == ()


def test_multi_paragraph_question_keeps_its_paragraphs_before_the_answer() -> None:
    briefing = _parse("""\
        - Japanese centres in Russia
        Question: Russia withdrew from the memorandums on the Japanese centres.
        There are six Japanese centres in Russia. What will happen to them?
        Maria Zakharova: They will operate under Russian law.
        """)
    (exchange,) = briefing.exchanges
    assert [p.line for p in exchange.question.paragraphs] == [3, 4]
    assert [a.line for a in exchange.answers] == [5]
    assert briefing.diagnostics == ()


def test_qa_topic_with_no_question_yields_a_diagnostic_naming_its_line() -> None:
    briefing = _parse("""\
        Table of contents
        1. NATO Military Committee session
        Answers to media questions:
        1. Japanese centres in Russia
        2. European sanctions against Russia
        NATO Military Committee session
        The NATO Military Committee met in Brussels.
        Answers to media questions:
        Question: What will happen to the Japanese centres in Russia?
        Maria Zakharova: The Japanese centres will operate under Russian law.
        """)
    assert briefing.qa_divider_line == 9
    assert _questions(briefing) == [(10, 2, False)]
    assert _spans(briefing)[2] == (None, None, None)
    assert [(d.line, d.message) for d in briefing.diagnostics] == [
        (6, "expected body text for agenda item 3 'European sanctions against Russia', found none"),
    ]


def test_last_item_missing_from_a_truncated_body_yields_a_diagnostic() -> None:
    briefing = _parse("""\
        - NATO Military Committee session
        - Violations of the Serbs’ rights in Kosovo
        - The 75th anniversary of diplomatic relations with Vietnam
        NATO Military Committee session
        The NATO Military Committee met in Brussels.
        Violations of the Serbs’ rights in Kosovo
        The Serbs in Kosovo are under pressure.
        """)
    assert _spans(briefing) == [(5, 5, 6), (7, 7, 8), (None, None, None)]
    assert [(d.line, d.message) for d in briefing.diagnostics] == [
        (4, "expected body text for agenda item 3 'The 75th anniversary of diplomatic relations with Vietnam', "
         "found none"),
    ]


def test_a_capitalised_phrase_before_a_colon_is_not_a_speaker() -> None:
    briefing = _parse("""\
        - Polish media
        Question: What do Polish media write?
        Maria Zakharova: Read them yourself.
        In Poland Today: nothing changed.
        Jan Kowalski: I disagree.
        """)
    answers = briefing.sections[0].exchanges[0].answers
    assert [(a.label, a.speaker, a.line) for a in answers] == [
        ("Maria Zakharova", "Maria Zakharova", 4), ("Jan Kowalski", "Jan Kowalski", 6)
    ]
    assert [p.text for p in answers[0].paragraphs] == ["Read them yourself.", "In Poland Today: nothing changed."]
