# engage: `make run` serves the app with demo content; `make test` runs every test.
# make run serves with gunicorn (gunicorn.conf.py): unlike Flask's development server it
# logs no client IP addresses, and respondents are anonymous.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 5000
export FLASK_APP := engage

UV_VERSION := 0.13.9

.PHONY: run test test-sqlite test-postgres test-faults bench lint setup css translations models translations-update system-test-deps lock clean

run: setup
	@echo "==> Bringing the database up to date (migrations)"
	$(PY) -m flask db upgrade
	@echo "==> Loading the survey definitions from surveys/"
	$(PY) -m flask surveys load
	@echo "==> Adding the demo consultations, schools, class codes, accounts and 2,000 synthetic responses"
	$(PY) -m flask demo --base-url http://127.0.0.1:$(PORT) --fill-to 2000
	@echo "Serving on http://127.0.0.1:$(PORT) (Ctrl+C to stop)"
	ENGAGE_BIND=127.0.0.1:$(PORT) ENGAGE_WORKERS=2 $(VENV)/bin/gunicorn -c gunicorn.conf.py "engage:create_app()"

test: setup $(VENV)/.dev-installed system-test-deps lint test-sqlite test-postgres test-faults

test-sqlite:
	$(PY) -m pytest -q

test-postgres:
	ENGAGE_TEST_DATABASE=postgresql $(PY) -m pytest -q

# Real gunicorn servers, killed workers and retried posts; once per run (see docs/benchmarks.md).
test-faults:
	$(PY) -m pytest -q -m faults tests/scale

# The submission benchmark, app against a bare baseline, on SQLite then PostgreSQL.
bench: setup
	$(PY) -m bench.submit --database sqlite
	$(PY) -m bench.submit --database postgresql

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check engage tests bench

setup: $(VENV)/.installed css translations models

# The safeguarding screen and the value tagger are trained once here and kept in .cache/models
# (keyed by a hash of their data and code), so workers, tests and `classify` start warm.
models: $(VENV)/.installed
	@echo "==> Building the safeguarding screen and the value tagger from the shipped data"
	$(PY) -m flask model build

# Compiled catalogues (.mo) are built, never committed; tests/i18n fails if a .po is stale.
translations: $(VENV)/.installed
	@echo "==> Compiling the page-layout translations"
	$(VENV)/bin/pybabel compile -d engage/translations >/dev/null

# After changing a translated string: refresh the template and every catalogue, then translate.
translations-update: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l --no-location --sort-output -o engage/translations/messages.pot .
	$(VENV)/bin/pybabel update -i engage/translations/messages.pot -d engage/translations --no-fuzzy-matching

css: static/css/engage.css

# Packages come from the lock files: every package, direct or not, at one version, each download
# checked against its hash. Edit requirements.txt / requirements-dev.txt, then run `make lock`.
$(VENV)/.installed: requirements.lock
	@echo "==> Installing the app's Python packages from requirements.lock into $(VENV) (hashes checked; a minute or two the first time)"
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.lock
	@echo "==> Installing the test tools from requirements-dev.lock (hashes checked)"
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

# Resolve requirements.txt and requirements-dev.txt again into the lock files (needs PyPI).
lock:
	@echo "==> Resolving every package and its hashes with uv $(UV_VERSION)"
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 --output-file requirements.lock requirements.txt
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 --output-file requirements-dev.lock requirements-dev.txt
	@echo "Wrote requirements.lock and requirements-dev.lock: commit them with the requirements change."

node_modules/.installed: package.json package-lock.json
	@echo "==> Installing the front-end packages from package-lock.json (npm ci; integrity hashes checked)"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/css/engage.css: node_modules/.installed $(wildcard static/scss/*.scss)
	@echo "==> Compiling the stylesheet"
	npm run --silent build:css

# Chromium drives the browser tests; PostgreSQL runs the suite a second time.
system-test-deps:
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Install chromium and postgresql (needs root)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null; \
	fi

clean:
	rm -rf $(VENV) node_modules static/css .pytest_cache
