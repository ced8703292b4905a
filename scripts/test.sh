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
# The synthetic corpus serves the benchmarks: every benchmark query must find takeaways in it.
cargo test --locked --features bench --test synth

step "release builds: at the site root, and under a sub-path with each takeaway's body alone, a search's titles read by article and the first page's outline, as a large site ships them"
trunk build --release
TAKEAWAYS_TAKEAWAY_BODIES=1 TAKEAWAYS_TITLES_BY_ARTICLE=1 TAKEAWAYS_FIRST_PAGE=1 trunk build --release --public-url /some/path/ --dist target/dist-subpath

# A corpus folder: the seeds with the articles of a fixture folder added.
corpus_with() {
  rm -rf "target/$1-corpus"
  cp -r corpus "target/$1-corpus"
  cp "tests/fixtures/$1"/*.md "target/$1-corpus/"
}

step "a site from a corpus with hostile articles (tests/fixtures/hostile-site/), under the sub-path, with the test exports"
corpus_with hostile-site
TAKEAWAYS_CORPUS=target/hostile-site-corpus trunk build --release --features test-exports --public-url /some/path/ --dist target/dist-hostile

step "the next deploy of the site at its root: one more article (tests/fixtures/next-build/)"
corpus_with next-build
TAKEAWAYS_CORPUS=target/next-build-corpus trunk build --release --dist target/dist-next

step "browser tests (headless Chromium)"
(cd tests/js && node --test --test-timeout=180000)
