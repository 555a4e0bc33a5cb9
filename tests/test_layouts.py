"""Layout variants seen in the archive (issue 7): titles, stamps, TOC wordings, labels, by rule.

The full parses of one fixture per variant are in tests/fixtures/<layout>/*.gold.yaml (tests/test_gold.py);
these cases cover the wordings one by one.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from converter.build import verify
from converter.model import Kind
from converter.pages import briefing as briefing_page
from converter.parse import parse_text
from converter.parse.front import read_title

TITLES = [
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025",
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", "Moscow", dt.date(2025, 1, 23), "en"),
    ),
    (
        "Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, April 12, 2017",
        ("Maria Zakharova", "Foreign Ministry Spokesperson", "Moscow", dt.date(2017, 4, 12), "en"),
    ),
    (
        "Briefing by Foreign Ministry Official Spokesperson Maria Zakharova, Moscow, March 3, 2016",
        ("Maria Zakharova", "Foreign Ministry Official Spokesperson", "Moscow", dt.date(2016, 3, 3), "en"),
    ),
    (
        "Briefing of the official representative of the Russian Foreign Ministry Alexander Lukashevich, 15 March 2012",
        ("Alexander Lukashevich", "official representative of the Russian Foreign Ministry", None,
         dt.date(2012, 3, 15), "en"),
    ),
    (
        "Briefing of the Spokesman of MFA of Russia A.K.Lukashevich, 11 October 2012",
        ("Alexander Lukashevich", "Spokesman of MFA of Russia", None, dt.date(2012, 10, 11), "en"),
    ),
    (
        "Briefing by Deputy Foreign Ministry Spokesman Andrei Kozhin, Moscow, August 2, 2018",
        ("Andrei Kozhin", "Deputy Foreign Ministry Spokesman", "Moscow", dt.date(2018, 8, 2), "en"),
    ),
    (
        "Briefing by Deputy Director of the Foreign Ministry Information and Press Department Artyom Kozhin, "
        "Moscow, March 3, 2016",
        ("Artyom Kozhin", "Deputy Director of the Foreign Ministry Information and Press Department", "Moscow",
         dt.date(2016, 3, 3), "en"),
    ),
    (
        "Excerpts from the briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, May 13, 2021",
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", "Moscow", dt.date(2021, 5, 13), "en"),
    ),
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Artek, Crimea, August 10, 2017",
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", "Artek, Crimea", dt.date(2017, 8, 10), "en"),
    ),
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, St Petersburg, on the sidelines of the "
        "St Petersburg International Economic Forum, June 15, 2023",
        # The occasion is no part of the place (issue 14, family 4): see TITLES_WITH_OCCASIONS.
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", "St Petersburg", dt.date(2023, 6, 15), "en"),
    ),
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow,May 13, 2021",
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", "Moscow", dt.date(2021, 5, 13), "en"),
    ),
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, February 3, 2017",
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", None, dt.date(2017, 2, 3), "en"),
    ),
    (
        "Rueda informativa ofrecida por la portavoz del Ministerio de Asuntos Exteriores de Rusia, María Zajárova, "
        "Moscú, 1 de marzo de 2017",
        ("Maria Zakharova", "portavoz del Ministerio de Asuntos Exteriores de Rusia", "Moscú", dt.date(2017, 3, 1),
         "es"),
    ),
    (
        "Briefing del Representante Oficial del Ministerio de Asuntos Exteriores de Rusia, Alexander Lukashevich, "
        "15 de marzo de 2012",
        ("Alexander Lukashevich", "Representante Oficial del Ministerio de Asuntos Exteriores de Rusia", None,
         dt.date(2012, 3, 15), "es"),
    ),
    (
        "Foreign Ministry Spokeswoman Maria Zakharova’s answer to a media question about the grain deal, "
        "March 3, 2023",
        ("Maria Zakharova", "Foreign Ministry Spokeswoman", None, dt.date(2023, 3, 3), "en"),
    ),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t[:60] for t, _ in TITLES])
def test_title_wordings(title: str, expected: tuple[object, ...]) -> None:
    info = read_title(title)
    assert (info.speaker, info.speaker_title, info.place, info.date, info.language) == expected


# Issue 14, families 3 and 4: (speaker, as printed, speaker title, place, occasion).
TITLES_WITH_OCCASIONS = [
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova on the sidelines of the St Petersburg "
        "International Economic Forum, St Petersburg, June 6, 2024",
        ("Maria Zakharova", "Maria Zakharova", "Foreign Ministry Spokeswoman", "St Petersburg",
         "on the sidelines of the St Petersburg International Economic Forum"),
    ),
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova at the Russia - Islamic World: KazanForum, "
        "Kazan, May 15, 2025",
        ("Maria Zakharova", "Maria Zakharova", "Foreign Ministry Spokeswoman", "Kazan",
         "at the Russia - Islamic World: KazanForum"),
    ),
    (
        "Briefing by Deputy Foreign Ministry Spokesman Ivan Petrov during the Eastern Economic Forum, Vladivostok, "
        "September 5, 2024",
        ("Ivan Petrov", "Ivan Petrov", "Deputy Foreign Ministry Spokesman", "Vladivostok",
         "during the Eastern Economic Forum"),
    ),
    (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, St Petersburg, on the sidelines of the "
        "St Petersburg International Economic Forum, June 15, 2023",
        ("Maria Zakharova", "Maria Zakharova", "Foreign Ministry Spokeswoman", "St Petersburg",
         "on the sidelines of the St Petersburg International Economic Forum"),
    ),
    (
        "Briefing by Director of the Information and Press Department at the Foreign Ministry Maria Zakharova, "
        "Moscow, May 5, 2016",
        ("Maria Zakharova", "Maria Zakharova", "Director of the Information and Press Department at the Foreign "
         "Ministry", "Moscow", None),
    ),
    (
        "Rueda de prensa de la portavoz del Ministerio de Asuntos Exteriores de Rusia, María Zajárova, en el marco "
        "del Foro Económico Oriental, Vladivostok, 5 de septiembre de 2024",
        ("Maria Zakharova", "María Zajárova", "portavoz del Ministerio de Asuntos Exteriores de Rusia",
         "Vladivostok", "en el marco del Foro Económico Oriental"),
    ),
    (
        "Rueda de prensa ofrecida por la portavoz del Ministerio de Asuntos Exteriores de Rusia, María Zajárova, "
        "en Moscú, el 14 de marzo de 2019",
        ("Maria Zakharova", "María Zajárova", "portavoz del Ministerio de Asuntos Exteriores de Rusia", "Moscú",
         None),
    ),
    (
        "Rueda de prensa de la portavoz de la Cancillería rusa María Zajárova, Moscú, 14 de marzo de 2019",
        ("Maria Zakharova", "María Zajárova", "portavoz de la Cancillería rusa", "Moscú", None),
    ),
    (
        "Rueda de prensa del portavoz del Ministerio de Asuntos Exteriores de Rusia, A.K.Lukashevich, Moscú, "
        "12 de abril de 2012",
        ("Alexander Lukashevich", "A.K.Lukashevich", "portavoz del Ministerio de Asuntos Exteriores de Rusia",
         "Moscú", None),
    ),
]


@pytest.mark.parametrize(("title", "expected"), TITLES_WITH_OCCASIONS, ids=[t[:60] for t, _ in TITLES_WITH_OCCASIONS])
def test_title_occasions_places_and_printed_names(title: str, expected: tuple[object, ...]) -> None:
    info = read_title(title)
    assert (info.speaker, info.speaker_as_printed, info.speaker_title, info.place, info.occasion) == expected


def test_the_page_shows_the_name_as_printed_and_the_occasion() -> None:
    text = (
        "Rueda de prensa de la portavoz del Ministerio de Asuntos Exteriores de Rusia, María Zajárova, en el marco "
        "del Foro Económico Oriental, Vladivostok, 5 de septiembre de 2024\n- Sobre el Ártico\nSobre el Ártico\n"
        "Hielo.\n"
    )
    briefing = parse_text(text, "t.txt")
    page = briefing_page.briefing_page(briefing)
    assert "**Speaker:** [María Zajárova](../../speakers/maria-zakharova.md)" in page
    assert "**Occasion:** En el marco del Foro Económico Oriental" in page
    assert verify.lost_words(text, briefing, page) is None


def _kinds(toc: str, body: str) -> list[tuple[str, Kind]]:
    text = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n"
    briefing = parse_text(text + textwrap.dedent(toc) + textwrap.dedent(body), "t.txt")
    return [(item.title, item.kind) for item in briefing.agenda]


BODY = """\

    Arctic shipping

    Ice-class tankers sailed the Arctic route.

    Question: What about Baltic fisheries?

    Maria Zakharova: Baltic cod quotas were cut.
    """
EXPECTED = [("Arctic shipping", Kind.STATEMENT), ("Baltic fisheries", Kind.QA)]


@pytest.mark.parametrize(
    "divider",
    [
        "Answers to media questions:",
        "Answers to media questions",
        "Excerpts from answers to questions:",
        "From answers to media questions:",
        "From the answers to the questions:",
    ],
)
def test_every_divider_wording_splits_statements_from_qa(divider: str) -> None:
    toc = f"Table of contents\n\n1. Arctic shipping\n\n{divider}\n\n1. Baltic fisheries\n"
    assert _kinds(toc, BODY) == EXPECTED


@pytest.mark.parametrize(
    "toc",
    [
        "Table of Contents\n1. Arctic shipping\n2. Answers to media questions:\n3. Baltic fisheries\n",
        "Table of contents:\n  1. Arctic shipping\n\n  Answers to media questions:\n\n  1. Baltic fisheries\n",
        "1.       Arctic shipping\n7. Answers to media questions:\n10.  Baltic fisheries\n",
        "- Arctic shipping\nAnswers to media questions\n- Baltic fisheries\n",
        "Table of contents\n\nArctic shipping\n\nAnswers to media questions\n\nBaltic fisheries\n",
        "1. Arctic shipping\nAnswers to media questions:\nBaltic fisheries\n",
    ],
    ids=["numbered-divider", "indented-restart", "gaps-and-spacing", "bullets-bare", "unmarked", "unmarked-topics"],
)
def test_toc_forms(toc: str) -> None:
    assert _kinds(toc, BODY) == EXPECTED


def test_toc_without_divider_infers_the_split_from_the_body() -> None:
    assert _kinds("- Arctic shipping\n- Baltic fisheries\n", BODY) == EXPECTED


@pytest.mark.parametrize(
    ("question", "answer", "outlet", "speaker"),
    [
        ("Question:", "Maria Zakharova:", None, "Maria Zakharova"),
        ("Question (RIA Novosti):", "M.Zakharova:", "RIA Novosti", "Maria Zakharova"),
        ("Question (follow-up):", "Maria Zakharova:", None, "Maria Zakharova"),
        ("❓ Question:", "💬 Maria Zakharova:", None, "Maria Zakharova"),
        ("Question:", "Alexander Lukashevich:", None, "Alexander Lukashevich"),
        ("Question:", "A.K.Lukashevich:", None, "Alexander Lukashevich"),
    ],
)
def test_question_and_answer_labels(question: str, answer: str, outlet: str | None, speaker: str) -> None:
    text = (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n- Baltic fisheries\n"
        f"{question} What about Baltic fisheries?\n{answer} Baltic cod quotas were cut.\n"
    )
    exchange = parse_text(text, "t.txt").exchanges[0]
    assert (exchange.question.outlet, exchange.answers[0].speaker) == (outlet, speaker)
    assert exchange.question.paragraphs[0].text == "What about Baltic fisheries?"
    assert exchange.answers[0].paragraphs[0].text == "Baltic cod quotas were cut."


def test_a_title_without_date_takes_the_stamp_date_and_says_so() -> None:
    text = "12 April 201716:05\nBriefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow\n"
    text += "- Arctic\nArctic\nIce.\n"
    briefing = parse_text(text, "t.txt")
    assert briefing.date == dt.date(2017, 4, 12)
    assert [(d.line, d.message) for d in briefing.diagnostics] == [
        (2, "expected a date in the title, got none; took 2017-04-12 from line 1")
    ]


def test_a_repost_publication_stamp_is_not_the_briefing_date() -> None:
    text = "1 September 2022 19:40\nBriefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, August 31, 2022\n"
    briefing = parse_text(text + "- Arctic\nArctic\nIce.\n", "t.txt")
    assert briefing.date == dt.date(2022, 8, 31)
    assert briefing.boilerplate_lines == (1,)


def test_a_repeated_agenda_title_keeps_the_agenda_going_and_gets_its_own_anchor() -> None:
    # Issue 14, family 2: a statement and two Q&A topics named alike.
    text = textwrap.dedent("""\
        Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025
        1. Arctic shipping
        Answers to media questions:
        1. Arctic shipping
        2. Baltic fisheries
        3. Arctic shipping
        Arctic shipping
        Ice-class tankers sailed the Arctic route.
        Question: How many tankers sailed the Arctic route?
        Maria Zakharova: Forty tankers sailed the Arctic route.
        Question: What about Baltic fisheries?
        Maria Zakharova: Baltic cod quotas were cut.
        Question: Back to the Arctic: will the shipping route stay open in winter?
        Maria Zakharova: Icebreakers keep the Arctic route open.
        """)
    briefing = parse_text(text, "t.txt")
    assert [(s.title, s.kind, s.anchor) for s in briefing.sections] == [
        ("Arctic shipping", Kind.STATEMENT, "arctic-shipping"),
        ("Arctic shipping", Kind.QA, "arctic-shipping-2"),
        ("Baltic fisheries", Kind.QA, "baltic-fisheries"),
        ("Arctic shipping", Kind.QA, "arctic-shipping-3"),
    ]
    assert [len(s.exchanges) for s in briefing.sections] == [0, 1, 1, 1]
    assert briefing.intro == ()


@pytest.mark.parametrize("marker", ["3. ", "9. ", "- ", ""])
@pytest.mark.parametrize("divider", ["Excerpts from answers to media questions:", "From answers to questions:"])
def test_a_numbered_divider_is_the_divider_and_the_page_prints_its_words(marker: str, divider: str) -> None:
    # Issue 14, family 5: older mid.ru agendas number the divider as an item, then number the topics from 1.
    toc = f"1. Arctic shipping\n2. Black Sea grain\n{marker}{divider}\n1. Baltic fisheries\n"
    text = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n" + toc
    text += textwrap.dedent(BODY)
    briefing = parse_text(text, "t.txt")
    assert [(item.n, item.title, item.kind) for item in briefing.agenda] == [
        (1, "Arctic shipping", Kind.STATEMENT), (2, "Black Sea grain", Kind.STATEMENT),
        (3, "Baltic fisheries", Kind.QA),
    ]
    page = briefing_page.briefing_page(briefing)
    assert f"## {divider.rstrip(':')} {{ #answers-to-media-questions }}" in page
    assert verify.lost_words(text, briefing, page) is None


@pytest.mark.parametrize(
    "fragment",
    [
        "and the talks went on in Geneva, as was agreed by the",
        "The talks went on in Geneva, as was agreed by the",
        "…ment of the Syrian settlement",
    ],
)
def test_a_cut_off_fragment_is_neither_a_toc_entry_nor_a_heading(fragment: str) -> None:
    # Issue 14, family 6: a copy cut mid-section puts a paragraph's broken end before the first heading.
    title = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025\n"
    with_toc = parse_text(title + f"Table of contents\nArctic shipping\n{fragment}\nArctic shipping\nIce.\n", "t.txt")
    assert [item.title for item in with_toc.agenda] == ["Arctic shipping"]
    assert [p.text for p in with_toc.intro] == [fragment]
    assert with_toc.sections[0].heading_line == 5
    body = f"Arctic shipping\nIce-class tankers.\n{fragment}\nBaltic fisheries\nCod.\n"
    without_toc = parse_text(title + body, "t.txt")
    assert [s.title for s in without_toc.sections] == ["Arctic shipping", "Baltic fisheries"]
