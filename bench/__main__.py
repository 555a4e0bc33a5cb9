"""``python -m bench`` (``make bench``): the search benchmark of docs/dev/performance.md.

For each size it writes a synthetic corpus, times the conversion, builds the site once per search engine
(Material's own search, Pagefind, the site's own), and measures each search in headless Chromium, cold and
warm, for the queries of :data:`bench.search.QUERIES`. Results go to bench/out/results-<sizes>.json and, as a
Markdown table, to standard output. It never gates anything on a time.

    python -m bench --sizes 100,300 --engines ours,pagefind --timeout 300
"""

from bench.search import main

main()
