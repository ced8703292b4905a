#!/usr/bin/env bash
# Benchmark of the seed site: prints the first-load transfer size (brotli) and Lighthouse's
# scores for the home page and a takeaway page; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/target/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh test
trunk build --release >/dev/null 2>&1
node tests/js/site-bench.mjs dist
