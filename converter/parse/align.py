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
    """Align the agenda with the body's units: the best monotone assignment under the constraints.

    ``best[u][j]`` is the best score of units ``0..u`` with unit ``u`` in column ``j`` (0 the untitled
    introduction, item ``i`` of the agenda column ``i + 1``, the last the overflow); ``back[u][j]`` the column
    of unit ``u - 1`` on that path. The table is units x items, so the loop over a row skips what cannot
    matter: columns of the other region (statements or Q&A) and, on a heading, the columns after its own.
    """
    units, n_items = body.units, len(agenda)
    weights = weights or Weights(unit.words for unit in units)
    titles = [terms(entry.title, body.language) for entry in agenda]
    headed = {unit.heading_of: index for index, unit in enumerate(units) if unit.heading_of is not None}
    neg = -math.inf
    cohesion = [0.0] + [weights.cohesion(units[u - 1].words, units[u].words) for u in range(1, len(units))]
    columns = n_items + 2
    overflow = n_items + 1
    qa_start = body.qa_start
    # The columns each region's units may take (the introduction's only before the Q&A part).
    statement_columns = [0, *(i + 1 for i, e in enumerate(agenda) if e.kind is not Kind.QA), overflow]
    qa_columns = [*(i + 1 for i, e in enumerate(agenda) if e.kind is not Kind.STATEMENT), overflow]
    # Read at each call, so that bench/sensitivity.py can move them.
    empty_cost, tie_break, question_weight = _EMPTY_ITEM_COST, _TIE_BREAK, _QUESTION_WEIGHT
    overlap = weights.overlap
    # Per item: whether it is a statement, a Q&A topic or either (None); the unit of its heading, or -1.
    kinds = [entry.kind for entry in agenda]
    heading_at = [headed.get(item, -1) for item in range(n_items)]

    best: list[list[float]] = []
    back: list[list[int]] = []
    previous: list[float] = [neg] * columns
    for u, unit in enumerate(units):
        row, row_back = [neg] * columns, [-1] * columns
        best.append(row)
        back.append(row_back)
        in_statements = u < qa_start
        forced_start = u == qa_start
        heading_of = unit.heading_of
        role = unit.role
        if u == 0 or forced_start:
            # Every column the row before could hold (both regions at the start of the Q&A part).
            candidates: list[int] | range = range(columns)
        else:
            candidates = statement_columns if in_statements else qa_columns
        # A heading goes to its own item: no later column can take it, and only earlier ones feed `running`.
        last = heading_of + 1 if heading_of is not None else overflow
        # What starting a headless item here costs, before the title's own words are counted.
        may_start_headless = in_statements or role is not LineRole.TEXT or forced_start
        start_cost = _COHESION_COST * cohesion[u]
        mid_block = body.has_separators and not unit.after_separator and not forced_start
        # running = max over columns j' < j of best[u-1][j'] + cost * j': the best column to start j from,
        # the items strictly between j' and j left empty. Before the first unit, the start is column 0.
        running, running_from = (0.0, -1) if u == 0 else (neg, -1)
        for j in candidates:
            if j > last:
                break
            # Whether unit u may be in column j, and its score there.
            if j == 0:
                allowed = in_statements and heading_of is None
                value = _INTRO_SCORE
            elif j == overflow:
                allowed = heading_of is None
                value = _OVERFLOW_SCORE
            else:
                item = j - 1
                kind = kinds[item]
                allowed = (
                    (heading_of is None or heading_of == item)
                    and u >= heading_at[item]
                    and (kind is None or (kind is Kind.STATEMENT) is in_statements)
                )
                value = 0.0
                if allowed:
                    if role is LineRole.HEADING:
                        value = 0.0
                    elif role is LineRole.QUESTION:
                        title = titles[item]
                        value = question_weight * overlap(title, unit.question_words) + (
                            1 - question_weight
                        ) * overlap(title, unit.words)
                    else:
                        value = overlap(titles[item], unit.words)
                    value -= tie_break * j
            if allowed:
                stay = previous[j] if u > 0 and not forced_start else neg
                start = neg
                if j == 0:
                    start = 0.0 if u == 0 else neg
                elif running > neg:
                    # Whether item j may start at unit u, and the cost of doing so.
                    ok, cost = True, 0.0
                    if j == overflow:
                        pass
                    elif heading_at[j - 1] >= 0:
                        ok = heading_at[j - 1] == u
                    elif not may_start_headless:
                        ok = False
                    else:
                        cost = start_cost
                        if value <= 0:
                            cost += _BLIND_START_COST
                        if mid_block:
                            cost += _MID_BLOCK_START_COST
                    if ok:
                        start = running - empty_cost * (j - 1) - cost
                # On a tie the unit stays with the current item.
                if stay >= start and stay > neg:
                    row[j], row_back[j] = stay + value, j
                elif start > neg:
                    row[j], row_back[j] = start + value, running_from if u > 0 else -1
            if u > 0 and previous[j] > neg and previous[j] + empty_cost * j > running:
                running, running_from = previous[j] + empty_cost * j, j
        previous = row
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
