#!/usr/bin/env bash
# Benchmarks: prints figures, asserts nothing (speed is never a test here).
#   scripts/bench.sh [ARTICLES]          a synthetic corpus of ARTICLES articles (default 500, ~4,000 takeaways)
#   scripts/bench.sh ARTICLES native     the build, bundle sizes and native search only
#   ROUNDS=20 RUNS=3 scripts/bench.sh    rounds a query and timed runs in Chromium (default 100, 3):
#                                        fewer rounds for 5,000 articles, where the libraries are slow
# Prints the build's time and memory, bundle sizes against the raw text, the engine's construction
# time and search latency (ranking only, and with highlights and snippets) natively and in
# headless Chromium next to minisearch, flexsearch and elasticlunr.js, and the time to recompute
# the list and the theme graphs after a filter change.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/target/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
articles=${1:-500}
mode=${2:-all}
bench=target/bench

[ "$mode" = native ] || scripts/setup.sh test
cargo build --quiet --release --locked --features bench --bin takeaways
rm -rf "$bench"
./target/release/takeaways synth --articles "$articles" --out "$bench/corpus"

echo "== build of $articles synthetic articles (release binary)"
/usr/bin/time -f "build: %e s wall, %M KB peak memory" ./target/release/takeaways build --corpus "$bench/corpus" --out "$bench/bundle"

echo "== native search"
./target/release/takeaways bench-search --bundle "$bench/bundle/bundle.json" | tail -n 3

echo "== the explorer's list after a filter or query change"
./target/release/takeaways bench-explore --bundle "$bench/bundle/bundle.json"

echo "== theme graphs: recomputation after a filter change"
./target/release/takeaways bench-graphs --bundle "$bench/bundle/bundle.json"

if [ "$mode" = native ]; then
  echo "== sizes"
  for file in bundle.json texts.json search.json; do
    echo "$file: $(stat -c %s "$bench/bundle/$file") bytes raw, $(gzip -9c "$bench/bundle/$file" | wc -c) gzip"
  done
  echo "raw Markdown text: $(cat "$bench"/corpus/*.md | wc -c) bytes raw, $(cat "$bench"/corpus/*.md | gzip -9c | wc -c) gzip"
  exit 0
fi

echo "== site build and browser"
TAKEAWAYS_CORPUS="$bench/corpus" trunk build --release --features bench --dist "$bench/dist" >/dev/null 2>&1
node tests/js/bench.mjs "$bench"
