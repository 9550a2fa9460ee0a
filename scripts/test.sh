#!/usr/bin/env bash
# Runs every test tier and exits non-zero on the first failure:
# format, clippy (native and wasm32), native tests, browser component tests, release builds
# (root and sub-path), the data package's validation (frictionless), and end-to-end tests in
# headless Chromium against those builds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "clippy (native)"
cargo clippy --offline --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --offline --all-targets --target wasm32-unknown-unknown -- -D warnings

step "clippy (the renderer of the written pages, ssr)"
cargo clippy --offline --no-default-features --features ssr --bin render -- -D warnings

step "tier 1: native tests"
cargo test --offline
cargo test --offline --no-default-features --features ssr --bin render

step "tier 2: components in headless Chromium"
cargo test --offline --target wasm32-unknown-unknown --test web

step "release build (dist/)"
trunk build --release

step "data package (frictionless validate)"
"$MT_TOOLS/venv/bin/frictionless" validate dist/data/package/datapackage.json

step "release build under a sub-path (dist-subpath/)"
trunk build --release --public-url /mali-timeline/ --dist dist-subpath

step "tier 3: end to end in headless Chromium"
node --test --test-concurrency=1 --test-force-exit tests/e2e/

step "sizes (gzip -9)"
scripts/sizes.sh dist
