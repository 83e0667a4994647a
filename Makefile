# The README's two commands are `make serve` and `make test`; each installs what it needs.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
VOILA_PORT ?= 8866

.PHONY: serve test build voila lab bench report manifest clean goldens

$(VENV)/installed.stamp: requirements.txt pyproject.toml $(wildcard theme/jupyter/*.json theme/jupyter/voila/templates/dpup/*) voila.json
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The test tools, on top of the toolkit's own requirements.
$(VENV)/dev-installed.stamp: requirements-dev.txt $(VENV)/installed.stamp
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/installed.stamp: package.json package-lock.json
	command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Debian's Chromium, for the browser tests (Playwright drives it; it never downloads a browser).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

# Executed notebooks embed the widget's front-end and checklist data, but the execution cache
# only notices changes to a notebook's own code: when the engine or a checklist changes, start
# the notebooks (and the pages that embed them) afresh. The navigator embeds what each case study
# says it fits (its `case_study:` metadata), so a changed case study counts too.
# Sphinx also copies theme/site-root/ only when it writes pages, and not over older copies.
_build/engine.stamp: $(wildcard src/dpup_toolkit/* src/dpup_toolkit/*/*) $(wildcard checklists/*.yml) $(wildcard case_studies/*.md case_studies/*.ipynb) $(wildcard theme/*/* theme/*/*/*)
	rm -rf _build/.jupyter_cache _build/.doctrees _build/html/widgets
	mkdir -p _build && touch $@

# Sphinx re-reads only the pages that changed, but every page's sidebar comes from _toc.yml: when
# it changes, every page is read and written again (notebooks still come from the execution cache).
_build/toc.stamp: _toc.yml
	rm -rf _build/.doctrees
	mkdir -p _build && touch $@

# The widget's one module for JupyterLab and Voila, bundled by esbuild and committed in the package
# (people who pip install it have no Node): written again whenever its source changes.
WIDGET := src/dpup_toolkit/widget
$(WIDGET)/checklist.bundle.js: $(filter-out $(WIDGET)/checklist.bundle.js,$(wildcard $(WIDGET)/*.js)) src/dpup_toolkit/shared.json node_modules/installed.stamp
	python3 $(WIDGET)/front_end.py

# esbuild (node_modules) bundles and minifies the widget's modules and our own scripts in the built site.
build: $(VENV)/installed.stamp node_modules/installed.stamp $(WIDGET)/checklist.bundle.js _build/engine.stamp _build/toc.stamp
	$(BIN)/jupyter-book build . -W -n --keep-going

serve: build
	@echo "The toolkit is at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it)"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html $(PORT)

voila: $(VENV)/installed.stamp
	$(BIN)/voila checklists/ --no-browser --port=$(VOILA_PORT) --Voila.ip=127.0.0.1

# Tests run in one worker per core (`make test WORKERS=4` to try more). A file's tests stay in one
# worker (--dist loadfile): a notebook's cells share one kernel and a module's servers start once;
# tests/schedule.py spreads the big files of independent page checks and starts the longest setups
# first. (xdist's loadgroup does not group anything under pytest 9, so it is not used.)
WORKERS ?= auto
test: build $(VENV)/dev-installed.stamp node_modules/installed.stamp /usr/bin/chromium
	$(BIN)/pytest -n $(WORKERS) --dist loadfile --durations=15

clean:
	rm -rf _build

bench: $(VENV)/dev-installed.stamp /usr/bin/chromium
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_voila.py

lab: $(VENV)/installed.stamp
	$(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 checklists/

# Plain-language figures per page (average sentence length).
report: build
	$(BIN)/python -m dpup_toolkit.engine.plain_language _build/html

# Refresh the committed list of public URLs and anchors after adding pages or sections on purpose.
manifest: build $(VENV)/dev-installed.stamp
	$(BIN)/python -m tests.site_manifest --update

# Write the golden records (tests/golden/) again, from Python and from the browser's code in Node,
# after an intended change to the records; review the change as a git diff.
goldens: $(VENV)/dev-installed.stamp node_modules/installed.stamp
	$(BIN)/python -m tests.goldens
