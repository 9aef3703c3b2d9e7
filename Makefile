# eventwire: two commands set everything up on a fresh machine.
#   make demo   codes the bundled example articles and prints the events found
#   make test   runs the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire code examples --db eventwire.duckdb --out events.jsonl --quotes-out quotes.jsonl --show

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) eventwire.duckdb eventwire.duckdb.wal events.jsonl quotes.jsonl failures.jsonl
