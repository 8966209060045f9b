# bzksite: `make run` serves the site, `make test` runs every test.
# `make help` lists every target. Everything a fresh machine lacks is installed
# by the targets that need it: the virtualenv and exactly the packages uv.lock
# pins, Debian's gettext (msgfmt checks the catalogs, msgcat writes them) and,
# for the browser tests, Debian's chromium and chromium-driver and the pinned
# axe-core.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# uv installs what uv.lock pins; uv itself lives in a virtualenv of its own,
# installed by pip from requirements-uv.txt, which pins it with its hashes.
UV_VENV := .uv
UV := $(UV_VENV)/bin/uv
# --locked: install exactly uv.lock, and stop when it no longer matches pyproject.toml.
SYNC := $(UV) sync --locked --python $(PYTHON)
# apt needs root; use sudo only when not already root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help install gettext db run test test-fast lint format browser axe a11y-report bench wrk nginx clean
.PHONY: check-lock upgrade pylock
.PHONY: i18n-extract i18n-update i18n-status i18n-init i18n-compile import-register

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sort \
		| awk -F ':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

$(UV): requirements-uv.txt
	rm -rf $(UV_VENV)
	$(PYTHON) -m venv $(UV_VENV)
	$(UV_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements-uv.txt
	touch $@

# The site and what it needs at run time, nothing else (as on a server).
$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(SYNC) --no-default-groups
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(SYNC) --group test
	touch $@

install: $(VENV)/.installed ## Make .venv and install the site into it

gettext: ## Install Debian's gettext (msgfmt, msgcat) when missing
	@if ! command -v msgfmt >/dev/null || ! command -v msgcat >/dev/null; then \
		echo "Installing gettext..."; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext; \
	fi

db: install gettext ## Build db/site.db and the compiled catalogs from db/content/ and translations/
	$(BIN)/python scripts/build.py

# granian.env holds the settings, as systemd's EnvironmentFile= reads them in production.
# bzksite.check first: granian restarts a worker that cannot load the site, it does not stop.
# With PORT, the site's links name that port too, unless BZKSITE_SITE_URL says otherwise.
run: db ## Serve the site with granian on http://127.0.0.1:8000 [PORT=8000]
	set -a && . ./granian.env && set +a && \
		$(if $(PORT),export BZKSITE_SITE_URL="$${BZKSITE_SITE_URL:-http://127.0.0.1:$(PORT)}" &&) \
		$(BIN)/python -m bzksite.check && exec $(BIN)/granian $(if $(PORT),--port $(PORT)) app:app

browser: ## Install Debian's chromium and chromium-driver when missing
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		echo "Installing chromium and chromium-driver..."; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium chromium-driver; \
	fi

node_modules/.installed: package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "Installing nodejs and npm..."; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			nodejs npm; \
	fi
	npm ci --no-audit --no-fund
	touch $@

axe: node_modules/.installed ## Install the pinned axe-core from package-lock.json

# The second run proves the tests follow the LANGUAGES setting: the integration
# suite again, with one language more (complete, pseudo-translated by the tests).
test: check-lock $(VENV)/.installed-test db browser axe lint ## Run every test, browser tests included
	$(BIN)/pytest --junitxml=reports/junit.xml
	$(BIN)/pytest tests/integration --with-language=any --junitxml=reports/junit-with-language.xml

# The report is written even when pages fail; the database is rebuilt either
# way so the accessibility statement shows the new summary, and the exit
# status is the suite's.
a11y-report: $(VENV)/.installed-test db browser axe ## Write reports/accessibility.{json,html} [BASE_URL=https://…]
	$(BIN)/pytest tests/browser/test_detectors.py tests/browser/test_accessibility.py --a11y-report=reports \
		--junitxml=reports/junit.xml $(if $(BASE_URL),--a11y-base-url=$(BASE_URL)); \
		status=$$?; $(BIN)/python scripts/build.py && exit $$status

# pylock.toml (PEP 751) is uv.lock in the standard format, for tools other than uv.
PYLOCK = $(UV) export --format pylock.toml --all-groups --locked --no-emit-project --no-header --python $(PYTHON)

check-lock: $(UV) ## Fail when uv.lock no longer matches pyproject.toml, or pylock.toml uv.lock
	$(UV) lock --check --python $(PYTHON)
	$(PYLOCK) | cmp -s - pylock.toml || { echo "pylock.toml is not uv.lock's: run make pylock and commit it"; exit 1; }

pylock: $(UV) ## Write pylock.toml from uv.lock
	$(PYLOCK) -o pylock.toml

# uv lock --upgrade takes the newest releases pyproject.toml allows; the tests
# then show whether they still pass. Commit uv.lock when they do.
upgrade: $(UV) ## Refresh uv.lock to the newest allowed releases, then run every test [PACKAGE=name]
	$(UV) lock --python $(PYTHON) $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade)
	$(MAKE) pylock test

test-fast: $(VENV)/.installed-test db ## Run the tests without the browser (a quick loop, not what CI runs)
	$(BIN)/pytest -m "not browser"

lint: $(VENV)/.installed-test ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test ## Fix code style with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

wrk: ## Install Debian's wrk, the load generator of make bench, when missing
	@if ! command -v wrk >/dev/null; then \
		echo "Installing wrk..."; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk; \
	fi

# Only the binary is wanted: make bench starts nginx itself, on a free port.
nginx: ## Install Debian's nginx, make bench's static-file baseline, when missing
	@if [ ! -x /usr/sbin/nginx ]; then \
		echo "Installing nginx..."; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx; \
	fi

bench: db wrk nginx ## Measure the site against nginx and a trivial app, as ratios [SECONDS=3 ROUNDS=3]
	$(BIN)/python -m benchmarks --seconds $(or $(SECONDS),3) --rounds $(or $(ROUNDS),3)

i18n-extract: install gettext ## Write translations/messages.pot and translations/content.pot
	$(BIN)/python scripts/i18n.py extract

i18n-update: install gettext ## Merge both templates into every language's .po (changed texts turn fuzzy)
	$(BIN)/python scripts/i18n.py update

i18n-status: install gettext ## Per language and domain: translated, fuzzy, missing, and what is not done
	$(BIN)/python scripts/i18n.py status

i18n-init: install gettext ## Start the catalogs of a new language: make i18n-init LANG=xx
	$(BIN)/python scripts/i18n.py init $(LANG)

i18n-compile: install gettext ## Compile the interface catalogs (make db does this too)
	$(BIN)/python scripts/i18n.py compile

# The import changes names, heads and units: the templates and catalogs follow
# (the importer runs i18n-extract and i18n-update itself), so new and renamed
# texts reach the translators as new or fuzzy entries. One process, exec'd, so
# that stopping the recipe stops all of it.
import-register: install gettext ## Update db/content/units from the register [FILE=export.xml ROOT=<TOOI>]
	exec $(BIN)/python scripts/import_register.py $(if $(FILE),--file "$(FILE)") $(if $(ROOT),--root "$(ROOT)") $(if $(URL),--url "$(URL)")

clean: ## Remove the virtualenvs, the database and compiled catalogs
	rm -rf $(VENV) $(UV_VENV) node_modules db/site.db db/.site.db.* .pytest_cache .ruff_cache .cache
	find reports -type f ! -name accessibility.json -delete 2>/dev/null || true
	find translations -name '*.mo' -delete
