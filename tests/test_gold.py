"""The parser against the hand annotations of the seeds (``*.gold.yaml``), and the golden outputs.

Every fixture ``tests/fixtures/**/<name>.txt`` is parsed; where ``<name>.gold.yaml`` exists the parse must
reproduce it exactly; ``<name>.json`` and ``<name>.md`` hold the expected contract and page (regenerate them
with ``pytest --update-golden`` and review the diff).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from converter import contract, render
from converter.parse import parse_file

from .conftest import FIXTURES

TRANSCRIPTS = sorted(FIXTURES.rglob("*.txt"))
GOLD = sorted(FIXTURES.rglob("*.gold.yaml"))


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _parsed(path: Path) -> dict[str, Any]:
    transcript = path.with_name(path.name.removesuffix(".gold.yaml") + ".txt")
    return contract.to_json(parse_file(transcript))


@pytest.fixture(params=GOLD, ids=lambda p: p.name.removesuffix(".gold.yaml"))
def gold_pair(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    return _gold(request.param), _parsed(request.param)


def test_seeds_have_gold_annotations() -> None:
    assert len(GOLD) >= 2


@pytest.mark.parametrize(
    "key", ["source", "title", "title_line", "place", "speaker", "speaker_title", "agenda_lines", "qa_divider_line"]
)
def test_metadata_matches_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]], key: str) -> None:
    gold, parsed = gold_pair
    assert parsed[key] == gold[key]


def test_date_matches_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert parsed["date"] == gold["date"].isoformat()


def test_sections_match_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    keys = ("n", "title", "kind", "heading_line", "start_line", "end_line")
    assert [{k: s[k] for k in keys} for s in parsed["sections"]] == [{k: s[k] for k in keys} for s in gold["sections"]]


def test_agenda_matches_gold_sections(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert [(a["n"], a["title"], a["kind"]) for a in parsed["agenda"]] == [
        (s["n"], s["title"], s["kind"]) for s in gold["sections"]
    ]
    first, last = gold["agenda_lines"]
    assert all(first <= a["line"] <= last for a in parsed["agenda"])


def test_questions_match_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert [{k: q[k] for k in ("line", "section", "follow_up")} for q in parsed["questions"]] == gold["questions"]


def test_answers_match_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert [{k: a[k] for k in ("line", "speaker")} for a in parsed["answers"]] == gold["answers"]


def test_boilerplate_matches_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert parsed["boilerplate_lines"] == gold["boilerplate_lines"]


def test_seeds_parse_without_diagnostics(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _gold_data, parsed = gold_pair
    assert parsed["diagnostics"] == []


def test_every_line_is_covered_exactly_once(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Title, agenda, sections and boilerplate cover every non-blank line once (the gold files' own check)."""
    gold, parsed = gold_pair
    transcript = FIXTURES.rglob(gold["source"])
    lines = next(transcript).read_text(encoding="utf-8").split("\n")
    covered: dict[int, int] = {}
    spans = [(parsed["title_line"], parsed["title_line"]), tuple(parsed["agenda_lines"])]
    spans += [(s["start_line"], s["end_line"]) for s in parsed["sections"]]
    spans += [(n, n) for n in parsed["boilerplate_lines"]]
    for first, last in spans:
        for number in range(first, last + 1):
            if lines[number - 1].strip():
                covered[number] = covered.get(number, 0) + 1
    non_blank = {n for n, text in enumerate(lines, 1) if text.strip()}
    assert set(covered) == non_blank
    assert {n for n, count in covered.items() if count > 1} == set()


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda p: p.stem)
def test_golden_outputs(transcript: Path, update_golden: bool) -> None:
    briefing = parse_file(transcript)
    outputs = {
        transcript.with_suffix(".json"): json.dumps(contract.to_json(briefing), ensure_ascii=False, indent=2) + "\n",
        transcript.with_suffix(".md"): render.briefing_page(briefing),
    }
    for expected_path, actual in outputs.items():
        if update_golden:
            expected_path.write_text(actual, encoding="utf-8")
        assert expected_path.is_file(), f"missing {expected_path.name}: run pytest --update-golden and review it"
        assert actual == expected_path.read_text(encoding="utf-8"), f"{expected_path.name} differs"
