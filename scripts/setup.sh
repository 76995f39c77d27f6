#!/usr/bin/env bash
# Installs what Trimova's build and tests need, skipping whatever is already there at the right
# version. Idempotent: a second run takes seconds. Nothing is downloaded from outside the package
# registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (pinned in Cargo.toml).
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: the browser and its driver for the tests; Apertium APy with the Ukrainian-Russian
# pair for translation (the tests use a real one; `make run` offers it to readers); WordPress.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v curl >/dev/null || missing+=(curl)
/usr/bin/python3 -c 'import apertium_apy' 2>/dev/null || missing+=(apertium-apy)
[ -f /usr/share/apertium/modes/ukr-rus.mode ] || missing+=(apertium-rus-ukr)
# A real WordPress for the CMS embed's tests (scripts/wordpress.sh): Debian's, with its default
# theme, a MariaDB server and PHP's command line (its built-in web server).
[ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
command -v mariadbd >/dev/null || missing+=(mariadb-server)
command -v php >/dev/null || missing+=(php-cli)
php -m 2>/dev/null | grep -qx mysqli || missing+=(php-mysql)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Building the tools without LTO and with parallel codegen saves minutes on two cores.
cargo_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo_install trunk --locked --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one dependency locked by that release is no longer on the registry.
  cargo_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm: Playwright's driver (it uses Debian's chromium, never a downloaded browser), axe-core for the
# accessibility checks, and binaryen's wasm-opt (Debian's binaryen 108 emits wasm that fails at
# start-up in Chromium).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(node_modules/.bin/wasm-opt --version), $(chromium --version)"
