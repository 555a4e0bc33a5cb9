"""Text stays text: a transcript full of markup (tests/fixtures/bad/injection.txt) builds into a site whose HTML
holds no element, attribute, link or template output from it, and shows every line of it literally.

The fixture is a real mid.ru layout whose title, agenda items, headings, questions, outlets and answers carry
HTML, Markdown, attribute lists, admonitions, tables, footnotes and Jinja; its scripts would set
``window.__pwned`` or call ``alert`` (tests/browser/test_injection.py runs the page in Chromium).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from converter.build import verify
from converter.pages import briefing as briefing_page
from converter.parse import parse_file
from converter.parse.normalize import clean, lines_of

from .conftest import FIXTURES, build_site

INJECTION = FIXTURES / "bad" / "injection.txt"
PAGE = Path("briefings/2025/2025-01-23/index.html")
# The elements the converter's Markdown makes inside a page's article; anything else came from a transcript.
ARTICLE_TAGS = {"article", "h1", "h2", "h3", "p", "a", "strong", "ol", "ul", "li", "div", "span"}
# Attributes that hold a URL.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
# The agenda's numbers, which become list markup.
_RE_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-–•·*])\s+")


class _Html(HTMLParser):
    """Every element with its attributes, and the text inside the page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], bool]] = []
        self.article: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self._depth:
            self._depth += 1
        self.elements.append((tag, dict(attrs), self._depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.article.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / INJECTION.name).write_bytes(INJECTION.read_bytes())
    return build_site(corpus, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def html(site: Path) -> _Html:
    parsed = _Html()
    parsed.feed((site / PAGE).read_text(encoding="utf-8"))
    parsed.close()
    return parsed


def _printed_lines() -> list[str]:
    """Every line of the fixture the page must show, as a reader reads it (agenda numbers dropped)."""
    briefing = parse_file(INJECTION)
    lines = lines_of(INJECTION.read_text(encoding="utf-8"))
    removed = set(verify.removed(lines, briefing))
    first, last = briefing.agenda_lines or (0, -1)
    printed = []
    for line in lines:
        if line.number in removed or line.blank:
            continue
        if first <= line.number <= last:
            # The agenda's numbers are list markup; its Q&A divider is the page's own heading, without the colon.
            printed.append(_RE_LIST_MARKER.sub("", line.text).removesuffix(":"))
        else:
            printed.append(line.text)
    return printed


def test_the_fixture_is_a_full_briefing_with_payloads_in_every_part() -> None:
    briefing = parse_file(INJECTION)
    assert (briefing.layout, briefing.date.isoformat() if briefing.date else None, briefing.diagnostics) == (
        "midru", "2025-01-23", ()
    )
    assert [(s.kind.value, s.heading_line is not None) for s in briefing.sections] == (
        [("statement", True)] * 7 + [("qa", False)] * 2
    )
    assert [len(s.exchanges) for s in briefing.sections][-2:] == [1, 1]
    assert briefing.exchanges[0].question.outlet == "<script>window.__pwned='outlet'</script>"
    assert all(set(s.title) & set("<>{}[]()!|#`*_") for s in briefing.sections)


def test_every_line_of_the_fixture_is_in_its_page() -> None:
    briefing = parse_file(INJECTION)
    page = briefing_page.briefing_page(briefing)
    assert verify.lost_words(INJECTION.read_text(encoding="utf-8"), briefing, page) is None


def test_front_matter_is_valid_yaml_holding_the_title_as_printed() -> None:
    page = briefing_page.briefing_page(parse_file(INJECTION))
    front = yaml.safe_load(page.split("---\n", 2)[1])
    title = INJECTION.read_text(encoding="utf-8").splitlines()[2]
    assert front["description"] == title
    assert front["date"] == "2025-01-23"
    assert front["source"] == "injection.txt"


def test_the_page_is_written_where_its_date_says_whatever_the_title_holds(site: Path) -> None:
    # The title holds '../../evil': the page is named by the date, and nothing else is generated beside it.
    assert (site / PAGE).is_file()
    assert not list(site.parent.rglob("evil*"))


def test_built_html_has_no_element_from_the_transcript_in_the_article(html: _Html) -> None:
    tags = {tag for tag, _attrs, in_article in html.elements if in_article}
    assert tags <= ARTICLE_TAGS, tags - ARTICLE_TAGS


def test_built_html_has_no_event_handler_anywhere(html: _Html) -> None:
    handlers = [(tag, name) for tag, attrs, _in in html.elements for name in attrs if name.startswith("on")]
    assert handlers == []


def test_built_html_has_no_javascript_url_anywhere(html: _Html) -> None:
    urls = [
        (tag, name, value) for tag, attrs, _in in html.elements for name, value in attrs.items()
        if name in URL_ATTRIBUTES and value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:")
    ]
    assert urls == []


def test_built_html_takes_no_id_or_class_from_the_transcript(html: _Html) -> None:
    ids = {attrs.get("id") for _tag, attrs, _in in html.elements}
    classes = {c for _tag, attrs, _in in html.elements for c in (attrs.get("class") or "").split()}
    assert not {"evil", "evil2"} & ids
    assert "evil" not in classes
    # The forged '<div class="exchange" id="q1">' stays text: one element has the id, the real exchange.
    assert sum(1 for _tag, attrs, _in in html.elements if attrs.get("id") == "q1") == 1


def test_built_html_runs_no_template_from_the_transcript(site: Path) -> None:
    text = (site / PAGE).read_text(encoding="utf-8")
    assert "{{ config.site_name }}" in text
    assert "{% include &#39;evil.html&#39; %}" in text or "{% include 'evil.html' %}" in text


def test_the_meta_description_holds_the_title_as_text(html: _Html) -> None:
    (description,) = [a["content"] for t, a, _in in html.elements if t == "meta" and a.get("name") == "description"]
    assert description == INJECTION.read_text(encoding="utf-8").splitlines()[2]


@pytest.mark.parametrize("number", range(len(_printed_lines())))
def test_every_line_shows_literally_in_the_built_page(html: _Html, number: int) -> None:
    text = clean("".join(html.article))
    line = clean(_printed_lines()[number])
    assert line in text
