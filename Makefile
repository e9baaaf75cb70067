# Two entry points a fresh machine needs: `make build` and `make test`.
# Everything installs into .venv from the package registries; nothing is downloaded at build time.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: setup build test check schema clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml package.json package-lock.json scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: setup
	$(BIN)/handbook build

check: setup
	$(BIN)/handbook check

test: setup
	$(BIN)/python -m pytest

schema: setup
	$(BIN)/handbook schema

clean:
	rm -rf $(VENV) site build .pytest_cache .hypothesis
