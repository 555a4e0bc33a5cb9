"""Repeated answers: answers that largely repeat one given in an earlier briefing, and where it was first given.

An answer (all answer turns of one exchange) is the set of its word 3-shingles (normalised as the ledger does:
case, punctuation and spacing do not count). Candidates come from MinHash LSH (``datasketch``: the standard
sketch for near-duplicate search, so the archive never compares every pair of its ~25,000 answers); each one is
then checked exactly, and an answer repeats an earlier one when their shingle sets have a Jaccard similarity of
at least :data:`THRESHOLD`. The note links the earliest briefing's answer that it repeats. docs/dev/repeats.md
gives the precision measured on a hand-checked sample.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from converter import ledger, links

# Answers shorter than this are left out: 'No.' or 'I have nothing to add.' repeat without being prepared answers.
MIN_WORDS = 40
SHINGLE = 3
# An answer repeats another when at least half of their distinct 3-word sequences are shared (Jaccard 0.5).
THRESHOLD = 0.5
# LSH finds candidates from a lower similarity on, so that the exact check, not the sketch, decides.
CANDIDATES = 0.35
NUM_PERM = 64


# Where an answer was given: a briefing page and the exchange's anchor.
Occurrence = links.Place


@dataclass(frozen=True)
class Repeat:
    """An answer's earliest earlier occurrence and how much of the wording they share."""

    first: Occurrence
    similarity: float


def shingles(text: str) -> frozenset[str]:
    found = ledger.words(text)
    return frozenset(" ".join(found[i:i + SHINGLE]) for i in range(len(found) - SHINGLE + 1))


def jaccard(one: frozenset[str], two: frozenset[str]) -> float:
    return len(one & two) / len(one | two) if one or two else 0.0


def _hashed(shingled: frozenset[str]) -> np.ndarray:
    """The shingles as a sorted array of 64-bit hashes (SHA-1's first 8 bytes): an eleventh of the memory of the
    strings, with the same Jaccard similarity (but for a collision, one chance in 2**64 per pair)."""
    return np.unique(np.fromiter(
        (int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:8], "big") for s in shingled),
        dtype=np.uint64, count=len(shingled),
    ))


def _jaccard_hashed(one: np.ndarray, two: np.ndarray) -> float:
    shared = np.intersect1d(one, two, assume_unique=True).size
    union = one.size + two.size - shared
    return shared / union if union else 0.0


def _sketch(shingled: frozenset[str]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([s.encode("utf-8") for s in sorted(shingled)])
    return sketch


@dataclass(frozen=True)
class Answer:
    """One answer long enough to count, ready to compare: its exchange's anchor, its shingles and their sketch's
    hash values (what a build keeps per briefing, so that it sketches only the briefings that changed)."""

    anchor: str
    shingles: np.ndarray  # _hashed(shingles(text))
    hashvalues: np.ndarray
    scheme: str  # how datasketch made them

def prepare(page: links.Page) -> tuple[Answer, ...]:
    """The page's answers that count, in page order, shingled and sketched."""
    found = []
    for exchange in page.briefing.exchanges:
        text = "\n".join(p.text for answer in exchange.answers for p in answer.paragraphs)
        if len(ledger.words(text)) >= MIN_WORDS:
            shingled = shingles(text)
            sketch = _sketch(shingled)
            found.append(Answer(exchange.anchor, _hashed(shingled), sketch.hashvalues, sketch.scheme))
    return tuple(found)


def find(pages: Sequence[links.Page], threshold: float = THRESHOLD,
         prepared: Mapping[str, Sequence[Answer]] | None = None) -> dict[tuple[str, str], Repeat]:
    """Each repeated answer (page, anchor) -> the earliest answer of another briefing that it repeats.

    ``prepared`` holds :func:`prepare` of the pages by path, where a build already has it."""
    found: list[Occurrence] = []
    shingled: list[np.ndarray] = []
    sketches: list[LeanMinHash] = []
    for page in sorted(pages, key=lambda p: (p.briefing.date or dt.date.min, p.path)):
        for answer in prepared[page.path] if prepared is not None else prepare(page):
            found.append(Occurrence(page.path, answer.anchor, page.briefing.date))
            shingled.append(answer.shingles)
            # LeanMinHash: the sketch alone, without the permutations a MinHash computes to take more words.
            sketches.append(LeanMinHash(seed=1, hashvalues=answer.hashvalues, scheme=answer.scheme))
    # Answers with the same shingles (a statement read out again word for word) share one entry of the LSH
    # index, which would otherwise return every copy of it for every later copy: one entry per distinct answer,
    # with the numbers of its occurrences, earliest first.
    index = MinHashLSH(threshold=min(CANDIDATES, threshold), num_perm=NUM_PERM)
    distinct: list[tuple[np.ndarray, list[int]]] = []
    by_shingles: dict[bytes, int] = {}
    result: dict[tuple[str, str], Repeat] = {}
    for number, occurrence in enumerate(found):
        # Only answers already indexed are candidates: those of earlier briefings (or earlier on the same page).
        earliest: tuple[int, float] | None = None
        for candidate in index.query(sketches[number]):
            shingled_there, occurrences = distinct[candidate]
            first = next((n for n in occurrences if found[n].page != occurrence.page), None)
            if first is None or (earliest is not None and earliest[0] < first):
                continue
            score = _jaccard_hashed(shingled[number], shingled_there)
            if score >= threshold:
                earliest = (first, score)
        if earliest is not None:
            result[(occurrence.page, occurrence.anchor)] = Repeat(found[earliest[0]], round(earliest[1], 2))
        key = shingled[number].tobytes()
        if key in by_shingles:
            distinct[by_shingles[key]][1].append(number)
        else:
            by_shingles[key] = len(distinct)
            distinct.append((shingled[number], [number]))
            index.insert(by_shingles[key], sketches[number])
    return result
