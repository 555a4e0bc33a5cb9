"""Properties of the parser (hypothesis): what a copy of a transcript picks up on its way (line endings,
trailing spaces, NBSP, a BOM, extra blank lines) does not change the parsed model.

Briefing equality ignores line numbers by design; where a change keeps every line where it was (line endings,
trailing spaces) the JSON contract, line numbers included, must stay identical too.
"""

from __future__ import annotations

import dataclasses
import random
from functools import cache
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.exports import contract
from converter.model import Briefing
from converter.parse import decode, parse_text
from converter.parse.normalize import clean

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
SYNTHETIC = dedent("""\
    Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025
    Friday, 24 January 2025 11:05
      • en-GB1 ru-RU1

    Table of contents

      1. Russia’s role in the UN Security Council
      2. E-visas
      3. Sri Lanka Independence Day

    Answers to media questions:

      1. Japanese centres in Russia
      2. European sanctions against Russia

    Russia's role in the UN Security Council

    Russia is a permanent member of the Security Council.

    I have a far from rhetorical question: What will they celebrate then?

    Back to top

    Pursuant to the Federal Law, a system for issuing e-visas has been set up.

    Back to top

    Sri Lanka Independence Day

    On February 4, Sri Lanka marks Independence Day.

    Back to top

    Answers to media questions:

    Question (RIA Novosti): What will happen to the Japanese centres now that the memorandums are void?

    Maria Zakharova: The Japanese centres will operate under Russian law.

    Question: Does this mean that the Japanese centres will not close?

    M.Zakharova: It is not for the Foreign Ministry to decide.

    Back to top

    Question: The EU is extending its sanctions against Russia. What is your comment?

    Maria Zakharova: The European sanctions have failed.

    Back to top

    Additional materials""")
TEXTS = ["000_2020ac7f1ecb7824", "002_6419208406f8e03b", "synthetic"]
PROPERTY = settings(max_examples=20, deadline=None)


@cache
def _text(name: str) -> str:
    if name == "synthetic":
        return SYNTHETIC
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def _parse(text: str) -> Briefing:
    return parse_text(text, "t.txt")


@cache
def _baseline(name: str) -> Briefing:
    return _parse(_text(name))


@cache
def _baseline_json(name: str) -> dict[str, Any]:
    return contract.to_json(_baseline(name))


def test_the_texts_parse_cleanly() -> None:
    # The properties compare against these parses; they must be real ones.
    for name in TEXTS:
        briefing = _baseline(name)
        assert briefing.sections and briefing.exchanges
        assert briefing.diagnostics == ()


def test_the_synthetic_text_parses_as_a_reader_splits_it() -> None:
    briefing = _baseline("synthetic")
    assert [(s.heading_line, s.start_line, s.end_line) for s in briefing.sections] == [
        (16, 16, 20), (None, 24, 24), (28, 28, 30), (None, 36, 42), (None, 46, 48),
    ]
    assert [(e.question.line, s.n, e.follow_up) for s in briefing.sections for e in s.exchanges] == [
        (36, 4, False), (40, 4, True), (46, 5, False),
    ]
    assert (briefing.qa_divider_line, briefing.boilerplate_lines) == (34, (2, 3, 5, 22, 26, 32, 34, 44, 50, 52))


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("ending", ["\r\n", "\r"])
@pytest.mark.parametrize("final_newline", [False, True])
def test_line_endings_keep_the_contract_identical(name: str, ending: str, final_newline: bool) -> None:
    text = _text(name).replace("\n", ending) + (ending if final_newline else "")
    assert contract.to_json(_parse(text)) == _baseline_json(name)


@pytest.mark.parametrize("name", TEXTS)
def test_bom_in_the_text_does_not_change_the_model(name: str) -> None:
    assert _parse("\ufeff" + _text(name)) == _baseline(name)


@pytest.mark.parametrize("name", TEXTS)
def test_bom_in_the_file_does_not_change_the_contract(name: str) -> None:
    text = decode(b"\xef\xbb\xbf" + _text(name).encode("utf-8"), "t.txt")
    assert contract.to_json(_parse(text)) == _baseline_json(name)


def _pick(draw_seed: int, share: float, count: int) -> list[bool]:
    rng = random.Random(draw_seed)
    return [rng.random() < share for _ in range(count)]


SHARES = st.floats(min_value=0.05, max_value=1.0)
SEEDS_OF_RANDOM = st.integers(min_value=0, max_value=2**32 - 1)


@pytest.mark.parametrize("name", TEXTS)
@PROPERTY
@given(seed=SEEDS_OF_RANDOM, share=SHARES, padding=st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0"]))
def test_trailing_spaces_keep_the_contract_identical(name: str, seed: int, share: float, padding: str) -> None:
    lines = _text(name).split("\n")
    chosen = _pick(seed, share, len(lines))
    text = "\n".join(line + padding if pick else line for line, pick in zip(lines, chosen, strict=True))
    assert contract.to_json(_parse(text)) == _baseline_json(name)


def _clean_titles(briefing: Briefing) -> Briefing:
    """The model with its verbatim title strings cleaned: NBSP inside them is kept as printed by design."""
    return dataclasses.replace(
        briefing,
        title=clean(briefing.title),
        agenda=tuple(dataclasses.replace(item, title=clean(item.title)) for item in briefing.agenda),
        sections=tuple(dataclasses.replace(section, title=clean(section.title)) for section in briefing.sections),
    )


@pytest.mark.parametrize("name", TEXTS)
@PROPERTY
@given(seed=SEEDS_OF_RANDOM, share=SHARES)
def test_nbsp_replacing_spaces_does_not_change_the_model(name: str, seed: int, share: float) -> None:
    text = _text(name)
    chosen = iter(_pick(seed, share, text.count(" ")))
    changed = "".join("\u00a0" if c == " " and next(chosen) else c for c in text)
    assert _clean_titles(_parse(changed)) == _clean_titles(_baseline(name))


@pytest.mark.parametrize("name", TEXTS)
@PROPERTY
@given(seed=SEEDS_OF_RANDOM, share=st.floats(min_value=0.02, max_value=0.5), extra=st.integers(1, 2))
def test_extra_blank_lines_do_not_change_the_model(name: str, seed: int, share: float, extra: int) -> None:
    lines = _text(name).split("\n")
    chosen = _pick(seed, share, len(lines))
    text = "\n".join(line + "\n" * extra if pick else line for line, pick in zip(lines, chosen, strict=True))
    assert _parse(text) == _baseline(name)
