"""Big input: time and peak memory of decode, parse, render and verify for one transcript of 1, 2, 4 and 8 MB.

``python -m bench.bigfile`` (``--sizes 1,2,4,8``, ``--shape long,pasted``) writes the inputs under bench/out/
and converts each in a child process of its own, so that each peak memory is that size's alone. Two shapes:

- ``long``: one briefing that long (its statements and Q&A topics recombined from the seeds by bench.synth,
  each title made distinct), the case of a very long transcript;
- ``pasted``: synthetic briefings pasted one after another into one file, the case of a file that holds many;
- ``many-items``: one briefing whose agenda grows with it (an item per 3 KB), the alignment's worst case (its
  table is units x items), run at small sizes only: ``--shape many-items --sizes 0.25,0.5,1``.

It prints a Markdown table (docs/dev/robustness.md keeps one) and never gates anything on a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import synth

OUT = Path(__file__).resolve().parent / "out" / "bigfile"
MEGABYTE = 1024 * 1024


def long_briefing(size: int, seed: int = 0, items: int | None = 40) -> str:
    """One plain-text briefing of about ``size`` bytes, its statements and Q&A topics recombined from the seeds.

    ``items`` agenda items (a real briefing has 20 to 50) share the body, each growing with the size; with
    ``items=None`` every item keeps its own length and their number grows with the size instead.
    """
    statements, topics = synth.pools()
    rng = random.Random(seed)
    share = 0.6  # of the body in statements, the rest in Q&A
    count = 0

    def grow(kind: str, budget: float, limit: int | None) -> list[tuple[str, list[str]]]:
        nonlocal count
        blocks: list[tuple[str, list[str]]] = []
        total = 0
        while total < budget:
            count += 1
            if limit is not None and len(blocks) >= limit:
                extra = rng.choice(statements).paragraphs if kind == "s" else _exchanges(rng.choice(topics))
                blocks[count % limit][1].extend(extra)
                total += sum(len(line) + 1 for line in extra)
                continue
            if kind == "s":
                statement = rng.choice(statements)
                title, lines = f"{statement.title} (part {count})", list(statement.paragraphs)
            else:
                topic = rng.choice(topics)
                title, lines = f"{topic.title} (part {count})", _exchanges(topic)
            blocks.append((title, lines))
            total += len(title) + 1 + sum(len(line) + 1 for line in lines)
        return blocks

    statement_items = None if items is None else max(1, int(items * share))
    topic_items = None if items is None or statement_items is None else max(1, items - statement_items)
    chosen = grow("s", size * share, statement_items)
    qa = grow("q", size * (1 - share), topic_items)
    agenda = [f"- {title}" for title, _lines in [*chosen, *qa]]
    body = [line for title, lines in chosen for line in (title, *lines)]
    body += [line for _title, lines in qa for line in lines]
    title = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, January 23, 2025"
    return "\n".join([title, *agenda, *body]) + "\n"


def _exchanges(topic: synth.Topic) -> list[str]:
    lines = []
    for question, answers in topic.exchanges:
        lines.append(f"Question: {' '.join(question)}")
        lines += [f"Maria Zakharova: {' '.join(answer)}" for answer in answers]
    return lines


def many_items(size: int, seed: int = 0) -> str:
    """One briefing whose agenda grows with its size (an item per 3 KB): the alignment's worst case."""
    return long_briefing(size, seed, items=None)


def pasted_briefings(size: int, seed: int = 0) -> str:
    """Synthetic briefings of both layouts pasted into one text of about ``size`` bytes."""
    statements, topics = synth.pools()
    parts: list[str] = []
    total = 0
    day = dt.date(2020, 1, 9)
    while total < size:
        text = synth.transcript(len(parts), day + dt.timedelta(weeks=len(parts)), seed, statements, topics)
        parts.append(text)
        total += len(text.encode("utf-8")) + 1
    return "\n".join(parts)


SHAPES = {"long": long_briefing, "pasted": pasted_briefings, "many-items": many_items}


def child(path: Path) -> dict[str, Any]:
    """Convert one file, stage by stage; runs in a process of its own (see :func:`main`)."""
    from converter.build import verify
    from converter.pages import briefing as briefing_page
    from converter.parse import parse_text
    from converter.parse.decoding import read_file

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times: dict[str, float] = {}
    start = time.perf_counter()
    decoded = read_file(path)
    times["decode"] = time.perf_counter() - start
    start = time.perf_counter()
    briefing = parse_text(decoded.text, path.name, str(path))
    times["parse"] = time.perf_counter() - start
    start = time.perf_counter()
    page = briefing_page.briefing_page(briefing)
    times["render"] = time.perf_counter() - start
    start = time.perf_counter()
    lost = verify.lost_words(decoded.text, briefing, page)
    times["verify"] = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "bytes": path.stat().st_size,
        "lines": decoded.text.count("\n"),
        "times": times,
        "peak_mb": peak / 1024,
        "growth_mb": (peak - baseline) / 1024,
        "sections": len(briefing.sections),
        "questions": len(briefing.exchanges),
        "diagnostics": len(briefing.diagnostics),
        "lost": list(lost) if lost else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="sizes in MB, comma-separated")
    parser.add_argument("--shape", default="long,pasted", help="comma-separated: long, pasted, many-items")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(child(args.child), sys.stdout)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for shape in args.shape.split(","):
        for size in (float(s) for s in args.sizes.split(",")):
            path = OUT / f"{shape}-{size:g}mb.txt"
            path.write_text(SHAPES[shape](int(size * MEGABYTE)), encoding="utf-8")
            result = subprocess.run(
                [sys.executable, "-m", "bench.bigfile", "--child", str(path)],
                capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent,
            )
            rows.append((shape, json.loads(result.stdout)))
            print(f"{shape} {size:g} MB done", file=sys.stderr)
    (OUT / "results.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print("| shape | MB | lines | decode s | parse s | render s | verify s | total s | s/MB | peak RSS MB | "
          "growth MB | growth/MB | items | questions | lost |")
    print("|" + " --- |" * 15)
    for shape, row in rows:
        megabytes = row["bytes"] / MEGABYTE
        total = sum(row["times"].values())
        t = row["times"]
        print(
            f"| {shape} | {megabytes:.1f} | {row['lines']} | {t['decode']:.2f} | {t['parse']:.2f} | {t['render']:.2f} "
            f"| {t['verify']:.2f} | {total:.2f} | {total / megabytes:.2f} | {row['peak_mb']:.0f} | "
            f"{row['growth_mb']:.0f} | {row['growth_mb'] / megabytes:.1f} | {row['sections']} | {row['questions']} | "
            f"{'line {} {!r}'.format(*row['lost']) if row['lost'] else 'none'} |"
        )


if __name__ == "__main__":
    main()
