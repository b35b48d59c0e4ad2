PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install test lint typecheck bench demo serve extract-samples clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'

test:
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -q -n 2

lint:
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

bench:
	$(BIN)/python -m benchmarks.run

demo:
	$(BIN)/planwatch demo --reset

serve:
	$(BIN)/planwatch serve

extract-samples:
	$(BIN)/planwatch extract src/planwatch/data/samples --out out

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
