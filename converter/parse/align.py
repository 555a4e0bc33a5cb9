"""Alignment: the agenda against the body's units, by dynamic programming.

Agenda items whose heading is missing from the body are placed by the best monotone assignment of units to
items, scored by word overlap between each item's title and the units it receives. Headings found in the
body, the start of the Q&A part and separators such as mid.ru's 'Back to top' constrain where an item may
start. See docs/dev/architecture.md for the scores and the benchmarks that keep them honest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from converter.errors import Diagnostic
from converter.model import Kind
from converter.parse.body import Body, LineRole
from converter.parse.front import AgendaEntry
from converter.parse.similarity import Weights, terms

# Score of giving a unit to the untitled introduction: below any item, so an introduction exists only where
# the first item's heading comes after some text.
_INTRO_SCORE = -0.05
# Score of a unit that no agenda item can take (questions where the agenda lists no Q&A topic): kept in an
# extra section, and only where no item can have it.
_OVERFLOW_SCORE = -1.0
# Cost of an agenda item that gets no body at all (a truncated file, a TOC entry never delivered).
_EMPTY_ITEM_COST = 1.0
# Cost of starting a headless item in the middle of a separator-delimited block (mid.ru 'Back to top').
_MID_BLOCK_START_COST = 1.0
# Ties go to the earlier item: a unit that names no new topic continues the current one.
_TIE_BREAK = 1e-6
# Cost of starting a headless item between two units, per unit of their lexical cohesion: topic shifts show
# as a drop in the words two neighbouring paragraphs share (TextTiling, Hearst 1997). Seed 000 needs it: its
# item 3 opens with a paragraph on 'diplomatic missions in Africa' that names none of the title's words.
_COHESION_COST = 1.0
# Cost of starting a headless item on a unit that carries none of its title's words: an item is not placed
# where nothing points to it, it is rather left empty (with a diagnostic).
_BLIND_START_COST = 1.0
# How much of an exchange's affinity to a Q&A topic comes from the question (the rest from the answers).
_QUESTION_WEIGHT = 0.7


@dataclass
class Placement:
    """Where each agenda item landed: its units (by index) and its kind."""

    units: list[list[int]]
    kinds: list[Kind]
    intro: list[int]
    overflow: list[int]
    diagnostics: list[Diagnostic]


def place(body: Body, agenda: list[AgendaEntry], weights: Weights | None = None) -> Placement:
    """Align the agenda with the body's units: the best monotone assignment under the constraints."""
    units, n_items = body.units, len(agenda)
    weights = weights or Weights(unit.words for unit in units)
    titles = [terms(entry.title, body.language) for entry in agenda]
    headed = {unit.heading_of: index for index, unit in enumerate(units) if unit.heading_of is not None}
    neg = -math.inf
    cohesion = [0.0] + [weights.cohesion(units[u - 1].words, units[u].words) for u in range(1, len(units))]
    # Column 0 is the untitled introduction, item i of the agenda is column i + 1, the last is the overflow.
    columns = n_items + 2
    overflow = n_items + 1

    def allowed(u: int, j: int) -> bool:
        unit = units[u]
        if j == 0:
            return u < body.qa_start and unit.heading_of is None
        if j == overflow:
            return unit.heading_of is None
        item = j - 1
        if unit.heading_of is not None and unit.heading_of != item:
            return False
        if item in headed and u < headed[item]:
            return False
        kind = agenda[item].kind
        region = Kind.STATEMENT if u < body.qa_start else Kind.QA
        return kind is None or kind is region

    def may_start(u: int, j: int) -> tuple[bool, float]:
        """Whether item j may start at unit u, and the cost of doing so."""
        item, unit = j - 1, units[u]
        if j == overflow:
            return True, 0.0
        if item in headed:
            return headed[item] == u, 0.0
        if u >= body.qa_start and unit.role is LineRole.TEXT and u != body.qa_start:
            return False, 0.0
        cost = _COHESION_COST * cohesion[u]
        if score(u, j) <= 0:
            cost += _BLIND_START_COST
        if body.has_separators and not unit.after_separator and u != body.qa_start:
            cost += _MID_BLOCK_START_COST
        return True, cost

    def score(u: int, j: int) -> float:
        if j == 0:
            return _INTRO_SCORE
        if j == overflow:
            return _OVERFLOW_SCORE
        unit, title = units[u], titles[j - 1]
        if unit.role is LineRole.HEADING:
            value = 0.0
        elif unit.role is LineRole.QUESTION:
            value = _QUESTION_WEIGHT * weights.overlap(title, unit.question_words) + (
                1 - _QUESTION_WEIGHT
            ) * weights.overlap(title, unit.words)
        else:
            value = weights.overlap(title, unit.words)
        return value - _TIE_BREAK * j

    best = [[neg] * columns for _ in units]
    back = [[-1] * columns for _ in units]
    for u in range(len(units)):
        forced_start = u == body.qa_start
        # running = max over columns j' < j of best[u-1][j'] + cost * j': the best column to start j from,
        # the items strictly between j' and j left empty. Before the first unit, the start is column 0.
        running, running_from = (0.0, -1) if u == 0 else (neg, -1)
        for j in range(columns):
            if allowed(u, j):
                stay = best[u - 1][j] if u > 0 and not forced_start else neg
                start = neg
                if j == 0:
                    start = 0.0 if u == 0 else neg
                else:
                    ok, cost = may_start(u, j)
                    if ok and running > neg:
                        start = running - _EMPTY_ITEM_COST * (j - 1) - cost
                # On a tie the unit stays with the current item.
                if stay >= start and stay > neg:
                    best[u][j], back[u][j] = stay + score(u, j), j
                elif start > neg:
                    best[u][j], back[u][j] = start + score(u, j), running_from if u > 0 else -1
            if u > 0 and best[u - 1][j] > neg and best[u - 1][j] + _EMPTY_ITEM_COST * j > running:
                running, running_from = best[u - 1][j] + _EMPTY_ITEM_COST * j, j
    return _trace(body, agenda, best, back, columns)


def _trace(
    body: Body, agenda: list[AgendaEntry], best: list[list[float]], back: list[list[int]], columns: int
) -> Placement:
    units = body.units
    diagnostics: list[Diagnostic] = []
    assigned: list[list[int]] = [[] for _ in agenda]
    intro: list[int] = []
    overflow: list[int] = []
    if units:
        # Items after the last one reached stay empty; the overflow column comes after all of them.
        finals = [best[-1][j] - _EMPTY_ITEM_COST * max(len(agenda) - j, 0) for j in range(columns)]
        j = max(range(columns), key=lambda c: (finals[c], -c))
        if finals[j] == -math.inf:
            raise AssertionError("alignment found no path")  # the introduction column always has one
        for u in range(len(units) - 1, -1, -1):
            (intro if j == 0 else overflow if j == columns - 1 else assigned[j - 1]).append(u)
            previous = back[u][j]
            j = previous if previous >= 0 else j
        for group in assigned:
            group.reverse()
        intro.reverse()
        overflow.reverse()
    kinds: list[Kind] = []
    for index, entry in enumerate(agenda):
        if entry.kind is not None:
            kinds.append(entry.kind)
        elif assigned[index]:
            kinds.append(Kind.QA if assigned[index][0] >= body.qa_start else Kind.STATEMENT)
        else:
            later_statement = any(
                group and group[0] < body.qa_start for group in assigned[index + 1 :]
            )
            kinds.append(Kind.STATEMENT if later_statement or body.qa_start >= len(units) else Kind.QA)
    for index, entry in enumerate(agenda):
        if not assigned[index]:
            diagnostics.append(
                Diagnostic(entry.line, f"expected body text for agenda item {index + 1} {entry.title!r}, found none")
            )
    if overflow:
        diagnostics.append(Diagnostic(
            units[overflow[0]].first,
            "expected an agenda item for this part of the body, got none; it is kept under 'Other questions'",
        ))
    return Placement(assigned, kinds, intro, overflow, diagnostics)
