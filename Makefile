# Everything runs from a local virtual environment in .venv, created from
# requirements.lock the first time a target needs it and recreated whenever the
# lock file changes. Only Python 3.11+ and make are needed on the machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
# uv is only needed to regenerate the lock file, never to install from it.
UV_VERSION := 0.13.9

# Material prints an end-of-life notice on every run; the pin and its end date
# are tracked in ../shared/DESIGN.md §4.14, so authors need not read it each time.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test check new-post new-talk bench bench-preview lint lock clean

help:
	@echo "make serve   live preview at http://127.0.0.1:8000 (drafts and scheduled essays shown, marked)"
	@echo "make test    run the test suite"
	@echo "make build   strict build of the published site into site/"
	@echo "make check   check every essay, talk and data file as the build does, in a moment"
	@echo 'make new-post TITLE="…" LANG=sv   start posts/<slug>.sv.md (make new-talk: talks/)'
	@echo "make bench   build speed at 30, 300 and 1000 essays per language against Markdown alone (minutes)"
	@echo "make bench-preview   seconds from saving an essay to seeing it in the preview's browser (300 per language)"
	@echo "make lint    ruff over hooks/, tests/ and benchmarks/"
	@echo "make lock    re-resolve pyproject.toml into requirements.lock"
	@echo "make clean   remove .venv, site/ and caches"

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0] + ". Run make PYTHON=python3.12 (or similar).")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Build into a scratch folder and swap it in only when the strict build
# succeeded: a failed build leaves the previous site/ exactly as it was. The
# previous site/ becomes the next scratch folder, which the next build writes
# over in place (hooks/inplace.py): deleting a site is slow on many disks.
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir .site-building
	rm -rf .site-previous
	if [ -d site ]; then mv site .site-previous; fi
	mv .site-building site
	if [ -d .site-previous ]; then mv .site-previous .site-building; fi
	@echo "Built site/ ($$(find site -name index.html | wc -l) pages)."

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(STAMP)
	@$(BIN)/python hooks/sitecheck.py

# LANG is also the environment's locale (LANG=C.UTF-8): only a LANG given on the
# command line counts here.
new-post new-talk: $(STAMP)
	@if [ "$(origin LANG)" != "command line" ]; then \
		echo 'usage: make $@ TITLE="…" LANG=nb   (LANG is one of the site languages)' >&2; exit 2; fi
	@$(BIN)/python hooks/scaffold.py $(subst new-,,$@) "$(TITLE)" "$(LANG)"

# Not part of `make test`: it generates and builds sites of up to 3000 essays.
# BENCH_ARGS="--sizes 300 --runs 5" to measure one size more often.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# Needs Debian's Chromium. PREVIEW_ARGS="--size 1000 --saves 10" for more.
bench-preview: $(STAMP)
	$(BIN)/python benchmarks/preview.py $(PREVIEW_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/ruff format --check hooks tests benchmarks

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --output-file requirements.lock
	$(BIN)/python -m pip uninstall --quiet --yes uv

clean:
	rm -rf $(VENV) site .site-building .site-previous .pytest_cache .ruff_cache
