"""Speakers: one alias table that unifies the names under which transcripts label the same person."""

from __future__ import annotations

import re

# Canonical name -> the spellings seen in titles and answer labels.
SPEAKERS: dict[str, tuple[str, ...]] = {
    "Maria Zakharova": ("Maria Zakharova", "M.Zakharova", "M. Zakharova", "M.V.Zakharova", "Zakharova"),
    "Alexander Lukashevich": (
        "Alexander Lukashevich", "A.K.Lukashevich", "A.K. Lukashevich", "A.Lukashevich", "Lukashevich",
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


def resolve(label: str, briefing_speaker: str | None) -> str | None:
    """The speaker a label names: from the alias table, or the briefing's own speaker by surname."""
    name = canonical(label)
    if name is not None:
        return name
    if briefing_speaker and surname(label).casefold() == surname(briefing_speaker).casefold():
        return briefing_speaker
    return None
