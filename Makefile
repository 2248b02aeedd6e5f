# The whole set-up is `make serve` or `make test`: both create .venv from requirements.lock
# on first use. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)
# Node tools from package-lock.json (npm ci): axe-core for the tests, Lighthouse for make bench.
NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true  # the same advisory, printed by mkdocs-redirects
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: help serve build check test register-ids lock clean links release dev bench import-annotations

help:
	@echo "make serve          site at http://127.0.0.1:8000 (live reload)"
	@echo "make test           every test: import rules, content checks, strict build, link check, browser tests"
	@echo "make build          strict build into site/"
	@echo "make check          fast content validation (no build)"
	@echo "make register-ids   add new passage ids to docs/passage-registry.json"
	@echo "make links          offline link and fragment check of site/ (lychee, lychee.toml)"
	@echo "make release VERSION=x.y  record and deploy version x.y on the local gh-pages branch (no push)"
	@echo "make dev            deploy the working tree as version dev on the local gh-pages branch"
	@echo "make lock           re-pin requirements.lock from pyproject.toml"
	@echo "make bench          build times vs bare Material, scale, weights, Lighthouse -> bench/report.md"

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm (axe-core, package.json)" >&2; exit 2; }
	npm ci --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.installed-*
	@touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/python -m scripts.check

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/python -m scripts.check
	$(BIN)/python -m pytest

# Annotations from a W3C Web Annotation file (the site's annotations.jsonld or another tool's) or
# Hypothes.is API JSON into docs/annotations/ (scripts/annotations/importing.py).
import-annotations: $(STAMP)
	@[ -n "$(FILE)" ] || { echo "usage: make import-annotations FILE=annotations.json" >&2; exit 2; }
	$(BIN)/python -m scripts.annotations.importing "$(FILE)"

links: build
	$(BIN)/python -m scripts.publishing.linkcheck site

# What the tag workflow does (.github/workflows/deploy.yml), minus the push: check, record the
# version in docs/published.json (scripts/publishing/release.py), deploy it with mike on the local
# gh-pages branch, move `latest` to it and make its 404 page the site's root 404.html
# (scripts/publishing/ghpages.py). RELEASE_FROZEN=1 (CI) only checks the record. SITE_URL (the deploy
# workflow sets it) gives absolute canonical links and citation addresses. EDITION_PACKETS=1 prints
# each essay's reading packet (scripts/teach/packets.py, Chromium) into the version.
release: $(STAMP)
	@[[ "$(VERSION)" =~ ^[0-9]+\.[0-9]+$$ ]] || { echo "usage: make release VERSION=x.y" >&2; exit 2; }
	$(BIN)/python -m scripts.check $(if $(RELEASE_FROZEN),,--register)
	$(BIN)/python -m scripts.publishing.release $(VERSION) $(if $(RELEASE_FROZEN),--frozen)
	EDITION_PACKETS=1 $(BIN)/mike deploy --update-aliases $(VERSION) latest
	$(BIN)/mike set-default latest
	$(BIN)/python -m scripts.publishing.ghpages $(VERSION)

dev: $(STAMP)
	$(BIN)/python -m scripts.check
	EDITION_PACKETS=1 $(BIN)/mike deploy dev

# Not part of `make test`: timings (scripts/bench/run.py). Lighthouse comes from package.json (npm ci).
bench: $(STAMP)
	@$(MAKE) --no-print-directory $(NODE_STAMP) || echo "no Lighthouse: the report says so"
	$(BIN)/python -m scripts.bench

register-ids: $(STAMP)
	$(BIN)/python -m scripts.check --register

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site .pytest_cache test-results
