# The whole set-up is `make serve` or `make test`: both create .venv from requirements.lock
# on first use. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)

export NO_MKDOCS_2_WARNING := 1
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: help serve build check test register-ids lock clean

help:
	@echo "make serve          site at http://127.0.0.1:8000 (live reload)"
	@echo "make test           every test: content checks, strict build, link check, browser tests"
	@echo "make build          strict build into site/"
	@echo "make check          fast content validation (no build)"
	@echo "make register-ids   add new passage ids to docs/passage-registry.json"
	@echo "make lock           re-pin requirements.lock from pyproject.toml"

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/python -m scripts.check

test: $(STAMP)
	$(BIN)/python -m scripts.check
	$(BIN)/python -m pytest

register-ids: $(STAMP)
	$(BIN)/python -m scripts.check --register

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site .pytest_cache test-results
