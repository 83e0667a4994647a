# The README's two commands are `make serve` and `make test`; each installs what it needs.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
VOILA_PORT ?= 8866

.PHONY: serve test test-fast build voila lab bench bench-hosting report manifest clean goldens lock

# Every Python package at the version and hash in the lock files (`make lock` refreshes them from
# requirements.txt, requirements-dev.txt and pyproject.toml), then the toolkit itself. Debian
# keeps venv's pip out of its python3 package: python3-venv brings it where it is missing.
$(VENV)/installed.stamp: requirements.lock pyproject.toml $(wildcard theme/jupyter/*.json theme/jupyter/voila/templates/dpup/*) voila.json
	python3 -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The test tools, on top of the toolkit's own requirements.
$(VENV)/dev-installed.stamp: requirements-dev.lock $(VENV)/installed.stamp
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

# The lock files, resolved anew: requirements-dev.lock starts from requirements.lock, so the two
# agree on every package they share. Binder installs from requirements.txt's pins.
LOCK := .venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock:
	python3 -m venv .venv-lock && .venv-lock/bin/pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	rm -f requirements.lock && $(LOCK) -o requirements.lock requirements.txt
	cp requirements.lock requirements-dev.lock && $(LOCK) -o requirements-dev.lock requirements-dev.txt
	# the toolkit itself is installed apart (pip install --no-deps -e .): no path of this machine in the locks
	sed -i -e '/^# WARNING: pip install will require/,+1d' -e '/^-e /,+1d' requirements.lock requirements-dev.lock

# Node as new as package.json's "engines" asks (npm itself only warns).
NODE_CHECK := const [need, have] = [require("./package.json").engines.node.slice(2), process.versions.node].map((v) => v.split(".").map(Number)); \
	if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) { console.error(`Node $${process.versions.node} is older than the $${need.join(".")} package.json needs`); process.exit(1); }
# The build and the tests need only package.json's "dependencies"; Lighthouse (a devDependency,
# about 185 MB) is installed by `make bench` alone. A full install is also a build install.
NPM_CI := npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
node_modules/installed.stamp: package.json package-lock.json
	command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	node -e '$(NODE_CHECK)'
	$(NPM_CI) --omit=dev
	touch $@
node_modules/bench-installed.stamp: package.json package-lock.json node_modules/installed.stamp
	$(NPM_CI)
	touch node_modules/installed.stamp $@

# Debian's Chromium, for the browser tests (Playwright drives it; it never downloads a browser).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

# Executed notebooks embed the widget's front-end and checklist data, but the execution cache
# only notices changes to a notebook's own code: when the engine, a checklist, a case study (the
# navigator embeds what each says it fits), the theme or a locked package changes, start the
# notebooks (and the pages that embed them) afresh. Sphinx also copies theme/site-root/ only when
# it writes pages, and not over older copies. Every file under these folders counts, at any depth.
SITE_SOURCES := $(shell find src theme checklists case_studies -type f -not -path '*/__pycache__/*' \
	-not -path '*.egg-info/*' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
_build/engine.stamp: $(SITE_SOURCES) requirements.lock package-lock.json
	rm -rf _build/.jupyter_cache _build/.doctrees _build/html/widgets
	mkdir -p _build && touch $@

# Sphinx re-reads only the pages that changed, but every page's sidebar comes from _toc.yml and
# pages draw on one another (titles, the ways to other pages): when the contents or any page of
# the book changes, every page is read and written again (notebooks still come from the
# execution cache).
BOOK_SOURCES := $(shell find book -type f -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
_build/toc.stamp: _toc.yml _config.yml $(BOOK_SOURCES)
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

# Tests run in three workers for every two cores (`make test WORKERS=2` to try others): while one
# worker waits (a page going quiet, a kernel or a server starting, pip), another uses the core, and
# an extra worker costs little more CPU (benchmarks/README.md). A file's tests stay in one worker
# (--dist loadfile): a notebook's cells share one kernel and a module's servers start once;
# tests/schedule.py spreads the big files of independent page checks and starts the longest setups
# first. (xdist's loadgroup does not group anything under pytest 9, so it is not used.)
WORKERS ?= $(shell echo $$(( ($$(nproc) * 3 + 1) / 2 )))
test: build $(VENV)/dev-installed.stamp node_modules/installed.stamp /usr/bin/chromium
	$(BIN)/pytest -n $(WORKERS) --dist loadfile --durations=15

# The unit tests alone (the engine, records, goldens, parity and the widget's code under Node):
# no build, no browser, no server; about half a minute on two quiet cores.
test-fast: $(VENV)/dev-installed.stamp node_modules/installed.stamp
	$(BIN)/pytest tests -m unit -n 2 --dist loadfile --ignore=tests/browser

clean:
	rm -rf _build

bench: $(VENV)/dev-installed.stamp node_modules/bench-installed.stamp /usr/bin/chromium
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_voila.py

# What one Voila server holds: memory per open tool page and time to draw, N pages open (HOSTING.md).
# A few minutes, so not part of `make bench`. `make bench-hosting PAGES=16` to try more.
PAGES ?= 8
bench-hosting: $(VENV)/dev-installed.stamp /usr/bin/chromium
	$(BIN)/python benchmarks/bench_hosting.py --pages $(PAGES)

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
