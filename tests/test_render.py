"""Rendering: transcript text stays text, pages carry every anchor, front matter is valid YAML."""

from __future__ import annotations

import html
import re
import textwrap

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.build import verify
from converter.model import Kind
from converter.pages import briefing as briefing_page
from converter.pages import markdown as page_markdown
from converter.parse import parse_text


def _html(source: str) -> str:
    return markdown.markdown(source, extensions=verify.MARKDOWN_EXTENSIONS)


def _text_of(source: str) -> str:
    return verify.html_text(source).strip()


INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "{{ config.site_name }}",
    "{% include 'x' %}",
    "Heading {#id .cls}",
    "{: #evil }",
    "!!! note",
    "---",
    "***",
    "| a | b |",
    "# not a heading",
    "## not a heading either",
    "1. not a list",
    "12) not a list",
    "- not a bullet",
    "+ not a bullet",
    "* not a bullet",
    "> not a quote",
    "    not code",
    "*stars* and _underscores_ and __double__",
    "`code` and ``more``",
    "footnote[^1] and [^1]: note",
    "&amp; &lt; &#60; entities",
    "<http://example.com> autolink",
    "a\\b back\\slash",
    "===",
    "Question: Maria Zakharova: labels",
]


# escape() as its regular expressions were first written; the string methods that replaced them for speed
# must give the same Markdown for any text.
_RE_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+!])")
_RE_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-=])")


def _escape_by_regex(text: str) -> str:
    text = _RE_INLINE_SYNTAX.sub(r"\\\1", html.escape(text, quote=False)).replace("|", "&#124;")
    return _RE_BLOCK_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[1] else "\\-" if m[3] == "-" else "&#61;", text
    )


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("\\`*_{}[]()#+!|&<>\"'.-=12 aZ\n")) | st.characters()))
def test_escape_equals_its_regex_definition(text: str) -> None:
    assert page_markdown.escape(text) == _escape_by_regex(text)


@pytest.mark.parametrize("text", [*INJECTIONS, "10. ten", "1) one", "-- dash", "= equals", "\\1. escaped"])
def test_escape_of_each_injection_equals_its_regex_definition(text: str) -> None:
    assert page_markdown.escape(text) == _escape_by_regex(text)


@pytest.mark.parametrize("text", INJECTIONS)
def test_escaped_text_renders_literally(text: str) -> None:
    source = page_markdown.escape(text.strip())
    html = _html(source)
    assert _text_of(source) == text.strip()
    assert re.fullmatch(r"<p>.*</p>", html, re.DOTALL), html


@pytest.mark.parametrize("text", INJECTIONS)
def test_escaped_heading_keeps_its_anchor(text: str) -> None:
    html = _html(f"## {page_markdown.escape(text.strip())} {{ #anchor }}")
    assert html.startswith('<h2 id="anchor">'), html
    assert _text_of(f"## {page_markdown.escape(text.strip())} {{ #anchor }}") == text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
def test_any_line_renders_as_its_own_text(text: str) -> None:
    line = " ".join(text.split())
    if not line:
        return
    assert _text_of(page_markdown.escape(line)) == line


BRIEFING = textwrap.dedent("""\
    Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, "Quoted": January 23, 2025
    - The <b>bold</b> item # one
    - Second: item
    The <b>bold</b> item # one
    On *January* 20, something [happened](javascript:x).
    More text.
    Question: What about the second item <script>alert(1)</script>?
    Maria Zakharova: Nothing {{ x }}.
    """)


def test_page_front_matter_is_valid_yaml_with_quotes_colons_and_hashes() -> None:
    page = briefing_page.briefing_page(parse_text(BRIEFING, "x.txt"))
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["description"] == BRIEFING.splitlines()[0]
    assert front["date"] == "2025-01-23"
    assert front["speaker"] == "Maria Zakharova"


def test_page_has_an_anchor_for_every_item_and_question() -> None:
    briefing = parse_text(BRIEFING, "x.txt")
    html = _html(briefing_page.briefing_page(briefing).split("---\n", 2)[2])
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert {s.anchor for s in briefing.sections} <= ids
    assert {e.anchor for e in briefing.exchanges} == {"q1"} and "q1" in ids
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links <= ids


def test_page_shows_labels_and_no_markup_from_the_transcript() -> None:
    briefing = parse_text(BRIEFING, "x.txt")
    html = _html(briefing_page.briefing_page(briefing).split("---\n", 2)[2])
    assert "<script" not in html and "<b>" not in html and "javascript:" not in html.replace("javascript:x", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>Question:</strong>" in html and "<strong>Maria Zakharova:</strong>" in html
    assert "{{ x }}" in html


def test_agenda_links_every_item_in_order_with_qa_after_statements() -> None:
    briefing = parse_text(BRIEFING, "x.txt")
    page = briefing_page.briefing_page(briefing)
    agenda = page.split("## Agenda", 1)[1].split("\n## ", 1)[0]
    linked = [a for a in re.findall(r"\]\(#([^)]+)\)", agenda) if a != briefing_page.QA_ANCHOR]
    assert linked == [s.anchor for s in briefing.sections]
    assert [s.kind for s in briefing.sections] == [Kind.STATEMENT, Kind.QA]
    assert "[Answers to media questions](#answers-to-media-questions)" in agenda


def test_supplied_headings_are_marked() -> None:
    briefing = parse_text(BRIEFING, "x.txt")
    page = briefing_page.briefing_page(briefing)
    qa = briefing.sections[1]
    assert qa.heading_line is None
    assert f'{{ #{qa.anchor} .qa .supplied title="{briefing_page.SUPPLIED_NOTE}" }}' in page


def test_rendering_is_deterministic() -> None:
    first = briefing_page.briefing_page(parse_text(BRIEFING, "x.txt"))
    assert first == briefing_page.briefing_page(parse_text(BRIEFING, "x.txt"))
