# The README's two commands: `make run` and `make test`. Both create the local virtual
# environment on first use (and refresh it when pyproject.toml changes).
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: run test lint bench browser schema messages wheel clean

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

# Browser tests need Chromium: the system's (Debian: apt-get install chromium) or
# Playwright's own download where the network allows it.
browser: $(STAMP)
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	   || command -v google-chrome >/dev/null 2>&1 || [ -n "$$ASSESS_CHROMIUM" ]; then \
	  echo "browser: using the system Chromium"; \
	else \
	  echo "browser: no system Chromium; trying Playwright's download"; \
	  $(PY) -m playwright install chromium || echo "browser: download failed; install chromium (apt-get install chromium)"; \
	fi

test: $(STAMP) browser
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) -m bench

# Not part of `make test` or `make bench`: the burst through nginx (Debian's package,
# installed here when missing and run as root) in front of two replicas on the PostgreSQL
# server at ASSESS_BENCH_PG_URL (default postgres@127.0.0.1:5432); see docs/PERFORMANCE.md.
bench-cluster: $(STAMP)
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y nginx; \
	  else echo "bench-cluster: install nginx (Debian: apt-get install nginx)"; exit 1; fi; }
	$(PY) -m bench.cluster_bench

schema: $(STAMP)
	$(VENV)/bin/assess schema > questions/schema.json

# The message catalogs (assessment/i18n/locales) brought in step with the code; lists what
# still needs a translation (tests/test_i18n.py fails until it is translated).
messages: $(STAMP)
	$(PY) -m assessment.i18n.extract

# The installable package (docs/DEPLOY.md): built offline with the venv's setuptools.
wheel: $(STAMP)
	$(PY) -m pip wheel --quiet --no-build-isolation --no-deps -w dist .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts build dist
