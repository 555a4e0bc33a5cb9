"""The search's words: one tokenizer, one stop-word list, one stemmer set-up, shared by the index and its tests.

The browser (docs/assets/search/search.js) tokenizes queries the same way; the stop words reach it through
the index's ``meta.js``, so the list has this one home.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import snowballstemmer

# Frequent function words, most frequent first (a run of them is numbered by their places in this list, so the
# commonest runs take the fewest digits). A word query leaves them out; phrases match them through the runs.
STOP_LIST = (
    "the of and to in a that is for on it with as we this be are by at have was from will our which has an or "
    "they their but were would i you its been had he"
).split()
STOP_WORDS = frozenset(STOP_LIST)
# Words: letters and digits, with inner apostrophes ("don't"); matches "Lavrov’s", "80th", "2025".
_RE_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# A briefing's language (the model's ``language``) -> its Snowball stemmer; other languages stem as English.
STEMMERS = {"en": "english", "es": "spanish"}
DEFAULT_LANGUAGE = "en"


def fold(text: str) -> str:
    """Lower case, accents off, typographic apostrophes straight: the form words are indexed in."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """The words of ``text`` as indexed; a possessive 's is dropped (``Russia’s`` → ``russia``)."""
    return [w[:-2] if w.endswith("'s") else w for w in _RE_TOKEN.findall(fold(text))]


@functools.cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(STEMMERS.get(language, STEMMERS[DEFAULT_LANGUAGE]))


def stem(word: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``word``'s Snowball stem in ``language`` (``sanctions`` → ``sanction``; ``sanciones`` → ``sancion``)."""
    return str(_stemmer(language).stemWord(word))
