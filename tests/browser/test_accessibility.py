"""Accessibility with axe-core (WCAG 2.1 A and AA rules, and its best practices) in Chromium, on the kinds of
page a reader opens.

axe-core is the npm package pinned in package.json (installed by ``make test``); its script is injected into
each page as it is, and the test fails on any moderate, serious or critical violation, listing each with its
nodes (minor ones are best practice, not WCAG failures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parent.parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, and axe's best practices (unique landmarks among them).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Moderate too since every section's navigation has a name (overrides/partials/nav-item.html).
FAILING_IMPACTS = {"moderate", "serious", "critical"}
PAGES = {
    "home": "",
    "briefing": "briefings/2025/2025-01-23/",
    "topic-index": "topics/",
    "topic": "topics/japan/",
    "speaker": "speakers/maria-zakharova/",
}


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of the WCAG 2.1 A/AA rules on the page as it is now."""
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed at {AXE}; run `make test` (npm ci installs package.json's)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return list(result["violations"])


def serious(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation of a failing impact: the rule, its impact, and the elements it found."""
    lines = []
    for violation in violations:
        if violation["impact"] in FAILING_IMPACTS:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:5]
            summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")
            lines.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
                         f"{targets} {summary[:300]}")
    return lines


@pytest.mark.parametrize("address", PAGES.values(), ids=PAGES.keys())
def test_no_serious_violation(page: Page, address: str) -> None:
    page.goto(address)
    expect(page.locator("article h1")).to_be_visible()
    found = serious(axe_violations(page))
    assert not found, "\n".join(found)


def test_no_serious_violation_in_the_open_search_with_results(page: Page) -> None:
    page.goto("")
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.fill("Greenland")
    expect(page.locator(".md-search-result__item mark").first).to_be_visible()
    found = serious(axe_violations(page))
    assert not found, "\n".join(found)


def test_axe_finds_a_violation_it_is_shown() -> None:
    """The check can fail: a serious or moderate violation on a page is reported with its rule and element."""
    found = serious([{"id": "color-contrast", "impact": "serious",
                      "nodes": [{"target": ["footer p"], "failureSummary": "Fix any of the following:\n low"}]},
                     {"id": "landmark-unique", "impact": "moderate", "nodes": [{"target": ["nav"]}]},
                     {"id": "region", "impact": "minor", "nodes": [{"target": ["div"]}]}])
    assert found == ["color-contrast (serious, 1 nodes): ['footer p'] Fix any of the following:  low",
                     "landmark-unique (moderate, 1 nodes): ['nav'] "]
