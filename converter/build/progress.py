"""Progress of a long build, as MkDocs users expect it: a bar on a terminal, plain count lines elsewhere (CI)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

from tqdm import tqdm

# Without a terminal, a count line each time another tenth of the transcripts is done.
_STEPS = 10
_NAMES = {"convert": "transcripts converted"}


class Progress:
    """Called as ``progress(stage, done, total)`` by :func:`converter.build.build`; ``say`` takes the lines."""

    def __init__(self, say: Callable[[str], None], stream: TextIO | None = None) -> None:
        self.say = say
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty()
        self.bar: Any = None
        self.stage = ""
        self.step = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in _NAMES or not total:
            return
        if stage != self.stage:
            self.close()
            self.stage, self.step = stage, -1
            if self.terminal:
                self.bar = tqdm(total=total, desc=f"briefings: {_NAMES[stage]}", unit="", file=self.stream,
                                leave=False, initial=done)
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
            return
        step = done * _STEPS // total
        if done and step > self.step:
            self.step = step
            self.say(f"briefings: {done:,} of {total:,} {_NAMES[stage]}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
