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

# The two-level sample (Bắc Ninh after 1/7/2025): samples/hai-cap/data plus the shared content,
# theme and registry, assembled under build/sample-hai-cap/project, checked, and built into
# build/sample-hai-cap/site (website and PDFs).
.PHONY: sample-hai-cap
sample-hai-cap: setup
	$(BIN)/python tools/assemble_sample_hai_cap.py build/sample-hai-cap/project
	$(BIN)/handbook check --root build/sample-hai-cap/project
	$(BIN)/handbook build --root build/sample-hai-cap/project --out $(CURDIR)/build/sample-hai-cap/site
