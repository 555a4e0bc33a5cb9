"""Word overlap between an agenda title and body text, for placing items whose heading is missing.

Words are lower-cased, stripped of possessive 's, freed of stop words and stemmed (Snowball), and weighted by
how rare they are in the transcript's body, so 'UNESCO' counts for more than 'Russia'.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Word tokens, possessives split off: "Russia’s" -> "russia", "s"; "E-visas" -> "e", "visas".
_RE_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOP_WORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our ours out over own same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours s t de la el en los las del y""".split()
)
_STEMMERS = {"en": snowballstemmer.stemmer("english"), "es": snowballstemmer.stemmer("spanish")}


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    return str(_STEMMERS.get(language, _STEMMERS["en"]).stemWord(word))


def terms(text: str, language: str = "en") -> frozenset[str]:
    """The distinct stemmed content words of ``text``."""
    words = (word.casefold() for word in _RE_WORD.findall(text))
    return frozenset(_stem(word, language) for word in words if len(word) > 1 and word not in STOP_WORDS)


class Weights:
    """Inverse document frequencies of terms over the units of one transcript's body."""

    def __init__(self, units: Iterable[frozenset[str]]) -> None:
        units = list(units)
        self._count = len(units)
        self._frequency: Counter[str] = Counter(term for unit in units for term in unit)
        self._idf: dict[str, float] = {}
        self._totals: dict[frozenset[str], float] = {}

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            value = self._idf[term] = math.log((self._count + 1) / (self._frequency.get(term, 0) + 0.5))
        return value

    def overlap(self, title: frozenset[str], text: frozenset[str]) -> float:
        """The share of the title's weight that ``text`` carries, from 0 to 1."""
        total = self._totals.get(title)
        if total is None:
            total = self._totals[title] = sum(self.idf(term) for term in title if self._frequency.get(term))
        if not total:
            return 0.0
        return sum(self.idf(term) for term in title & text) / total

    def cohesion(self, first: frozenset[str], second: frozenset[str]) -> float:
        """Cosine similarity of two units' weighted terms, from 0 (nothing shared) to 1."""
        shared = sum(self.idf(term) ** 2 for term in first & second)
        if not shared:
            return 0.0
        norm = math.sqrt(sum(self.idf(t) ** 2 for t in first) * sum(self.idf(t) ** 2 for t in second))
        return shared / norm
