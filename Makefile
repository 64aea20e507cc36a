# Two commands do all the set-up: `make run` (the app on the bundled sample) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := datasets/generated/sample.duckdb
export DOSSIERFLOW_HOME ?= $(CURDIR)/workspace

.PHONY: run test install install-test peers system-run system-test sample bench clean

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

# The tools we compare with, Prosimos (benchmarks) and log-distance-measures
# (dossierflow.simulation.fidelity), need pandas<3 and Python<3.13: they share a virtualenv of their own,
# run as separate processes. PEERS_BASE names a Python 3.11 or 3.12 when python3 is newer.
PEERS := .venv-peers
PEERS_BASE ?= $(PYTHON)
PEERS_PACKAGES := prosimos==2.1.0 log-distance-measures==2.2.0

$(PEERS)/.installed:
	$(PEERS_BASE) -m venv $(PEERS)
	$(PEERS)/bin/pip install -q $(PEERS_PACKAGES)
	touch $@

peers: $(PEERS)/.installed

test: install-test system-test peers
	$(BIN)/ruff check .
	$(BIN)/pytest

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,fast,spark,bench]'
	touch $@

# each script adds its figures to benchmarks/summary.json; the last step prints the targets
bench: $(VENV)/.installed-bench $(PEERS)/.installed $(SAMPLE)
	$(BIN)/python benchmarks/bench_summary.py --start
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/process_map_speed.py
	$(BIN)/python benchmarks/learn_model_speed.py --log $(SAMPLE)
	$(BIN)/python benchmarks/simulation_speed.py
	$(BIN)/python benchmarks/bench_summary.py

clean:
	rm -rf $(VENV) $(PEERS) workspace datasets/generated .pytest_cache
