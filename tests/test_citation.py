"""Citations (converter.pages.citation) as reference tools read them: bibtexparser for the BibTeX entry, citeproc-py
(a CSL processor, with the Harvard style it ships) for the reference a reader's manager would print."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

import bibtexparser
import citeproc
from citeproc import Citation as CslCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.bibtex import BibTeX

from converter.pages import citation

HARVARD = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
BRIEFING = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025"
ANSWER = citation.Citation(
    speaker="Maria Zakharova", briefing=BRIEFING, date=dt.date(2025, 1, 23), page_id="2025-01-23",
    url="https://example.github.io/briefings/briefings/2025/2025-01-23/#q6", item="Japanese centres in Russia",
    question=6, anchor="q6", source_url="https://mid.ru/en/x_y/1?a=1&b=%20#top",
)


def csl_reference(entry: str) -> tuple[str, list[str]]:
    """The reference citeproc-py prints for a BibTeX entry, and the warnings it gave reading it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        source = BibTeX(io.StringIO(entry))
    bibliography = CitationStylesBibliography(CitationStylesStyle(str(HARVARD), validate=False), source,
                                              formatter.plain)
    bibliography.register(CslCitation([CitationItem(next(iter(source)))]))
    return str(bibliography.bibliography()[0]), [str(w.message) for w in caught]


def test_bibtex_entry_parses_into_the_fields_classic_styles_read() -> None:
    library = bibtexparser.parse_string(citation.bibtex(ANSWER))
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "misc" and entry.key == "zakharova2025-01-23-q6"
    fields = {field.key: field.value for field in entry.fields}
    assert set(fields) == {"author", "title", "note", "publisher", "year", "month", "url"}
    assert fields["title"] == "{Answer to question 6: Japanese centres in Russia}"  # no quotes inside
    assert fields["note"].startswith(BRIEFING + ". Original: https://mid.ru/en/x\\_y/1?a=1\\&b=\\%20\\#top")
    assert (fields["year"], fields["month"]) == ("2025", "January")


def test_csl_processor_prints_a_complete_reference() -> None:
    reference, read_warnings = csl_reference(citation.bibtex(ANSWER))
    assert reference == ("Zakharova, M. (2025) “Answer to question 6: Japanese centres in Russia”. "
                         "Ministry of Foreign Affairs of the Russian Federation.")
    # citeproc-py reads every field but the URL, which its BibTeX reader has no field for.
    assert read_warnings == ["Unsupported BibTeX field 'url'"]


def test_csl_check_sees_fields_it_drops() -> None:
    """The check can fail: the fields the entry used before (howpublished, organization, date) are dropped."""
    old = ("@misc{k,\n  author = {Zakharova, Maria},\n  title = {{T}},\n  howpublished = {B},\n"
           "  organization = {M},\n  date = {2025-01-23},\n  year = {2025}\n}")
    _reference, read_warnings = csl_reference(old)
    assert {"Unsupported BibTeX field 'howpublished'", "Unsupported BibTeX field 'organization'",
            "Unsupported BibTeX field 'date'"} <= set(read_warnings)


def test_a_briefing_without_a_speaker_is_the_ministrys() -> None:
    whole = citation.Citation(None, "Briefing, Moscow, May 5, 2011", dt.date(2011, 5, 5), "2011-05-05",
                              "https://example.org/b/")
    entry = citation.bibtex(whole)
    assert "author = {{Ministry of Foreign Affairs of the Russian Federation}}" in entry
    assert citation.plain(whole).startswith("Ministry of Foreign Affairs of the Russian Federation. Briefing, "
                                            "Moscow, May 5, 2011. May 5, 2011. https://example.org/b/.")
