"""The briefings plugin's own rewriting of MkDocs' pages (converter/plugins.py)."""

from __future__ import annotations

from converter.plugins import compact, with_language

PAGE = (
    """<html lang="en">
  <body>

    <ul>
      <li>One</li>""" "   " """
      <li>Two words
          on two lines</li>
    </ul>
    <pre><code>  indented
    code</code></pre>
    <script>
      const text = `a
        b`;
    </script>
  </body>
</html>
"""
)


def test_compact_drops_blank_lines_and_indentation_and_keeps_each_line_break() -> None:
    compacted = compact(PAGE)
    assert "<html lang=\"en\">\n<body>\n<ul>\n<li>One</li>\n<li>Two words\non two lines</li>\n</ul>\n" in compacted
    assert len(compacted) < len(PAGE)


def test_compact_leaves_preformatted_text_and_scripts_as_they_are() -> None:
    compacted = compact(PAGE)
    assert "<pre><code>  indented\n    code</code></pre>" in compacted
    assert "<script>\n      const text = `a\n        b`;\n    </script>" in compacted


def test_a_spanish_page_says_so_on_its_root_element_and_other_values_are_ignored() -> None:
    assert with_language(PAGE, "es").startswith('<html lang="es">')
    assert with_language(PAGE, "es; drop") == PAGE
    assert with_language(PAGE, None) == PAGE
