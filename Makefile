# Vestnik — the two commands are `make run` and `make test`; the rest are their parts.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080
E2E_PORT ?= 4173

.PHONY: run dev build publish build-subpath test setup test-native test-contract test-web test-e2e lint size bench demo icons clean

## run: install what is missing, build the release app, publish the demo into it (every page's
## first screen, sitemap, feeds: make publish) and serve it with the demo backend
run: build publish
	@echo
	@echo "  Vestnik is at http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	@echo
	node scripts/serve.mjs dist --port $(PORT)

## dev: rebuild and reload on every change (debug build)
dev: setup
	trunk serve --port $(PORT)

## build: a release dist/ (BACKENDS=wordpress,jsonfeed by default; BACKENDS= for Vestnik's contract only;
## scripts/build-wasm.mjs reads it)
build: setup
	$(if $(filter undefined,$(origin BACKENDS)),,BACKENDS="$(BACKENDS)") trunk build --release

## publish: write the first screen of every page (home, feed pages, rubrics, archive, articles),
## sitemap.xml, robots.txt, feed.xml and feed.json into DIR (default dist/) for readers at SITE
## (default the local address); FROM=https://press.example.ru/ renders the live site instead;
## again on the same build, only what changed (scripts/publish.mjs, docs/deploy.md)
DIR ?= dist
SITE ?= $(or $(FROM),http://127.0.0.1:$(PORT)/)
publish: setup
	node scripts/publish.mjs $(DIR) --site $(SITE) $(if $(FROM),--from $(FROM))

## test: install what is missing, then every test layer; fails on the first failing layer
test: setup lint test-native test-contract test-web test-e2e
	@echo "make test: all layers passed"

setup:
	@bash scripts/setup.sh

## lint: formatting, the import graph's shape (docs/architecture.md) and clippy, warnings are errors
lint:
	cargo fmt --check
	node scripts/check-imports.mjs
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --features split --lib --bins --quiet -- -D warnings

## test-native: the pure core and the decoders against the demo backend (cargo test)
test-native:
	@echo "== native: cargo test =="
	cargo test --test native --quiet

## test-contract: the demo backend against the JSON Schemas in docs/schema
test-contract:
	@echo "== contract: JSON Schema =="
	node tests/contract/validate.mjs

## test-web: components mounted into a real DOM, in headless Chromium (wasm-bindgen-test)
test-web:
	@echo "== web: wasm-bindgen-test in Chromium =="
	cargo test --target wasm32-unknown-unknown --test web

## build-subpath: the same app built to live under /press/ (tested end to end)
build-subpath: setup
	trunk build --release --public-url /press/ --dist dist-press

## test-e2e: the built app driven in Chromium by Playwright
test-e2e: build build-subpath
	@echo "== e2e: Playwright in Chromium =="
	E2E_PORT=$(E2E_PORT) playwright test --config tests/e2e/playwright.config.mjs

## size: raw, gzip and brotli bytes of what a reader downloads
size:
	@test -d dist || { echo "no dist/: run make build first"; exit 1; }
	@printf '%-44s %10s %10s %10s\n' file raw gzip brotli
	@for f in dist/*.wasm dist/*.js dist/*.css; do \
	  printf '%-44s %10d %10d %10d\n' "$$f" $$(stat -c%s "$$f") $$(gzip -9c "$$f" | wc -c) $$(brotli -c -q 11 "$$f" | wc -c); \
	done

## bench: cold loads against the static limit on an emulated slow phone, sizes, warm
## interactions, leak check; fails when a budget in bench/budgets.json is exceeded
bench: build
	node bench/run.mjs

## demo: regenerate the demo backend in public/ (needs Pillow from PyPI, in a local venv);
## ITEMS=10000 OUT=/tmp/large makes a large archive elsewhere (docs/deploy.md measures with it)
demo:
	test -x .venv-demo/bin/python || python3 -m venv .venv-demo
	.venv-demo/bin/pip install --quiet -r scripts/demo/requirements.txt
	.venv-demo/bin/python scripts/demo/generate.py $(if $(ITEMS),--items $(ITEMS)) $(if $(OUT),--out $(OUT))

## icons: redraw the app icons and rewrite manifest.webmanifest (Pillow in a local venv)
icons:
	test -x .venv-demo/bin/python || python3 -m venv .venv-demo
	.venv-demo/bin/pip install --quiet -r scripts/demo/requirements.txt
	.venv-demo/bin/python scripts/pwa/icons.py

clean:
	rm -rf dist dist-press tests/e2e/results
	cargo clean
