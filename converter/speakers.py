"""Speakers: one alias table that unifies the names under which transcripts label the same person."""

from __future__ import annotations

import re

# Canonical name -> the spellings seen in titles and answer labels.
SPEAKERS: dict[str, tuple[str, ...]] = {
    "Maria Zakharova": (
        "Maria Zakharova", "M.Zakharova", "M. Zakharova", "M.V.Zakharova", "Zakharova",
        "María Zajárova", "Maria Zajarova", "M.Zajárova", "Zajárova",  # Spanish transcripts
    ),
    "Alexander Lukashevich": (
        "Alexander Lukashevich", "A.K.Lukashevich", "A.K. Lukashevich", "A.Lukashevich", "Lukashevich",
        "Alexandr Lukashévich", "Alexander Lukashévich",  # Spanish transcripts
    ),
    "Andrei Kozhin": ("Andrei Kozhin", "Andrey Kozhin", "A.Kozhin"),
    "Artyom Kozhin": ("Artyom Kozhin", "Artem Kozhin"),
    "Alexey Zaitsev": ("Alexey Zaitsev", "Alexei Zaitsev", "A.Zaitsev"),
    "Ivan Nechayev": ("Ivan Nechayev", "I.Nechayev"),
}

_RE_NAME_KEY = re.compile(r"[\s.]+")


def _key(name: str) -> str:
    return _RE_NAME_KEY.sub("", name).casefold()


_ALIASES: dict[str, str] = {_key(alias): name for name, aliases in SPEAKERS.items() for alias in aliases}


def canonical(name: str) -> str | None:
    """The canonical name for a spelling in the alias table, or None."""
    return _ALIASES.get(_key(name))


def surname(name: str) -> str:
    return re.split(r"[\s.]+", name.strip(" ."))[-1]


def _names(label: str, person: str) -> bool:
    """Whether ``label`` can name ``person``: the same surname, and given names or initials that agree."""
    given, person_given = re.split(r"[\s.]+", label.strip(" .")), re.split(r"[\s.]+", person.strip(" ."))
    if given[-1].casefold() != person_given[-1].casefold():
        return False
    for part, full in zip(given[:-1], person_given[:-1], strict=False):
        part, full = part.casefold(), full.casefold()
        if part != full and not (len(part) == 1 and full.startswith(part)):
            return False
    return True


def resolve(label: str, briefing_speaker: str | None) -> str | None:
    """The speaker a label names: the briefing's own speaker where the label fits them, else the alias table.

    The briefing's speaker comes first so that 'A.Kozhin:' in a briefing by Artyom Kozhin is Artyom Kozhin,
    although the table also lists 'A.Kozhin' for Andrei Kozhin.
    """
    if briefing_speaker and _names(label, briefing_speaker):
        return briefing_speaker
    return canonical(label)
