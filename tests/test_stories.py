"""Stories across briefings: each agenda item links its topic's item in the briefings just before and after."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from pathlib import Path

from converter import build, stories, topics

from .transcripts import transcript, write

SYRIA = ("Situation in Syria", "The situation in Syria remains difficult.")
OTHER = ("Sri Lanka Independence Day", "Congratulations.")


def story_corpus(folder: Path) -> Path:
    """Four briefings; Syria is on the agenda of three, as a statement or as a Q&A topic, and asked about in one."""
    corpus = folder / "corpus"
    write(corpus, "a.txt", transcript("March 3, 2021", [SYRIA, OTHER], [("Trade", ["What about trade?"])]))
    write(corpus, "b.txt", transcript("May 5, 2022", [OTHER], [("Trade", ["Will Syria join the talks?"])]))
    write(corpus, "c.txt", transcript("June 9, 2023", [OTHER], [("Developments in Syria", ["And Syria now?"])]))
    write(corpus, "d.txt", transcript("July 1, 2024", [("Update on the situation in Syria", "Still difficult.")], []))
    return corpus


def test_an_items_story_links_the_nearest_earlier_and_later_agenda_items_on_its_topic(tmp_path: Path) -> None:
    report = build.build(story_corpus(tmp_path), tmp_path / "docs")
    told = stories.build(topics.build(report.pages))
    syria: dict[str, dict[str, list[stories.Story]]] = {}
    for page, of_page in told.items():
        for anchor, found in of_page.items():
            for story in found:
                if story.topic.slug == "syria":
                    syria.setdefault(page, {}).setdefault(anchor, []).append(story)
    first = syria["briefings/2021/2021-03-03.md"]["situation-in-syria"][0]
    assert first.earlier is None
    assert first.later == stories.Mention("briefings/2023/2023-06-09.md", "developments-in-syria", dt.date(2023, 6, 9))
    middle = syria["briefings/2023/2023-06-09.md"]["developments-in-syria"][0]
    assert (middle.earlier and middle.earlier.id, middle.later and middle.later.id) == (
        "2021-03-03#situation-in-syria", "2024-07-01#update-on-the-situation-in-syria")
    last = syria["briefings/2024/2024-07-01.md"]["update-on-the-situation-in-syria"][0]
    assert last.later is None and last.earlier == first.later
    # A briefing where Syria is only asked about is not part of the agenda items' story.
    assert "briefings/2022/2022-05-05.md" not in syria


def test_the_page_shows_each_story_under_its_item_with_links_to_the_exact_anchors(tmp_path: Path) -> None:
    build.build(story_corpus(tmp_path), tmp_path / "docs")
    page = (tmp_path / "docs" / "briefings/2023/2023-06-09.md").read_text(encoding="utf-8")
    heading = page.index("### Developments in Syria { #developments-in-syria")
    line = next(line for line in page[heading:].splitlines() if line.startswith("Story of Syria:"))
    assert line == (
        "Story of Syria: [← March 3, 2021](../2021/2021-03-03.md#situation-in-syria){ .story-earlier } · "
        "[July 1, 2024 →](../2024/2024-07-01.md#update-on-the-situation-in-syria){ .story-later }"
    )
    first = (tmp_path / "docs" / "briefings/2021/2021-03-03.md").read_text(encoding="utf-8")
    assert ("Story of Syria: first in the archive · [June 9, 2023 →](../2023/2023-06-09.md#developments-in-syria)"
            in first)


def test_an_item_whose_topic_no_other_agenda_names_has_no_story(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", transcript("March 3, 2021", [SYRIA], []))
    write(corpus, "b.txt", transcript("May 5, 2022", [OTHER], [("Trade", ["Will Syria join the talks?"])]))
    build.build(corpus, tmp_path / "docs")
    assert "Story of" not in (tmp_path / "docs" / "briefings/2021/2021-03-03.md").read_text(encoding="utf-8")


def test_dataset_rows_carry_the_stories_ids(tmp_path: Path) -> None:
    build.build(story_corpus(tmp_path), tmp_path / "docs")
    with gzip.open(tmp_path / "docs/data/briefings.jsonl.gz", "rt", encoding="utf-8") as file:
        briefings = [json.loads(line) for line in file]
    rows = {item["id"]: item for briefing in briefings for item in briefing["items"]}
    assert rows["2023-06-09#developments-in-syria"]["earlier"] == ["2021-03-03#situation-in-syria"]
    assert rows["2023-06-09#developments-in-syria"]["later"] == ["2024-07-01#update-on-the-situation-in-syria"]
    assert rows["2021-03-03#situation-in-syria"]["earlier"] == []
    with gzip.open(tmp_path / "docs/data/items.csv.gz", "rt", encoding="utf-8", newline="") as file:
        table = {row["id"]: row for row in csv.DictReader(file)}
    assert table["2021-03-03#situation-in-syria"]["later"] == "2023-06-09#developments-in-syria"
