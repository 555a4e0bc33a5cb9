"""The speaker alias table (converter.speakers): one canonical name per person, however a label spells it."""

from __future__ import annotations

import pytest

from converter.speakers import canonical, resolve, surname


@pytest.mark.parametrize(
    "spelling", ["Maria Zakharova", "M.Zakharova", "M. Zakharova", "M.V.Zakharova", "Zakharova", "maria  zakharova"]
)
def test_canonical_unifies_zakharova(spelling: str) -> None:
    assert canonical(spelling) == "Maria Zakharova"


@pytest.mark.parametrize("spelling", ["A.K.Lukashevich", "A.K. Lukashevich", "Alexander Lukashevich", "Lukashevich"])
def test_canonical_unifies_lukashevich(spelling: str) -> None:
    assert canonical(spelling) == "Alexander Lukashevich"


def test_canonical_reads_nbsp_as_a_space() -> None:
    assert canonical("Maria\u00a0Zakharova") == "Maria Zakharova"


@pytest.mark.parametrize("name", ["Sergey Lavrov", "Question", "", "Maria"])
def test_canonical_is_none_for_names_not_in_the_table(name: str) -> None:
    assert canonical(name) is None


def test_surname_of_initials_and_full_names() -> None:
    assert [surname(n) for n in ("A.K.Lukashevich", "Maria Zakharova", "Zakharova.")] == [
        "Lukashevich", "Zakharova", "Zakharova",
    ]


def test_resolve_uses_the_alias_table() -> None:
    assert resolve("M.Zakharova", None) == "Maria Zakharova"


def test_resolve_falls_back_on_the_briefing_speakers_surname() -> None:
    # Not in the table: the label names the briefing's own speaker by surname or by initial and surname.
    assert resolve("Ivanov", "Alexei Ivanov") == "Alexei Ivanov"
    assert resolve("A.Ivanov", "Alexei Ivanov") == "Alexei Ivanov"


def test_resolve_does_not_take_another_first_name_for_the_briefing_speaker() -> None:
    assert resolve("Pavel Ivanov", "Alexei Ivanov") is None


def test_resolve_keeps_another_known_speaker_in_someone_elses_briefing() -> None:
    assert resolve("Zakharova", "Alexander Lukashevich") == "Maria Zakharova"


def test_resolve_ambiguous_initial_prefers_the_briefing_speaker() -> None:
    # 'A.Kozhin' could be Andrei or Artyom Kozhin; in Artyom Kozhin's briefing it is him.
    assert resolve("A.Kozhin", "Artyom Kozhin") == "Artyom Kozhin"
    assert resolve("A.Kozhin", "Andrei Kozhin") == "Andrei Kozhin"


@pytest.mark.parametrize(("label", "briefing_speaker"), [("John Smith", "Maria Zakharova"), ("Smith", None)])
def test_resolve_unknown_name_is_none(label: str, briefing_speaker: str | None) -> None:
    assert resolve(label, briefing_speaker) is None
