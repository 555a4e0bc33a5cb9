"""Parsing speed: MB/s of parsing alone and of parsing and rendering the briefing pages, this tree's code side
by side with an earlier commit's, on the same synthetic corpus, in one run.

``python -m bench.parsing --count 100 --vocabulary realistic --baseline 2314eef`` writes the corpus with
:mod:`bench.synth` (``bench/out/parsing/corpus-…``), exports the baseline commit's ``converter/`` with
``git archive`` (``bench/out/parsing/code-<commit>/``) and then, for each round, runs one child process per
code version, alternating, each in a single process on one core: it parses every transcript
(``parse_file``: decoding, normalising, classifying, aligning, assembling) and then renders every briefing's
page. The child reports CPU time (``time.process_time``: what the process itself used, so that other work on
a shared machine counts less than it would in wall time) and wall time. The table gives the median of the
rounds, in MB of transcript per second, and the ratio of this tree's speed to the baseline's; the JSON of
every round goes to ``bench/out/parsing/results-….json``. Nothing here gates anything on a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "parsing"
# Where the briefing page's renderer lives, in the order the package's layouts have had it.
_RENDERERS = (("converter.render", "briefing_page"), ("converter.pages.briefing", "briefing_page"),
              ("converter.pages", "briefing_page"))
STAGES = ("parse", "render", "parse+render")


def child(corpus: Path, blocked: list[str]) -> dict[str, Any]:
    """Parse every transcript of ``corpus``, then render every page; CPU and wall seconds of each stage.

    Runs in a process whose ``converter`` package is the code under test (``PYTHONPATH``); it imports
    nothing else of this project. ``blocked`` modules cannot be imported (as if not installed).
    """
    import importlib
    import time

    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError

    from converter.parse import parse_file

    render = None
    for module_name, name in _RENDERERS:
        try:
            render = getattr(importlib.import_module(module_name), name)
            break
        except (ImportError, AttributeError):
            continue
    if render is None:
        raise SystemExit("no briefing page renderer found in " + ", ".join(m for m, _ in _RENDERERS))
    paths = sorted(corpus.glob("*.txt"))
    size = sum(path.stat().st_size for path in paths)
    for path in paths:
        path.read_bytes()  # into the page cache: the files are read again inside the timed parse
    cpu, wall = time.process_time(), time.perf_counter()
    briefings = [parse_file(path) for path in paths]
    parse_cpu, parse_wall = time.process_time() - cpu, time.perf_counter() - wall
    cpu, wall = time.process_time(), time.perf_counter()
    pages = [render(briefing) for briefing in briefings]
    render_cpu, render_wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "files": len(paths), "bytes": size, "page_bytes": sum(len(page.encode()) for page in pages),
        "code": str(Path(importlib.import_module("converter").__file__ or "").parent),
        # Which Snowball build stemmed: 'Stemmer' (PyStemmer, C) or 'snowballstemmer.…' (pure Python).
        "stemmer": type(importlib.import_module("snowballstemmer").stemmer("english")).__module__,
        "parse": {"cpu": parse_cpu, "wall": parse_wall},
        "render": {"cpu": render_cpu, "wall": render_wall},
        "parse+render": {"cpu": parse_cpu + render_cpu, "wall": parse_wall + render_wall},
    }


def _corpus(count: int, vocabulary: str, seed: int) -> Path:
    from bench import synth

    folder = OUT / f"corpus-{count}-{vocabulary}-{seed}"
    if not (folder / ".complete").exists():
        synth.write_corpus(count, folder, seed, vocabulary)
        (folder / ".complete").write_text("")
    return folder


def _baseline_code(revision: str) -> tuple[str, Path]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", f"{revision}^{{commit}}"], cwd=ROOT, check=True, capture_output=True,
        text=True,
    ).stdout.strip()
    folder = OUT / f"code-{commit}"
    if not (folder / "converter").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", commit, "converter"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return commit, folder


def _run_child(code: Path, corpus: Path, blocked: list[str]) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": str(code), "PYTHONDONTWRITEBYTECODE": "1"}
    blocks = [argument for name in blocked for argument in ("--block", name)]
    done = subprocess.run(
        [sys.executable, "-P", str(Path(__file__).resolve()), "--child", str(corpus), *blocks], env=environment,
        check=True, capture_output=True, text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    if Path(result["code"]).resolve() != (code / "converter").resolve():
        raise SystemExit(f"expected the code of {code}, got {result['code']}")
    return result


def _rate(result: dict[str, Any], stage: str, clock: str) -> float:
    return float(result["bytes"]) / 1e6 / float(result[stage][clock])


def table(runs: dict[str, list[dict[str, Any]]], baseline: str) -> str:
    """A Markdown table: median MB/s per stage (CPU and wall), each version, and the ratio to the baseline."""
    first = runs[baseline][0]
    lines = [
        f"{first['files']} transcripts, {first['bytes'] / 1e6:.1f} MB; median of {len(runs[baseline])} rounds",
        "",
        "| stage | clock | " + " | ".join(f"{name} ({runs[name][0]['stemmer']})" for name in runs) + " | ratio |",
        "| --- | --- | " + " | ".join("---:" for _ in runs) + " | ---: |",
    ]
    current = next(name for name in runs if name != baseline)
    for stage in STAGES:
        for clock in ("cpu", "wall"):
            rates = {name: statistics.median(_rate(r, stage, clock) for r in results) for name, results in runs.items()}
            cells = " | ".join(f"{rates[name]:.2f} MB/s" for name in runs)
            lines.append(f"| {stage} | {clock} | {cells} | {rates[current] / rates[baseline]:.1f}x |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="synthetic transcripts (default 100)")
    parser.add_argument("--vocabulary", choices=("seeds", "realistic"), default="realistic")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--baseline", default="main", help="the commit to compare with (default main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-without", default="Stemmer", metavar="MODULES",
                        help="modules the baseline runs without, comma-separated (default: Stemmer, PyStemmer's "
                             "module, which the project added after 2314eef); '' for none")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--block", action="append", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(child(args.child, args.block), sys.stdout)
        return
    corpus = _corpus(args.count, args.vocabulary, args.seed)
    commit, baseline_code = _baseline_code(args.baseline)
    without = [name for name in args.baseline_without.split(",") if name]
    names = {f"baseline {commit}": (baseline_code, without), "this tree": (ROOT, [])}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for round_number in range(args.rounds):
        for name, (code, blocked) in names.items():
            runs[name].append(_run_child(code, corpus, blocked))
            rate = _rate(runs[name][-1], "parse+render", "cpu")
            print(f"round {round_number + 1}: {name}: {rate:.2f} MB/s parse+render (CPU)", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    results = OUT / f"results-{args.count}-{args.vocabulary}-{commit}.json"
    results.write_text(json.dumps(runs, indent=1))
    print(table(runs, f"baseline {commit}"))


if __name__ == "__main__":
    main()
