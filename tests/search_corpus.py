"""Small briefings, as the model, for the search tests (Python's tests/test_search.py and search.js's tests/js/)."""

from __future__ import annotations

import datetime as dt

from converter import links
from converter.model import Briefing, Exchange, Kind, Paragraph, Role, Section, Turn


def _paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text, 1) for text in texts)


def statement(anchor: str, title: str, *texts: str) -> Section:
    return Section(0, title, Kind.STATEMENT, anchor, _paragraphs(*texts), (), 1, 1, 1)


def exchange(anchor: str, question: str, *answers: str) -> Exchange:
    return Exchange(
        anchor, Turn(Role.QUESTION, "Question", _paragraphs(question)),
        tuple(Turn(Role.ANSWER, "Maria Zakharova", _paragraphs(text)) for text in answers), False,
    )


def topic(anchor: str, title: str, *exchanges: Exchange, texts: tuple[str, ...] = ()) -> Section:
    return Section(0, title, Kind.QA, anchor, _paragraphs(*texts), exchanges, 1, 1, 1)


def briefing(date: str, *sections: Section, speaker: str = "Maria Zakharova", source: str = "",
             language: str = "en", intro: tuple[str, ...] = ()) -> Briefing:
    return Briefing(
        source=source or f"{date}.txt", layout="plain", title=f"Briefing by {speaker}",
        date=dt.date.fromisoformat(date), place="Moscow", speaker=speaker, speaker_title=None, language=language,
        agenda=(), intro=_paragraphs(*intro),
        sections=sections, title_line=1, agenda_lines=None, qa_divider_line=None, boilerplate_lines=(),
    )


# Documents, by id (date order): 0 ministry; 1 sanctions, 2 relations-with-washington, 3 q1; 4 introduction,
# 5 talks; 6 greenland, 7 q1 (the second briefing of 2025-01-23, so its page is 2025-01-23-2).
BRIEFINGS = (
    briefing("2021-05-01",
             statement("sanctions", "New sanctions", "The United States imposed sanctions on Russia."),
             topic("relations-with-washington", "Relations with Washington",
                   exchange("q1", "What about United States policy?", "It is sanctioned."))),
    briefing("2015-03-02",
             statement("ministry", "Ministry news", "The Ministry of Foreign Affairs of Russia reported.")),
    briefing("2025-01-23", statement("talks", "Talks in Minsk"), intro=("Good afternoon.",), source="a.txt"),
    briefing("2025-01-23",
             topic("greenland", "Greenland",
                   exchange("q1", "And Denmark?", "One of the most important issues is Greenland.")),
             speaker="Alexander Lukashevich", source="b.txt"),
)


def pages(*briefings: Briefing) -> list[links.Page]:
    return links.collect(list(briefings))
