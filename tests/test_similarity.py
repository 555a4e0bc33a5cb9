"""Word overlap for alignment (converter.parse.similarity): its terms, and the stemmer behind them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.spanish_stemmer import SpanishStemmer

from converter.parse import similarity

from .conftest import FIXTURES

WORDS = sorted({
    word.casefold()
    for path in FIXTURES.rglob("*.txt")
    for word in re.findall(r"[^\W_]+", path.read_text(encoding="utf-8", errors="replace"))
})


@pytest.mark.parametrize(("language", "reference"), [("en", EnglishStemmer), ("es", SpanishStemmer)])
def test_stems_are_those_of_snowballs_python_algorithm(language: str, reference: type) -> None:
    """PyStemmer (C) stands in for snowballstemmer's pure Python when installed: the stems must not change."""
    python = reference()
    assert len(WORDS) > 2000
    assert [similarity._term(word, language) for word in WORDS if word not in similarity.STOP_WORDS
            and len(word) > 1] == [python.stemWord(word) for word in WORDS if word not in similarity.STOP_WORDS
                                   and len(word) > 1]


def test_terms_are_stemmed_content_words_without_possessives() -> None:
    # 's' and 'e' are single letters; 'against', 'the' and 'of' are stop words.
    assert similarity.terms("Russia’s sanctions against the E-visas of UNESCO") == frozenset(
        {"russia", "sanction", "visa", "unesco"}
    )


def test_terms_do_not_depend_on_what_was_read_before() -> None:
    similarity.terms("Sanctioned sanctions")
    assert similarity.terms("SANCTIONS sanctions Sanctions") == frozenset({"sanction"})


def _terms_by_regex(text: str, language: str) -> frozenset[str]:
    """terms() as first written: every regex word, case-folded, less stop words and single letters, stemmed."""
    stemmer = EnglishStemmer() if language == "en" else SpanishStemmer()
    words = (word.casefold() for word in re.findall(r"[^\W_]+", text))
    return frozenset(stemmer.stemWord(w) for w in words if len(w) > 1 and w not in similarity.STOP_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    *" -_'’.,:;!?()«»\u00a0\u2009\u0301\u00e9\u00c9\u0130\u00dfaZ09",
    "Russia", "sanctions", "SANCTIONED", "the", "of", "E-visas", "María", "Zajárova", "naïve", "x\ud800y",
]) | st.characters()).map("".join), st.sampled_from(["en", "es"]))
def test_terms_equal_their_regex_definition(text: str, language: str) -> None:
    assert similarity.terms(text, language) == _terms_by_regex(text, language)
