# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install messages migrate demo lint clean bench

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

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# The national-scale benchmark: synthetic data set, gunicorn, p50/p95 and queries per page → var/bench.json.
bench: install
	$(PY) scripts/bench.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var node_modules
