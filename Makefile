# Two commands for a new user:  `make demo` (install, index the bundled reports, ask)
# and `make test` (install test dependencies, run every test).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
QUESTION ?= which states got 1540 legislative help in 2016?

# Offline for good: no model hub, no telemetry, no analytics.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install install-test demo test bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install torch==2.13.0   # first, so no CUDA build is pulled in later
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(VENV)/bin/reportqa ingest --samples
	$(VENV)/bin/reportqa ask "$(QUESTION)"

test: install-test
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench_core.py

clean:
	rm -rf .reportqa-data
