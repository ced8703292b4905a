#!/usr/bin/env bash
# Runs every check and test; `make test` calls it after scripts/setup.sh has installed the tools.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*" >&2; }

step "format"
cargo fmt --check

step "lints (native, then wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bin explorer -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bin explorer --features bench -- -D warnings

step "unit and integration tests"
cargo test --locked

step "release builds: at the site root, and under a sub-path"
trunk build --release
trunk build --release --public-url /some/path/ --dist target/dist-subpath

step "a site from a corpus with hostile articles (tests/fixtures/hostile-site/)"
rm -rf target/dist-hostile target/hostile-corpus
cp -r corpus target/hostile-corpus
cp tests/fixtures/hostile-site/*.md target/hostile-corpus/
cp -r dist target/dist-hostile
cargo run --quiet --locked --bin takeaways -- build --corpus target/hostile-corpus --out target/dist-hostile
cargo run --quiet --locked --bin takeaways -- finish-site --site target/dist-hostile

step "browser tests (headless Chromium)"
(cd tests/js && node --test --test-timeout=180000)
