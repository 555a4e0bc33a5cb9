# The README's commands. Each target sets up what it needs on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# axe-core for the browser tests' accessibility checks, pinned in package.json and package-lock.json.
AXE := node_modules/axe-core/axe.min.js
CHROMIUM ?= /usr/bin/chromium
# Material prints a banner about its successor on every build; it is not a warning about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint bench chromium clean ledger

# Create the virtual environment and install the pinned packages (again only when they change).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

## site: convert corpus/ into docs/ and build site/ with `mkdocs build --strict` (the briefings plugin converts)
site: $(STAMP)
	$(BIN)/mkdocs build --strict

## serve: serve the site on http://127.0.0.1:8000, converting again and re-rendering the changed pages when corpus/ changes
# --no-strict: a dirty build always warns that other pages' navigation may be stale, which strict mode would
# turn into an abort; problems with a transcript are still logged as errors.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --no-strict

## test: set everything up (venv, packages, axe-core, Chromium), check the ledger is up to date, and run every test
test: $(STAMP) chromium $(AXE)
	$(BIN)/briefings ledger corpus --check
	$(BIN)/python -m pytest -n 2

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(AXE)

## ledger: record the anchors corpus/ publishes in anchors.lock; review the diff and commit it with the transcripts
ledger: $(STAMP)
	$(BIN)/briefings ledger corpus

lint: $(STAMP)
	$(BIN)/ruff check converter tests bench
	$(BIN)/mypy

## bench: run the benchmarks under bench/ (never part of `make test`)
bench: $(STAMP) chromium
	$(BIN)/python -m bench

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
chromium:
	@test -x $(CHROMIUM) || sh .ci/install-chromium

clean:
	rm -rf site .cache/briefings docs/briefings docs/speakers docs/topics docs/data docs/index.md docs/data.md docs/feed.xml docs/atom.xml
