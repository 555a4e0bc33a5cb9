"""Briefings republished inside another site's page (news agencies, mirrors, blogs, embassy sites): menus,
banners, other articles' headlines, a slogan and stamps above the briefing; share buttons, tags, related
articles and comments after it. The title may come late, or only a lede may say who spoke and when.

Fixtures: tests/fixtures/republished/. Everything around the briefing is reported as boilerplate.
"""

from __future__ import annotations

from converter import speakers
from converter.parse import vocabulary
from converter.parse.front import Front, find_title, read_front
from converter.parse.normalize import Line

NAME = "republished"


def detect(lines: list[Line]) -> bool:
    """A lede instead of a title, a title line passed over as another page's headline, or a page foot."""
    found = find_title(lines)
    if found is None:
        return False
    index, lede, passed_over = found
    return lede or passed_over or footer_start(lines, index + 1) is not None


def read(lines: list[Line], path: str) -> Front:
    front = read_front(lines, path)
    start = footer_start(lines, front.body_start)
    if start is not None:
        front.boilerplate.update(line.number for line in lines[start:] if not line.blank)
    return front


def footer_start(lines: list[Line], start: int) -> int | None:
    """The index of the first line of the page's foot: the first foot opener ('Share', 'Tags: …', 'Comments')
    after the briefing's last question or answer label, with the share buttons just before it."""
    last_label = max((i for i in range(start, len(lines)) if _is_label(lines[i])), default=start - 1)
    for index in range(last_label + 1, len(lines)):
        if vocabulary.RE_FOOTER_OPENER.match(lines[index].text):
            while index - 1 > last_label and _is_button(lines[index - 1]):
                index -= 1
            return index
    return None


def _is_label(line: Line) -> bool:
    """A question label, or an answer label naming a speaker the alias table knows (not a comment's author)."""
    if vocabulary.RE_QUESTION.match(line.text):
        return True
    match = vocabulary.RE_SPEAKER.match(line.text)
    return bool(match and speakers.canonical(match.group("label")))


def _is_button(line: Line) -> bool:
    return (
        not line.blank
        and len(line.text.split()) <= vocabulary.MAX_BUTTON_WORDS
        and line.text[-1] not in vocabulary.SENTENCE_END
    )
