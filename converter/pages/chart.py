"""The topic pages' bar chart of mentions per year, drawn as inline SVG (no script, works offline)."""

from __future__ import annotations

import html
from collections.abc import Mapping

# The chart's geometry, in SVG user units: one bar per year.
_BAR_PITCH, _BAR_WIDTH, _BAR_HEIGHT, _TOP, _BOTTOM = 36, 26, 90, 16, 18


def chart(per_year: Mapping[int, int], first: int, last: int, name: str = "") -> str:
    """An inline SVG bar chart of mentions per year, ``first`` to ``last``; drawn here, so it works offline.

    It holds numbers and years only (the accessible label names the topic, escaped).
    """
    years = list(range(first, last + 1))
    peak = max((per_year.get(y, 0) for y in years), default=0) or 1
    width = _BAR_PITCH * len(years) + 10
    height = _TOP + _BAR_HEIGHT + _BOTTOM
    label = html.escape(f"Mentions of {name} per year, {first}–{last}" if name else "Mentions per year", quote=True)
    parts = [f'<figure class="topic-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
             f'aria-label="{label}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for n, year in enumerate(years):
        count = per_year.get(year, 0)
        bar = round(_BAR_HEIGHT * count / peak) if count else 0
        x = 5 + n * _BAR_PITCH + (_BAR_PITCH - _BAR_WIDTH) // 2
        y = _TOP + _BAR_HEIGHT - bar
        noun = "mention" if count == 1 else "mentions"
        parts.append(f'<g><title>{year}: {count} {noun}</title>'
                     f'<rect class="bar" x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{max(bar, 1)}"/>')
        if count:
            parts.append(f'<text class="count" x="{x + _BAR_WIDTH // 2}" y="{y - 3}">{count}</text>')
        parts.append(f'<text class="year" x="{x + _BAR_WIDTH // 2}" y="{height - 4}">{year}</text></g>')
    parts.append("</svg><figcaption>Mentions per year</figcaption></figure>")
    return "".join(parts)
