"""Topics: recurring agenda items, countries, organisations; the rules that keep their number sane."""

from __future__ import annotations

import pytest

from converter import topics

from .transcripts import briefing, pages


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ukrainian crisis update", "Update on the Ukrainian crisis"),
        ("Russia’s stance on the Ukrainian settlement", "Russia's stance on Ukrainian settlement"),
        ("NATO buildup in the Baltic Sea", "NATO build-up in the Baltic Sea"),
    ],
)
def test_agenda_titles_that_say_the_same_thing_get_one_key(one: str, other: str) -> None:
    assert topics.agenda_key(one) == topics.agenda_key(other)


def test_agenda_titles_about_different_things_get_different_keys() -> None:
    assert topics.agenda_key("The 75th anniversary of relations with Vietnam") != topics.agenda_key(
        "The 80th anniversary of relations with Vietnam"
    )
    assert topics.agenda_key("Ukrainian crisis update") != topics.agenda_key("Ukrainian crisis")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The US’s withdrawal from the Paris Agreement and the WHO", ["United States", "World Health Organization"]),
        ("Who said so, and who will check it?", []),
        ("Opening Russia’s Embassy to South Sudan and to Niger", ["South Sudan", "Niger"]),
        ("Ukrainian crisis update", ["Ukraine"]),
        ("Violations of the Serbs’ rights in Kosovo", ["Serbia", "Kosovo"]),
        ("Latin American partners and the EU", ["European Union"]),
        ("Russia-Armenia talks in the Russian Federation", ["Armenia"]),
        ("Outlook for Azerbaijan’s BRICS membership", ["Azerbaijan", "BRICS"]),
        ("The Holy See and the Vatican’s role", ["Vatican"]),
        ("Relations with the Republic of Korea and the DPRK", ["South Korea", "North Korea"]),
        ("Developments in Congo", ["Congo"]),
        ("UNESCO, the UN and UNGA", ["UNESCO", "United Nations"]),
    ],
)
def test_named_finds_countries_organisations_and_places(text: str, names: list[str]) -> None:
    assert [entity.name for entity in topics.named(text)] == names


def test_the_country_table_comes_from_pycountry() -> None:
    forms, _pattern = topics.entities()
    countries = {entity.slug for entity in forms.values() if entity and entity.group == topics.COUNTRY}
    # ISO 3166 has 249 countries; Russia is left out, and a few share no form of their own.
    assert len(countries) > 240
    assert {"tuvalu", "bhutan", "eswatini", "timor-leste"} <= countries
    assert "russian-federation" not in countries


def test_a_topic_needs_two_mentions_and_a_recurring_item_two_briefings() -> None:
    first = briefing("January 23, 2025", [("Ukrainian crisis update", "Shelling continues.")],
                     [("Japanese centres in Russia", ["Why close the Japanese centres?"]),
                      ("Canada’s status", ["What about Canada?"])], "a.txt")
    second = briefing("February 6, 2025", [("Update on the Ukrainian crisis", "More shelling.")],
                      [("Sweden", ["What about Japan?"])], "b.txt")
    index = topics.build(pages(first, second))
    found = {(t.group, t.name): len(t.mentions) for t in index.topics}
    # Recurring agenda item (two briefings, two wordings); the newest wording tie goes to alphabetical order.
    assert found[(topics.AGENDA, "Ukrainian crisis update")] == 2
    assert found[(topics.COUNTRY, "Japan")] == 3  # a Q&A title, its question, the other briefing's question
    assert found[(topics.COUNTRY, "Ukraine")] == 2  # 'Ukrainian' twice
    assert found[(topics.COUNTRY, "Canada")] == 2
    # Once only: no page. A Q&A topic in one briefing only is no recurring item.
    assert (topics.COUNTRY, "Sweden") not in found
    assert not any(name.startswith("Japanese centres") for _group, name in found)


def test_mentions_are_newest_first_and_items_know_their_topics() -> None:
    older = briefing("January 23, 2025", [("NATO summit", "Text.")], [("NATO", ["And NATO?"])], "a.txt")
    newer = briefing("March 6, 2025", [("NATO plans", "Text.")], [], "b.txt")
    collected = pages(older, newer)
    index = topics.build(collected)
    (nato,) = [t for t in index.topics if t.slug == "nato"]
    assert [(m.page, m.anchor) for m in nato.mentions] == [
        ("briefings/2025/2025-03-06.md", "nato-plans"),
        ("briefings/2025/2025-01-23.md", "nato-summit"),
        ("briefings/2025/2025-01-23.md", "nato"),
        ("briefings/2025/2025-01-23.md", "q1"),
    ]
    assert nato.per_year() == {2025: 4}
    assert [t.slug for t in index.of("briefings/2025/2025-01-23.md", "q1")] == ["nato"]
    assert index.of("briefings/2025/2025-01-23.md", "agenda") == ()


def test_topic_slugs_are_unique() -> None:
    one = briefing("January 23, 2025", [("NATO", "Text.")], [], "a.txt")
    two = briefing("January 30, 2025", [("NATO", "Text.")], [], "b.txt")
    index = topics.build(pages(one, two))
    slugs = [t.slug for t in index.topics]
    assert sorted(slugs) == ["nato", "nato-2"]  # the organisation keeps its slug; the recurring item gets -2
    assert len(set(slugs)) == len(slugs)
