"""Reads a search index back the way docs/assets/search/search.js does: for tests only."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from converter.search.index import CALLBACK, MAX_RUN, unvlq
from converter.search.terms import STOP_WORDS, tokens

_RE_SCRIPT = re.compile(r'^' + CALLBACK + r'\("([^"]+)",(.*)\);\n$', re.DOTALL)


def read_script(text: str) -> tuple[str, Any]:
    match = _RE_SCRIPT.match(text)
    if not match:
        raise ValueError(f"expected {CALLBACK}(name, data);, got {text[:60]!r}")
    return match[1], json.loads(match[2])


@dataclass
class Reader:
    """The index files, read the way search.js reads them: shards by key, postings and positions decoded."""

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
        """Document -> [(position, stop-word run id)] of an indexed word."""
        docs = [doc for doc, _ in self.postings(word)]
        numbers = unvlq(self._shard("p", word).get(word, ""))
        result: dict[int, list[tuple[int, int]]] = {}
        index = 0
        for doc in docs:
            count = numbers[index]
            index += 1
            position = 0
            found = []
            for _ in range(count):
                position += numbers[index]
                found.append((position, numbers[index + 1]))
                index += 2
            result[doc] = found
        return result

    def runs(self) -> list[str]:
        return list(read_script(self.files["r.js"])[1])

    def phrase(self, text: str) -> list[int]:
        """Documents holding the words of ``text`` in a row, stop words included (search.js does the same)."""
        words = tokens(text)
        while words and words[-1] in STOP_WORDS:  # a trailing stop word has no word after it to check
            words.pop()
        parts: list[tuple[int, str, str]] = []  # (offset in the phrase, word, stop words just before it)
        run: list[str] = []
        for offset, word in enumerate(words):
            if word in STOP_WORDS:
                run.append(word)
            else:
                parts.append((offset, word, " ".join(run)))
                run = []
        if not parts:
            return []
        run_ids = {name: i for i, name in enumerate(self.runs())}
        maps = [self.positions(word) for _, word, _ in parts]
        first_offset = parts[0][0]
        result = []
        for doc in sorted(set.intersection(*(set(m) for m in maps))):
            starts = None
            for (offset, _word, before), found in zip(parts, maps, strict=True):
                ok = set()
                for position, run_id in found[doc]:
                    if _run_matches(runs_text(run_ids, run_id), before, leading=offset == first_offset):
                        ok.add(position - offset)
                starts = ok if starts is None else starts & ok
                if not starts:
                    break
            if starts:
                result.append(doc)
        return result


def runs_text(run_ids: dict[str, int], run_id: int) -> str:
    for name, number in run_ids.items():
        if number == run_id:
            return name
    return ""


def _run_matches(actual: str, wanted: str, *, leading: bool) -> bool:
    """Whether the stop words before a word are the phrase's: exactly, or for the phrase's first word, ending so.

    Runs keep the last :data:`MAX_RUN` stop words, so a longer wanted run is compared by its tail.
    """
    wanted_words = wanted.split()[-MAX_RUN:]
    actual_words = actual.split()
    if leading:
        return not wanted_words or actual_words[-len(wanted_words):] == wanted_words
    return actual_words == wanted_words
