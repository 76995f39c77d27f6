#!/usr/bin/env bash
# Every test Trimova has, from a fresh checkout: installs what is missing, then runs native tests,
# browser tests (wasm-bindgen-test in headless Chromium), the release build, and the end-to-end
# suite (Playwright driving Debian's Chromium against dist/ served like a plain static host).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scripts/setup.sh

step "format and lint"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p trimova --all-targets -- -D warnings

step "native tests (trimova-core, the trimova command line)"
cargo test --locked --workspace

step "browser tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked --target wasm32-unknown-unknown -p trimova

step "release build (and one for a sub-directory, /news/)"
cargo fetch --locked
# The public origin the pre-rendered pages, sitemap and feeds name (the tests check they do).
export TRIMOVA_SITE_URL=https://news.example.org
trunk build --release --offline
trunk build --release --offline --public-url /news/ --dist target/dist-news

step "Apertium APy on 127.0.0.1 for the translation tests"
# A port of its own, stopped afterwards, so a developer's `make run` APy is left alone.
APY_URL=$(scripts/apy.sh 2738)
export APY_URL
trap 'scripts/apy.sh stop 2738' EXIT
echo "$APY_URL"

step "end-to-end tests (Playwright + Chromium against dist/, translation through APy)"
node --test --test-concurrency=1 e2e/
