"""How far each alignment constant can move before the seeds' gold annotations stop being reproduced.

Run: ``.venv/bin/python bench/sensitivity.py``. Results are written down in docs/dev/architecture.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

import converter.parse.align as assemble
from converter.exports.contract import to_json
from converter.parse import parse_file

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
GRID: dict[str, list[float]] = {
    "_COHESION_COST": [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5],
    "_QUESTION_WEIGHT": [0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "_EMPTY_ITEM_COST": [0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 1, 5],
    "_MID_BLOCK_START_COST": [0, 0.25, 0.5, 1, 2],
    "_BLIND_START_COST": [0, 0.25, 0.5, 1, 2, 5],
}
_KEYS = ("n", "title", "kind", "heading_line", "start_line", "end_line")


def reproduces_gold() -> bool:
    for gold_path in sorted(SEEDS.glob("*.gold.yaml")):
        gold: dict[str, Any] = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        parsed = to_json(parse_file(SEEDS / gold["source"]))
        sections = [{k: s[k] for k in _KEYS} for s in parsed["sections"]]
        if sections != [{k: s[k] for k in _KEYS} for s in gold["sections"]]:
            return False
        if [{k: q[k] for k in ("line", "section", "follow_up")} for q in parsed["questions"]] != gold["questions"]:
            return False
    return True


def main() -> None:
    for name, values in GRID.items():
        original = getattr(assemble, name)
        holds = []
        for value in values:
            setattr(assemble, name, value)
            holds.append(f"{value}:{'ok' if reproduces_gold() else 'FAIL'}")
        setattr(assemble, name, original)
        print(f"{name} (now {original}): {' '.join(holds)}")


if __name__ == "__main__":
    main()
