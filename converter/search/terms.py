"""The search's words: one tokenizer, one stop-word list, one stemmer, shared by the index and its tests.

The browser (docs/assets/search/search.js) tokenizes queries the same way; the stop words reach it through
the index's ``meta.js``, so the list has this one home.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

# Frequent function words. A word query leaves them out; phrases match them through stop-word runs.
STOP_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he i in is it its of on or our that the their "
    "they this to was we were which will with would you".split()
)
# Words: letters and digits, with inner apostrophes ("don't"); matches "Lavrov’s", "80th", "2025".
_RE_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

def fold(text: str) -> str:
    """Lower case, accents off, typographic apostrophes straight: the form words are indexed in."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """The words of ``text`` as indexed; a possessive 's is dropped (``Russia’s`` → ``russia``)."""
    return [w[:-2] if w.endswith("'s") else w for w in _RE_TOKEN.findall(fold(text))]


_stemmer = snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))
