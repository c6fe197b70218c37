# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-dates install messages migrate demo lint clean bench

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Test tools from npm, pinned in package-lock.json: axe-core and the Nu HTML Checker (tests/test_accessibility.py),
# oidc-provider (the SSO tests). No install scripts: vnu-jar's would download a Java runtime; Java comes from Debian.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the tests that need node_modules will skip (CI installs nodejs and npm)"; fi

install: $(STAMP) $(NODE_STAMP) messages

# Compiles locale/*/LC_MESSAGES/django.po to .mo with polib: no GNU gettext needed.
messages: $(STAMP)
	$(PY) scripts/compile_messages.py

migrate: install
	mkdir -p var/mail
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(VENV)/bin/honcho start -f Procfile.dev

# The suite on PYTEST_WORKERS pytest-xdist workers (0: in one process), a test file at a time in the order
# tests/conftest.py gives (the long crawls first); each worker has a test database (and Redis database) of its own.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL = $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder)

# The test databases are made new (--create-db) and kept (--reuse-db) for the runs of test-dates that follow:
# on PostgreSQL making them takes longer than those runs.
test: install
	$(PY) -m pytest $(PYTEST_PARALLEL) --reuse-db --create-db $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-dates DATES_DB=--reuse-db

# The tests marked `dates` again with the clock 45 and 400 days ahead (JEUGDREGIO_TEST_SHIFT_DAYS, tests/conftest.py):
# a test that reads the real clock where a date matters fails here, and so does make. "No tests selected" (exit 5)
# passes only when PYTEST_ARGS narrowed the run to files without such tests.
test-dates: install
	@for days in 45 400; do \
	  echo "Tests marked dates, with the clock $$days days ahead:"; \
	  JEUGDREGIO_TEST_SHIFT_DAYS=$$days $(PY) -m pytest -m dates $(PYTEST_PARALLEL) $(DATES_DB) $(PYTEST_ARGS); status=$$?; \
	  [ $$status -eq 0 ] || { [ $$status -eq 5 ] && [ -n "$(strip $(PYTEST_ARGS))" ]; } || exit $$status; \
	done

# The national-scale benchmark: synthetic data set, gunicorn, p50/p95 and queries per page → var/bench.json.
bench: install
	$(PY) scripts/bench.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var node_modules
