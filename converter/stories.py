"""Stories across briefings: where the subject of an agenda item or Q&A topic came up before and after.

A story is one topic of the index (:mod:`converter.topics`: a recurring agenda item, a country, an
organisation, a place) followed through the agenda items and Q&A topics that name it, briefing by briefing.
Each such item links to the topic's item in the nearest earlier and the nearest later briefing, by its exact
(ledger-kept) anchor, so a reader can walk one story through the years from page to page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from converter import links, topics

# Where a topic's item stands: its briefing page and its anchor.
Mention = links.Place


@dataclass(frozen=True)
class Story:
    """One topic of an item, with the topic's items in the briefings just before and just after."""

    topic: topics.Topic
    earlier: Mention | None
    later: Mention | None


Stories = dict[str, dict[str, tuple[Story, ...]]]  # page -> anchor of an agenda item -> its stories


def build(index: topics.Index) -> Stories:
    """Every agenda item's stories: for each of its topics named in at least one other briefing's agenda."""
    found: dict[str, dict[str, list[Story]]] = {}
    for topic in index.topics:
        # The topic's agenda items (not its questions), grouped by briefing, oldest briefing first.
        by_page: dict[str, list[topics.Item]] = {}
        for item in topic.mentions:
            if item.exchange is None:
                by_page.setdefault(item.page, []).append(item)
        if len(by_page) < 2:
            continue
        chain = sorted(by_page.items(), key=lambda pair: (_ordinal(pair[1][0].date), pair[0]))
        for position, (page, own) in enumerate(chain):
            earlier = _first(chain[position - 1][1]) if position > 0 else None
            later = _first(chain[position + 1][1]) if position + 1 < len(chain) else None
            for item in own:
                found.setdefault(page, {}).setdefault(item.anchor, []).append(Story(topic, earlier, later))
    return {page: {anchor: tuple(stories) for anchor, stories in of_page.items()} for page, of_page in found.items()}


def _ordinal(date: dt.date | None) -> int:
    return date.toordinal() if date else 0


def _first(items: list[topics.Item]) -> Mention:
    """Where a briefing's part of the story starts: its first agenda item on the topic, in page order."""
    item = min(items, key=lambda i: i.order)
    return Mention(item.page, item.anchor, item.date)
