"""The search benchmark: conversion, site builds and searches for Material's search, Pagefind and ours.

Sites are built in bench/out/<size>/<engine>/ from the same synthetic corpus (bench/synth.py) with the
project's mkdocs.yml, changed only in its search plugins. They are served from 127.0.0.1 the way GitHub Pages
serves them (gzip for text files, ``Cache-Control: max-age=600``), and the server counts the bytes it sends.
A cold search is a new browser profile opening the start page and typing the query; a warm one is the same
profile opening the page again (its cache holds what the first search loaded) and typing it again.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from bench import synth

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
ENGINES = ("material", "pagefind", "ours")
# A cold search slower than this (seconds) gets no warm run.
SLOW = 60.0
CHROMIUM = os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    # Titles of items or Q&A topics one of which should be among the first ten results
    expected: tuple[str, ...]


# Each expected item is in the seeds (tests/fixtures/seeds), so in every synthetic corpus that draws it.
QUERIES = (
    Query("one word", "Greenland", (
        "Violations of the rights of indigenous people in Greenland by Denmark and the USA",
    )),
    Query("two words", "Japanese centres", ("Japanese centres in Russia",)),
    # The items about the United States: the two whose titles hold the phrase.
    Query("phrase with a stop word", '"the United States"', (
        "Russia’s expectations of relations with the United States",
        "Russia and China’s policies towards the United States",
    )),
    Query("rare word", "Berezina", ("France’s plans to mobilise young volunteers",)),
)



# --- building ------------------------------------------------------------------------------------------


def measured(command: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run ``command``; returns (seconds, peak resident MB of it and its children, the result)."""
    wrapper = (
        "import resource, subprocess, sys, json\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
        "print(json.dumps([r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]), file=sys.stderr)\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True,
                            env=env, check=False)
    seconds = time.perf_counter() - started
    code, peak_kb = json.loads(result.stderr.strip().splitlines()[-1])
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({code}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return seconds, peak_kb / 1024, result


def corpus(size: int) -> Path:
    folder = OUT / f"corpus-{size}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        synth.write_corpus(size, folder)
    return folder


def mkdocs_config(engine: str) -> dict[str, Any]:
    """The project's mkdocs.yml with the engine's search plugins (the rest as it is)."""
    config: dict[str, Any] = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # reads !ENV
    plugins = [p for p in config["plugins"] if _name(p) not in ("search", "briefings-search")]
    if engine == "ours":
        plugins += ["search", "briefings-search"]
    elif engine == "material":
        plugins += [{"search": {"lang": "en"}}]
    config["plugins"] = plugins  # pagefind: no search plugin (Pagefind indexes the built site)
    config["strict"] = False
    return config


def _name(plugin: Any) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


@dataclass
class Build:
    engine: str
    size: int
    seconds: float
    peak_mb: float
    site_bytes: int
    site_files: int
    index_bytes: int
    index_files: int
    index_seconds: float = 0.0  # Pagefind's own run, after MkDocs


def build(engine: str, size: int, source: Path) -> Build:
    work = OUT / str(size) / engine
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs_config(engine), sort_keys=False), encoding="utf-8")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    generated = ("briefings", "index.md", "speakers", "topics", "data", "data.md", "feed.xml", "atom.xml")
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns(*generated, "dev"))
    (work / "corpus").symlink_to(source.resolve())
    seconds, peak, _ = measured([str(BIN / "mkdocs"), "build", "--quiet"], work)
    site = work / "site"
    index_seconds = 0.0
    if engine == "pagefind":
        index_seconds, pagefind_peak, _ = measured(
            [sys.executable, "-m", "pagefind", "--site", "site", "--root-selector", "article", "--quiet"], work)
        peak = max(peak, pagefind_peak)
        (site / "bench-pagefind.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    index = {"ours": site / "assets" / "search" / "index", "material": site / "search",
             "pagefind": site / "pagefind"}[engine]
    site_bytes, site_files = folder_size(site)
    index_bytes, index_files = folder_size(index)
    return Build(engine, size, seconds, peak, site_bytes, site_files, index_bytes, index_files, index_seconds)


# Pagefind's own search UI on a page of its own (it has no MkDocs integration).
PAGEFIND_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="pagefind/pagefind-ui.css" rel="stylesheet"><script src="pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>
window.addEventListener("DOMContentLoaded", () => new PagefindUI({ element: "#search", showSubResults: true }));
</script></body></html>
"""


def convert(size: int, source: Path) -> dict[str, float]:
    """``briefings build``: the conversion alone (parse, render, verify, write), as MkDocs runs it first."""
    docs = OUT / str(size) / "convert-docs"
    shutil.rmtree(docs, ignore_errors=True)
    seconds, peak, _ = measured([str(BIN / "briefings"), "build", str(source), str(docs)], ROOT)
    megabytes = sum(p.stat().st_size for p in source.glob("*.txt")) / 1e6
    markdown = sum(p.stat().st_size for p in docs.rglob("*.md")) / 1e6
    shutil.rmtree(docs, ignore_errors=True)
    return {"seconds": seconds, "peak_mb": peak, "corpus_mb": megabytes, "markdown_mb": markdown,
            "briefings_per_s": size / seconds, "mb_per_s": megabytes / seconds}


# --- serving -------------------------------------------------------------------------------------------


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[float, str, int]] = []

    def add(self, path: str, count: int) -> None:
        with self.lock:
            self.sent.append((time.perf_counter(), path, count))

    def since(self, start: float, until: float | None = None, prefix: tuple[str, ...] = ()) -> int:
        with self.lock:
            return sum(n for t, p, n in self.sent
                       if t >= start and (until is None or t <= until) and (not prefix or p.startswith(prefix)))


_COMPRESSIBLE = (".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".map")


class PagesHandler(SimpleHTTPRequestHandler):
    """GitHub Pages, roughly: gzip for text files when the browser asks, ten minutes of caching."""

    counter: Counter
    cache: dict[str, bytes]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.name.endswith(_COMPRESSIBLE) and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = self.cache.get(str(path))
            if body is None:
                body = self.cache[str(path)] = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.counter.add(self.path, len(body))
            return
        super().do_GET()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        self.counter.add(self.path, len(data))


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, Counter]]:
    counter = Counter()
    handler = type("Handler", (PagesHandler,), {"counter": counter, "cache": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counter
    finally:
        server.shutdown()
        server.server_close()


# --- searching -----------------------------------------------------------------------------------------


@dataclass
class Search:
    engine: str
    size: int
    query: str
    run: str  # cold or warm
    seconds: float | None  # typing the query -> the first result on screen; None: none within the timeout
    total_bytes: int  # everything sent from opening the page until then
    search_bytes: int  # of which the search's own files
    found: bool  # the expected item is among the first ten results
    results: str = ""  # the engine's count line
    heap_mb: float = 0.0
    note: str = ""
    load_seconds: float = 0.0  # opening the page until its load event (before the query is typed)


# Per engine: start page, search box, a result on screen, the elements holding result titles, own files.
UI = {
    "ours": ("", "[data-briefings-search-query]", ".md-search-result__item",
             ".md-search-result__item h2", ("/assets/search/",), ".md-search-result__meta"),
    "material": ("", ".md-search__input", ".md-search-result__item",
                 ".md-search-result__item h1, .md-search-result__item h2",
                 ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/"), ".md-search-result__meta"),
    "pagefind": ("bench-pagefind.html", ".pagefind-ui__search-input", ".pagefind-ui__result",
                 ".pagefind-ui__result-title", ("/pagefind/",), ".pagefind-ui__message"),
}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def search_once(page: Any, base: str, counter: Counter, engine: str, query: Query, run: str, size: int,
                timeout: float) -> Search:
    start_page, box, result, titles, own, meta = UI[engine]
    opened = time.perf_counter()
    page.goto(base + start_page, wait_until="load", timeout=timeout * 1000)
    page.locator(box).first.wait_for(state="attached")
    if engine == "material":
        page.locator(box).click()
    else:
        page.locator(box).focus()
    typed = time.perf_counter()
    if engine == "material":
        # Material answers "No matching documents" to a query typed before its index is built, and does not
        # ask again: wait for it to be ready, and count the wait as part of the time to the first result.
        page.wait_for_function(
            "m => !/^Initializing/i.test((document.querySelector(m) || {}).innerText || '')",
            arg=meta, timeout=timeout * 1000, polling=100)
    page.locator(box).fill(query.text)
    page.locator(box).press("End")  # a keyup too: Material reads the query on keyup, not on input
    seconds: float | None
    note = ""
    try:
        page.wait_for_function(
            """([result, meta]) => {
                const r = document.querySelector(result), m = document.querySelector(meta);
                const nothing = /^(No matching|No results|Only common)/i;
                return (r && r.offsetParent !== null) || (m && nothing.test(m.innerText));
            }""", arg=[result, meta], timeout=timeout * 1000, polling=50)
        seconds = time.perf_counter() - typed
        if not page.locator(result).first.is_visible():
            note = page.locator(meta).first.inner_text().strip()
            seconds = None
    except Exception as error:  # Playwright's TimeoutError
        seconds = None
        note = f"no result within {timeout:.0f} s ({type(error).__name__})"
    shown = time.perf_counter()
    total = counter.since(opened, shown)
    own_bytes = counter.since(opened, shown, own)
    found = False
    count_line = ""
    if seconds is not None:
        page.wait_for_timeout(300)  # let the first page of results settle (Pagefind fills them in one by one)
        texts = [_normal(t) for t in page.locator(titles).all_inner_texts()[:40]]
        found = any(_normal(e) in t for e in query.expected for t in texts[:30])
        count_line = page.locator(meta).first.inner_text() if page.locator(meta).count() else ""
    heap = 0.0
    try:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        heap = metrics.get("JSHeapUsedSize", 0) / 1e6
        cdp.detach()
    except Exception:
        pass
    return Search(engine, size, query.name, run, seconds, total, own_bytes, found, count_line.strip(), heap, note,
                  typed - opened)


def searches(engine: str, size: int, site: Path, timeout: float, queries: tuple[Query, ...],
             runs: tuple[str, ...] = ("cold", "warm")) -> list[Search]:
    from playwright.sync_api import sync_playwright

    found: list[Search] = []
    with serve(site) as (base, counter), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for query in queries:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                for run in runs:
                    outcome = search_once(page, base, counter, engine, query, run, size, timeout)
                    found.append(outcome)
                    print(f"  {engine:8} {size:5} {query.name:24} {run}: "
                          f"{_seconds(outcome.seconds)}, {outcome.search_bytes / 1e3:,.0f} kB of search files, "
                          f"found={outcome.found} {outcome.results!r} {outcome.note}", flush=True)
                    if outcome.seconds is None or outcome.seconds > SLOW:
                        break  # a warm run would wait as long again (Material builds its index on every load)
                context.close()
        finally:
            browser.close()
    return found


def _seconds(value: float | None) -> str:
    return "—" if value is None else (f"{value * 1000:.0f} ms" if value < 10 else f"{value:.0f} s")


# --- report --------------------------------------------------------------------------------------------


def _mb(count: float) -> str:
    return f"{count / 1e6:,.1f} MB" if count >= 1e6 else f"{count / 1e3:,.0f} kB"


def table(conversions: dict[int, dict[str, float]], builds: list[Build], runs: list[Search]) -> str:
    lines = ["| briefings | conversion | corpus | throughput |", "| ---: | ---: | ---: | ---: |"]
    for size, c in sorted(conversions.items()):
        lines.append(f"| {size} | {c['seconds']:.1f} s, {c['peak_mb']:.0f} MB peak | {c['corpus_mb']:.1f} MB "
                     f"→ {c['markdown_mb']:.1f} MB Markdown | {c['briefings_per_s']:.1f} briefings/s, "
                     f"{c['mb_per_s']:.2f} MB/s |")
    lines += ["", "| briefings | engine | site build | peak memory | site | search index |",
              "| ---: | --- | ---: | ---: | ---: | ---: |"]
    for b in sorted(builds, key=lambda b: (b.size, ENGINES.index(b.engine))):
        extra = f" + {b.index_seconds:.1f} s Pagefind" if b.index_seconds else ""
        lines.append(f"| {b.size} | {b.engine} | {b.seconds:.1f} s{extra} | {b.peak_mb:,.0f} MB | "
                     f"{_mb(b.site_bytes)}, {b.site_files:,} files | {_mb(b.index_bytes)}, {b.index_files:,} files |")
    lines += ["", "| briefings | query | engine | cold: first result (page load before it) | "
              "cold: search bytes (all bytes) | warm: first result | warm: search bytes | expected item shown | "
              "results |",
              "| ---: | --- | --- | ---: | ---: | ---: | ---: | :---: | --- |"]
    keyed = {(r.size, r.query, r.engine, r.run): r for r in runs}
    for size in sorted({r.size for r in runs}):
        for query in QUERIES:
            for engine in ENGINES:
                cold = keyed.get((size, query.name, engine, "cold"))
                if cold is None:
                    continue
                warm = keyed.get((size, query.name, engine, "warm"))
                lines.append(
                    f"| {size} | {query.name} (`{query.text}`) | {engine} | {_seconds(cold.seconds)}"
                    f"{f' ({_seconds(cold.load_seconds)})' if cold.load_seconds else ''} | "
                    f"{_mb(cold.search_bytes)} ({_mb(cold.total_bytes)}) | "
                    f"{_seconds(warm.seconds) if warm else '—'} | {_mb(warm.search_bytes) if warm else '—'} | "
                    f"{'yes' if cold.found else 'no'} | {cold.results or cold.note} |")
    return "\n".join(lines)


def report(paths: list[Path]) -> str:
    """One table of several runs' results; a later run's measurement replaces an earlier one's."""
    conversions: dict[int, dict[str, float]] = {}
    builds: dict[tuple[int, str], Build] = {}
    runs: dict[tuple[int, str, str, str], Search] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        conversions.update({int(k): v for k, v in data["conversions"].items()})
        builds.update({(b["size"], b["engine"]): Build(**b) for b in data["builds"]})
        runs.update({(r["size"], r["engine"], r["query"], r["run"]): Search(**r) for r in data["searches"]})
    return table(conversions, list(builds.values()), list(runs.values()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000", help="numbers of briefings, comma-separated")
    parser.add_argument("--engines", default=",".join(ENGINES), help="material, pagefind, ours")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for a first result")
    parser.add_argument("--reuse", action="store_true", help="search the sites built by an earlier run")
    parser.add_argument("--queries", default="", help="numbers of the queries to run (1-4), comma-separated")
    parser.add_argument("--cold-only", action="store_true", help="no warm runs (Material at 1,000 takes minutes)")
    parser.add_argument("--report", action="store_true",
                        help="print one table of every bench/out/results-*.json (later files win) and stop")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    queries = tuple(QUERIES[int(n) - 1] for n in args.queries.split(",")) if args.queries else QUERIES
    engines = [e.strip() for e in args.engines.split(",")]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"--engines: expected some of {', '.join(ENGINES)}, got {', '.join(sorted(unknown))}")
    if args.report:
        print(report(sorted(OUT.glob("results-*.json"), key=lambda p: p.stat().st_mtime)))
        return
    conversions: dict[int, dict[str, float]] = {}
    builds: list[Build] = []
    runs: list[Search] = []
    results = OUT / f"results-{'-'.join(map(str, sizes))}-{'-'.join(engines)}.json"
    for size in sizes:
        source = corpus(size)
        if not args.reuse:
            conversions[size] = convert(size, source)
            print(f"{size}: conversion {conversions[size]['seconds']:.1f} s", flush=True)
        for engine in engines:
            if not args.reuse:
                builds.append(build(engine, size, source))
                print(f"{size}: {engine} built in {builds[-1].seconds:.1f} s", flush=True)
            runs += searches(engine, size, OUT / str(size) / engine / "site", args.timeout, queries,
                             ("cold",) if args.cold_only else ("cold", "warm"))
            results.write_text(json.dumps({"conversions": conversions, "builds": [asdict(b) for b in builds],
                                           "searches": [asdict(r) for r in runs]}, indent=1), encoding="utf-8")
    print()
    print(table(conversions, builds, runs))
    print(f"\n(also in {results.relative_to(ROOT)})")


