#!/usr/bin/env bash
# Runs every check and test; `make test` calls it after scripts/setup.sh has installed the tools.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*" >&2; }

step "format"
cargo fmt --check

step "lints (native, then wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --features bench,test-exports -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bin explorer -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bin explorer --features bench,test-exports -- -D warnings

step "unit and integration tests"
cargo test --locked

step "release builds: at the site root, and under a sub-path"
trunk build --release
trunk build --release --public-url /some/path/ --dist target/dist-subpath

step "a site from a corpus with hostile articles (tests/fixtures/hostile-site/), with the test exports"
rm -rf target/hostile-corpus
cp -r corpus target/hostile-corpus
cp tests/fixtures/hostile-site/*.md target/hostile-corpus/
TAKEAWAYS_CORPUS=target/hostile-corpus trunk build --release --features test-exports --dist target/dist-hostile

step "browser tests (headless Chromium)"
(cd tests/js && node --test --test-timeout=180000)
