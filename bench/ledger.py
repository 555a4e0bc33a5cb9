"""``python -m bench.ledger``: what the ledger of published ids costs a build, side by side in one run.

For each size it writes a synthetic corpus and times, in one process: parsing and collecting the pages (the
work every build does anyway), reconciling them with no ledger, with an up-to-date ledger, and with a ledger
after a correction (a question inserted into every tenth briefing, so near matches run), writing the ledger
(`briefings ledger`) and checking it (`--check`). Times are printed as ratios to parse+collect, since this
machine is shared and noisy; nothing is gated on them.

    python -m bench.ledger --sizes 100,300
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench import synth
from converter import build, ledger, links

INSERTED = "Question: A question the first copy left out?\n\nMaria Zakharova: An answer the first copy left out.\n\n"


def _timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def _collect(corpus: Path) -> list[links.Page]:
    report = build.Report()
    # One process, no cache: the conversion every clean build does, as the yardstick.
    converted = build.convert_all(build.discover(corpus), report, None, 1, None)
    return links.collect([t.briefing for t in converted if t.briefing is not None])


def run(size: int, folder: Path) -> dict[str, float]:
    corpus = folder / "corpus"
    paths = synth.write_corpus(size, corpus, seed=7)
    pages, parse = _timed(_collect, corpus)
    _resolution, none = _timed(ledger.reconcile, ledger.Ledger(), pages)
    book, write = _timed(lambda: ledger.updated(ledger.Ledger(), ledger.reconcile(ledger.Ledger(), pages)))
    text = ledger.dumps(book)
    current, same = _timed(ledger.reconcile, book, pages)
    _text, check = _timed(lambda: ledger.dumps(ledger.updated(book, ledger.reconcile(book, pages))) == text)
    for path in paths[::10]:
        body = path.read_text(encoding="utf-8")
        at = body.find("Question:")
        if at >= 0:
            path.write_text(body[:at] + INSERTED + body[at:], encoding="utf-8")
    corrected = _collect(corpus)
    resolution, changed = _timed(ledger.reconcile, book, corrected)
    assert not resolution.lost and not current.lost
    return {"briefings": size, "ids": len(book.entries), "bytes": len(text.encode()), "parse+collect s": parse,
            "no ledger": none / parse, "up to date": same / parse, "after corrections": changed / parse,
            "write": write / parse, "check": check / parse}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(run(size, Path(scratch) / str(size)))
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else f"{v:,}" for v in row.values()) + " |")


if __name__ == "__main__":
    main()
