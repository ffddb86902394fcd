# Two entry points for a fresh machine with Python 3.11+:
#   make demo   installs inwriting into .venv and shows a sample job search
#   make test   installs the test dependencies and runs every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/inwriting demo

test: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/ledger.py
	$(BIN)/python benchmarks/reader.py
	$(BIN)/python benchmarks/lint.py
	$(BIN)/python benchmarks/mail.py
	$(BIN)/python benchmarks/web.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
