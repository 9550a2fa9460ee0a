#!/usr/bin/env bash
# Installs what the build and the tests need, only where it is missing:
# the wasm32 target, trunk, wasm-bindgen-cli (the version in Cargo.lock), wasm-opt from npm
# binaryen, playwright-core, axe-core and TimelineJS (which loads our export in a test) from npm,
# Chromium with chromedriver from apt, and
# frictionless from PyPI (in a virtualenv) to validate the data package.
# Safe to run again: the second run only checks versions.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
PLAYWRIGHT_VERSION="1.65.1"
AXE_VERSION="4.14.1"
TIMELINEJS_VERSION="3.9.11"
FRICTIONLESS_VERSION="5.21.0"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
        rustup component add "$component"
    fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
    cargo install --locked --ignore-rust-version trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
    # Without --locked: its lockfile pins a crate the registry no longer serves.
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

node_ok() {
    [ -f "$MT_TOOLS/node_modules/binaryen/package.json" ] &&
        grep -q "\"version\": \"$BINARYEN_VERSION\"" "$MT_TOOLS/node_modules/binaryen/package.json" &&
        grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$MT_TOOLS/node_modules/playwright-core/package.json" 2>/dev/null &&
        grep -q "\"version\": \"$AXE_VERSION\"" "$MT_TOOLS/node_modules/axe-core/package.json" 2>/dev/null &&
        grep -q "\"version\": \"$TIMELINEJS_VERSION\"" "$MT_TOOLS/node_modules/@knight-lab/timelinejs/package.json" 2>/dev/null
}
if ! node_ok; then
    # Debian's wasm-opt (binaryen 108) builds a wasm that fails in the browser; npm's 132 works.
    say "installing binaryen $BINARYEN_VERSION, playwright-core, axe-core and TimelineJS from npm into $MT_TOOLS"
    mkdir -p "$MT_TOOLS"
    [ -f "$MT_TOOLS/package.json" ] || echo '{"name":"mali-timeline-tools","private":true}' >"$MT_TOOLS/package.json"
    npm install --prefix "$MT_TOOLS" --no-audit --no-fund --loglevel=error \
        "binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" "axe-core@$AXE_VERSION" \
        "@knight-lab/timelinejs@$TIMELINEJS_VERSION"
fi

if ! [ -x "$CHROMIUM" ] || ! [ -x "$CHROMEDRIVER" ]; then
    say "installing chromium and chromium-driver from apt"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

FRICTIONLESS="$MT_TOOLS/venv/bin/frictionless"
if [ "$("$MT_TOOLS/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("frictionless"))' 2>/dev/null || true)" != "$FRICTIONLESS_VERSION" ] ||
    ! [ -x "$FRICTIONLESS" ]; then
    say "installing frictionless $FRICTIONLESS_VERSION from PyPI into $MT_TOOLS/venv"
    mkdir -p "$MT_TOOLS"
    if ! [ -x "$MT_TOOLS/venv/bin/python" ]; then
        if ! python3 -c 'import ensurepip' 2>/dev/null; then
            say "installing python3-venv from apt"
            SUDO=""
            [ "$(id -u)" -eq 0 ] || SUDO="sudo"
            $SUDO apt-get update -qq
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
        fi
        python3 -m venv "$MT_TOOLS/venv"
    fi
    "$MT_TOOLS/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "frictionless==$FRICTIONLESS_VERSION"
fi

# Trunk builds with `cargo build --offline`, so the crates must be in cargo's cache first.
cargo fetch --locked --quiet
