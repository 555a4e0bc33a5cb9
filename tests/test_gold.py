"""The parser against hand annotations (``*.gold.yaml``), and the golden outputs.

Every fixture ``tests/fixtures/**/<name>.txt`` is parsed; where ``<name>.gold.yaml`` exists (the two seeds,
annotated by hand for the project, and one short synthetic transcript per layout variant in
``tests/fixtures/<layout>/``) the parse must reproduce it exactly. Optional gold keys (``layout``,
``language``, ``agenda``, ``intro``, ``occasion``, ``speaker_as_printed``, ``diagnostics``, a question's
``outlet``) are compared where given;
``diagnostics`` defaults to none. ``<name>.json`` and ``<name>.md`` hold the expected contract and page
(regenerate them with ``pytest --update-golden`` and review the diff).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from converter.exports import contract
from converter.pages import briefing as briefing_page
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


def test_seeds_and_layout_variants_have_gold_annotations() -> None:
    assert len(GOLD) >= 12
    assert {p.parent.name for p in GOLD} >= {
        "seeds", "midru", "plain", "repost", "spanish", "truncated",
        "republished", "repeated", "divider", "occasion",  # issue 14
    }


@pytest.mark.parametrize("key", ["layout", "language", "intro", "occasion", "speaker_as_printed"])
def test_optional_metadata_matches_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]], key: str) -> None:
    gold, parsed = gold_pair
    if key not in gold:
        pytest.skip(f"{gold['source']} is not annotated with {key}")
    assert parsed[key] == gold[key]


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


def test_agenda_matches_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """The printed agenda is the sections' titles and kinds, or empty where the gold says there is none."""
    gold, parsed = gold_pair
    expected = gold.get("agenda", [{k: s[k] for k in ("n", "title", "kind")} for s in gold["sections"]])
    assert [{k: a[k] for k in ("n", "title", "kind")} for a in parsed["agenda"]] == expected
    if gold["agenda_lines"]:
        first, last = gold["agenda_lines"]
        assert all(first <= a["line"] <= last for a in parsed["agenda"])


def test_questions_match_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert [{k: q[k] for k in g} for q, g in zip(parsed["questions"], gold["questions"], strict=False)] == gold[
        "questions"
    ]
    assert len(parsed["questions"]) == len(gold["questions"])


def test_answers_match_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert [{k: a[k] for k in ("line", "speaker")} for a in parsed["answers"]] == gold["answers"]


def test_boilerplate_matches_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert parsed["boilerplate_lines"] == gold["boilerplate_lines"]


def test_diagnostics_match_gold(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    gold, parsed = gold_pair
    assert parsed["diagnostics"] == gold.get("diagnostics", [])


def test_every_line_is_covered_exactly_once(gold_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Title, agenda, intro, sections and boilerplate cover every non-blank line once (the gold files' check)."""
    gold, parsed = gold_pair
    transcript = FIXTURES.rglob(gold["source"])
    lines = next(transcript).read_text(encoding="utf-8").split("\n")
    covered: dict[int, int] = {}
    spans = [(parsed["title_line"], parsed["title_line"])]
    if parsed["agenda_lines"]:
        spans.append(tuple(parsed["agenda_lines"]))
    if parsed["intro"]:
        spans.append((parsed["intro"]["start_line"], parsed["intro"]["end_line"]))
    spans += [(s["start_line"], s["end_line"]) for s in parsed["sections"] if s["start_line"] is not None]
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
        transcript.with_suffix(".md"): briefing_page.briefing_page(briefing),
    }
    for expected_path, actual in outputs.items():
        if update_golden:
            expected_path.write_text(actual, encoding="utf-8")
        assert expected_path.is_file(), f"missing {expected_path.name}: run pytest --update-golden and review it"
        assert actual == expected_path.read_text(encoding="utf-8"), f"{expected_path.name} differs"
