"""The build benchmark of docs/dev/performance.md: the site's build against plain Material, side by side.

In one run, on one synthetic corpus (bench/synth.py), it times and measures:

- **plain Material**: one Markdown page per transcript holding the transcript's text, built by Material with
  ``navigation.prune`` and no plugins: what MkDocs itself costs for the archive's text;
- **cold**: ``mkdocs build --strict`` with the project's mkdocs.yml (what ``make site`` runs), no cache;
- **warm**: the same again after one new transcript is added, with the cache the cold build left.

For each: seconds, peak resident memory (of the largest single process, and of the build with every worker
process it runs at the same moment, sampled from ``/proc`` four times a second), the site's size. The ratios to plain
Material are what to read (this machine is shared and noisy); the results go to bench/out/build-<size>.json
and, as a Markdown table, to standard output. It never gates anything on a time.

    python -m bench.build --size 1000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import yaml

from bench import synth
from bench.search import BIN, OUT, ROOT, folder_size, measured
from converter.pages.markdown import escape

GENERATED = ("briefings", "index.md", "speakers", "topics", "data", "data.md", "feed.xml", "atom.xml")


def plain_material(corpus: Path, work: Path) -> None:
    """A Material site of one page per transcript (the text as paragraphs), navigation pruned, no plugins."""
    docs = work / "docs"
    for transcript in sorted(corpus.glob("*.txt")):
        lines = [line.strip() for line in transcript.read_text(encoding="utf-8").splitlines() if line.strip()]
        page = docs / "briefings" / transcript.stem[:4] / f"{transcript.stem}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# {escape(lines[0])}\n\n" + "\n\n".join(escape(line) for line in lines[1:]) + "\n",
                        encoding="utf-8")
    (docs / "index.md").write_text("# Briefings\n", encoding="utf-8")
    config = {
        "site_name": "Briefings", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "font": False, "features": ["navigation.indexes", "navigation.prune"]},
        "plugins": [],
    }
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def project(corpus: Path, work: Path) -> None:
    """The project as it is (mkdocs.yml, overrides, static docs) with its own copy of ``corpus``."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns(*GENERATED, "dev"))
    shutil.copytree(corpus, work / "corpus")


def _descendants_rss(root: int) -> int:
    """The resident memory, in bytes, of every process under process ``root`` (Linux's /proc)."""
    parents: dict[int, int] = {}
    sizes: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        sizes[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid, size in sizes.items():
        ancestor = pid
        while ancestor not in (0, 1, root):
            ancestor = parents.get(ancestor, 0)
        if ancestor == root and pid != root:
            total += size
    return total


class TreePeak:
    """Samples the memory of this process's children, all together, while it is entered: ``peak`` in MB."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, _descendants_rss(os.getpid()) / 2**20)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(name: str, work: Path, transcripts: int) -> dict[str, Any]:
    with TreePeak() as tree:
        seconds, peak, _ = measured([str(BIN / "mkdocs"), "build", "--quiet"], work)
    site_bytes, site_files = folder_size(work / "site")
    largest = max((page.stat().st_size for page in (work / "site").rglob("*.html")), default=0)
    print(f"{name}: {seconds:.1f} s, {peak:.0f} MB peak ({tree.peak:.0f} MB all processes), "
          f"site {site_bytes / 1e6:.1f} MB in {site_files} files, largest page {largest / 1e3:.0f} kB", flush=True)
    return {"name": name, "seconds": seconds, "peak_mb": peak, "tree_peak_mb": tree.peak, "site_bytes": site_bytes,
            "site_files": site_files, "transcript_bytes": transcripts, "largest_page": largest}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="number of briefings")
    args = parser.parse_args(argv)
    size = args.size
    root = OUT / f"build-{size}"
    shutil.rmtree(root, ignore_errors=True)
    corpus = root / "corpus"
    synth.write_corpus(size, corpus)
    extra = root / "extra"
    # One more transcript, dated after the corpus (another seed, the next free date).
    (new,) = synth.write_corpus(1, extra, seed=size + 1)
    text_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    rows = []
    plain = root / "material"
    plain.mkdir()
    plain_material(corpus, plain)
    rows.append(run("plain Material", plain, text_bytes))
    site = root / "site"
    site.mkdir()
    project(corpus, site)
    rows.append(run("make site, cold", site, text_bytes))
    target = site / "corpus" / f"new-{new.name}"
    shutil.copy(new, target)
    rows.append(run("make site, warm, one transcript added", site, text_bytes + target.stat().st_size))
    (OUT / f"build-{size}.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(table(rows, size))


def table(rows: list[dict[str, Any]], size: int) -> str:
    base = rows[0]["seconds"]
    lines = [
        f"| {size:,} briefings | seconds | × plain Material | peak memory (largest process) | peak memory (all "
        "processes) | site | × transcripts | largest page |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['seconds']:.0f} | {row['seconds'] / base:.2f} | {row['peak_mb']:.0f} MB | "
            f"{row.get('tree_peak_mb', 0):.0f} MB | "
            f"{row['site_bytes'] / 1e6:.0f} MB | {row['site_bytes'] / row['transcript_bytes']:.2f} | "
            f"{row.get('largest_page', 0) / 1e3:.0f} kB |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
