# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: setup build run test bench fmt

setup:
	@scripts/setup.sh

## Release build into dist/ (offline: every tool comes from setup).
build: setup
	cargo fetch --locked
	trunk build --release --offline

## Build, then serve dist/ on 127.0.0.1 with the sample articles (and a local APy where it can).
run: build
	@PORT=$(PORT) scripts/run.sh

## Every test: native, browser (wasm-bindgen-test in headless Chromium) and end to end (Playwright).
test:
	@scripts/test.sh

## Bundle sizes and timings of the release build (not a test).
bench: build
	node bench/run.mjs

fmt:
	cargo fmt --all
