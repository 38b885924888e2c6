# tropewiki — `make help` lists the targets.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help venv run test test-sqlite test-postgres lint format bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed ## create .venv and install tropewiki with its dev tools

node_modules: package.json package-lock.json ## axe-core for the accessibility tests (needs npm)
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch node_modules; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

run: venv ## set up and serve the wiki on SQLite with demo content (http://127.0.0.1:8000/)
	$(VENV)/bin/tropewiki serve --host $(HOST) --port $(PORT)

test: venv node_modules ## run every test: the suite on SQLite, then on PostgreSQL
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite: venv ## the suite on SQLite
	TROPEWIKI_DATABASE_URL= $(PY) -m pytest -q

test-postgres: venv ## the suite on PostgreSQL (127.0.0.1:5432, database test)
	TROPEWIKI_DATABASE_URL=$${TROPEWIKI_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test} $(PY) -m pytest -q

lint: venv ## ruff check and format check
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

format: venv ## reformat the code
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

bench: venv ## run the quick benchmarks (see bench/README.md for serve.py and discovery.py)
	$(PY) bench/markup.py --mb 5
	$(PY) bench/played.py
	$(PY) bench/serve.py

clean: ## remove the virtualenv and caches (keeps tropewiki-data)
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
