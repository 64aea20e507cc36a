# Two commands do all the set-up: `make run` (the app on the bundled sample) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := datasets/generated/sample.duckdb
export DOSSIERFLOW_HOME ?= $(CURDIR)/workspace

.PHONY: run test install install-test system-run system-test sample bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,fast,spark]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# System packages: installed with apt-get when running as root and missing; otherwise the
# features that need them say so and their tests skip with a reason.
system-run:
	@scripts/system-packages.sh graphviz:dot

system-test:
	@scripts/system-packages.sh graphviz:dot chromium:chromium openjdk-17-jre-headless:java

# the synthetic Bắc Ninh sample (one year), built once and reused
$(SAMPLE): | $(VENV)/.installed
	$(BIN)/dossierflow sample --out $(SAMPLE)

sample: $(SAMPLE)

run: install system-run sample
	$(BIN)/dossierflow app --log $(SAMPLE)

test: install-test system-test
	$(BIN)/pytest

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,fast,spark,bench]'
	touch $@

# Prosimos pins old pandas/scikit-learn, so it gets a virtualenv of its own.
.venv-prosimos/bin/python:
	$(PYTHON) -m venv .venv-prosimos
	.venv-prosimos/bin/pip install -q prosimos

bench: $(VENV)/.installed-bench .venv-prosimos/bin/python
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/process_map_speed.py
	PROSIMOS_PYTHON=.venv-prosimos/bin/python $(BIN)/python benchmarks/simulation_speed.py

clean:
	rm -rf $(VENV) workspace datasets/generated .pytest_cache
