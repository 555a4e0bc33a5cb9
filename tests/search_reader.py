"""Reads a search index's files back, for the index-format tests (tests/test_search.py); queries are search.js's
own, tested through Node (tests/js/)."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from converter.search.index import CALLBACK, unvlq

_RE_SCRIPT = re.compile(r'^' + CALLBACK + r'\("([^"]+)",(.*)\);\n$', re.DOTALL)


def read_script(text: str) -> tuple[str, Any]:
    match = _RE_SCRIPT.match(text)
    if not match:
        raise ValueError(f"expected {CALLBACK}(name, data);, got {text[:60]!r}")
    return match[1], json.loads(match[2])


@dataclass
class Reader:
    """The index files, decoded: shards by key, postings and positions."""

    files: dict[str, str]
    meta: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.meta = read_script(self.files["meta.js"])[1]

    def _shard(self, kind: str, word: str) -> dict[str, Any]:
        keys = self.meta["keys"][kind]
        number = bisect_right(keys, word) - 1
        if number < 0:
            return {}
        return dict(read_script(self.files[f"{kind}{number}.js"])[1])

    def postings(self, word: str) -> list[tuple[int, int]]:
        """(document, impact) pairs of an indexed word."""
        entry = self._shard("t", word).get(word)
        if not entry:
            return []
        numbers = unvlq(entry[0])
        pairs, doc = [], 0
        for delta, weight in zip(numbers[::2], numbers[1::2], strict=True):
            doc += delta
            pairs.append((doc, weight))
        return pairs

    def siblings(self, word: str) -> list[str]:
        entry = self._shard("t", word).get(word)
        return list(entry[1]) if entry and len(entry) > 1 else []

    def positions(self, word: str) -> dict[int, list[tuple[int, int]]]:
        """Document -> [(position, stop-word run number)] of an indexed word."""
        docs = [doc for doc, _ in self.postings(word)]
        numbers = iter(unvlq(self._shard("p", word).get(word, "")))
        result: dict[int, list[tuple[int, int]]] = {}
        for doc in docs:
            position = 0
            found = []
            for _ in range(next(numbers)):
                step = next(numbers)
                position += step // 2
                found.append((position, next(numbers) if step % 2 else 0))
            result[doc] = found
        assert next(numbers, None) is None, f"more positions than postings for {word!r}"
        return result

    def texts(self) -> list[list[str]]:
        """[anchor, title, excerpt] of every document, in id order."""
        names = sorted((n for n in self.files if n.startswith("d")), key=lambda n: int(n[1:-3]))
        return [doc for name in names for doc in read_script(self.files[name])[1]]
