# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= .kg-store

.PHONY: demo test lint install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf $(STORE)
	$(BIN)/kg build examples/releases --store $(STORE)
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg query production_by_quarter --store $(STORE)
	$(BIN)/kg query ceo_timeline --store $(STORE)
	$(BIN)/kg query conflicting_figures --store $(STORE)
	$(BIN)/kg lineage --store $(STORE) --site "Lac des Iles" --period 2003-Q3 --metric production --metal palladium

# .ci/install-servers installs Virtuoso and rapper for tests/test_servers.py (quick when already there).
test: $(STAMP)
	.ci/install-servers
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kg tests --select F,E,W,I --ignore E501
	$(BIN)/mypy kg --ignore-missing-imports

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py --sizes $(or $(SIZES),1000,10000)

clean:
	rm -rf $(VENV) $(STORE)
