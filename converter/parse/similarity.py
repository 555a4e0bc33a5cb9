"""Word overlap between an agenda title and body text, for placing items whose heading is missing.

Words are lower-cased, stripped of possessive 's, freed of stop words and stemmed (Snowball), and weighted by
how rare they are in the transcript's body, so 'UNESCO' counts for more than 'Russia'.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain

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
# Every ASCII byte that is no letter or digit: word tokens never span one, so a text's UTF-8 bytes split there
# give chunks that hold whole words. An ASCII chunk is one word; any other chunk is read with _RE_WORD.
_SEPARATORS = bytes(byte if chr(byte).isalnum() or byte >= 0x80 else 0x20 for byte in range(256))
# A chunk -> its terms, per language. Every transcript repeats most of its words, and stemming is the costly
# part; the memo is emptied when it reaches _MAX_MEMO chunks, so that an archive's whole vocabulary (100,000
# words and more) never piles up in memory.
_MEMO: dict[str, dict[bytes, tuple[str, ...]]] = {}
_MAX_MEMO = 200_000


def _term(word: str, language: str) -> str | None:
    """The stemmed, case-folded word, or None for a stop word or a single letter."""
    word = word.casefold()
    if len(word) <= 1 or word in STOP_WORDS:
        return None
    return str(_STEMMERS.get(language, _STEMMERS["en"]).stemWord(word))


def _chunk_terms(chunk: bytes, language: str) -> tuple[str, ...]:
    words = [chunk.decode()] if chunk.isascii() else _RE_WORD.findall(chunk.decode("utf-8", "surrogatepass"))
    return tuple(term for term in (_term(word, language) for word in words) if term is not None)


def terms(text: str, language: str = "en") -> frozenset[str]:
    """The distinct stemmed content words of ``text``.

    Each distinct chunk of the text (see _SEPARATORS) is looked up in the memo, so that only new words are
    tokenised and stemmed: this runs on every line of every transcript.
    """
    memo = _MEMO.get(language)
    if memo is None or len(memo) > _MAX_MEMO:
        memo = _MEMO[language] = {}
    # (A lone surrogate, which no decoded file holds, passes through as bytes of its own.)
    chunks = set(text.encode("utf-8", "surrogatepass").translate(_SEPARATORS).split())
    for chunk in chunks.difference(memo):
        memo[chunk] = _chunk_terms(chunk, language)
    return frozenset(chain.from_iterable(map(memo.__getitem__, chunks)))


class _Table(dict[str, float]):
    """Weights by term, with one weight for every term not listed."""

    def __init__(self, weights: dict[str, float], unlisted: float) -> None:
        super().__init__(weights)
        self.unlisted = unlisted

    def __missing__(self, term: str) -> float:
        return self.unlisted


class Weights:
    """Inverse document frequencies of terms over the units of one transcript's body.

    Every unit's terms are weighed against every agenda title (align.py's table is units x items), so each
    term's weight, and each title's and each unit's total, is computed once here, not per comparison.
    """

    def __init__(self, units: Iterable[frozenset[str]]) -> None:
        units = list(units)
        self._count = len(units)
        self._frequency: Counter[str] = Counter(chain.from_iterable(units))
        # One logarithm per frequency (1 to the number of units), not per term; 0 is a term that no unit
        # holds (it is in a title only).
        count = self._count + 1
        by_frequency = [math.log(count / (n + 0.5)) for n in range(count)]
        squares = [idf**2 for idf in by_frequency]
        terms, frequencies = self._frequency.keys(), self._frequency.values()
        self._idf = _Table(dict(zip(terms, map(by_frequency.__getitem__, frequencies), strict=True)),
                           by_frequency[0])
        self._squares = _Table(dict(zip(terms, map(squares.__getitem__, frequencies), strict=True)), squares[0])
        self._totals: dict[frozenset[str], float] = {}
        self._norms: dict[frozenset[str], float] = {}

    def idf(self, term: str) -> float:
        return self._idf[term]

    def overlap(self, title: frozenset[str], text: frozenset[str]) -> float:
        """The share of the title's weight that ``text`` carries, from 0 to 1."""
        total = self._totals.get(title)
        if total is None:
            total = self._totals[title] = sum(self._idf[term] for term in title if term in self._frequency)
        if not total:
            return 0.0
        return sum(map(self._idf.__getitem__, title & text)) / total

    def cohesion(self, first: frozenset[str], second: frozenset[str]) -> float:
        """Cosine similarity of two units' weighted terms, from 0 (nothing shared) to 1."""
        shared = sum(map(self._squares.__getitem__, first & second))
        if not shared:
            return 0.0
        return shared / math.sqrt(self._norm(first) * self._norm(second))

    def _norm(self, terms: frozenset[str]) -> float:
        """The sum of the squared weights of ``terms``."""
        norm = self._norms.get(terms)
        if norm is None:
            norm = self._norms[terms] = sum(map(self._squares.__getitem__, terms))
        return norm
