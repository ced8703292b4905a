#!/usr/bin/env bash
# The scale benchmark (issue 17): prints figures, asserts nothing.
#   scripts/bench-scale.sh [ARTICLES...]   each a synthetic corpus of that many articles, or
#                                          `seeds` for corpus/ (default: seeds 500 5000)
# For each corpus: the release site built as `make serve` builds it (trunk, its hooks running
# `takeaways build` and `takeaways finish-site`), but without social cards (TAKEAWAYS_NO_CARDS=1:
# at 5,000 articles they alone take ~20 minutes), with its wall time and peak memory; Pagefind
# indexing the same pages; then in fresh Chromium contexts, the site served with gzip only like
# GitHub Pages, what a cold home page, cold `?q=` links and warm typing download and wait for,
# side by side with Pagefind's JS API answering the same queries (tests/js/scale-bench.mjs).
# 5,000 articles take about half an hour on this 2-core machine, most of it the build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/target/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ $# -gt 0 ] || set -- seeds 500 5000
out=target/bench-scale

scripts/setup.sh test
rm -rf "$out"
mkdir -p "$out"
# Compiled once before anything is timed, so each timed build is the site's, not the compiler's.
echo "== compiling (untimed)"
TAKEAWAYS_NO_CARDS=1 trunk build --release --dist "$out/warm-up" >"$out/warm-up.log" 2>&1
rm -rf "$out/warm-up"

for size in "$@"; do
  if [ "$size" = seeds ]; then
    corpus=corpus label="the seed corpus"
  else
    corpus="$out/corpus-$size" label="$size synthetic articles"
    cargo run --quiet --bin takeaways -- synth --articles "$size" --out "$corpus"
  fi
  dist="$out/dist-$size"
  echo "== $label: building the site"
  TAKEAWAYS_CORPUS="$corpus" TAKEAWAYS_NO_CARDS=1 /usr/bin/time -f "build: %e s wall, %M KB peak memory" \
    trunk build --release --dist "$dist" >"$out/build-$size.log" 2>&1
  grep -E "^(takeaways: [0-9]+ pages|build: )" "$out/build-$size.log"
  echo "== $label: Pagefind, then Chromium"
  node tests/js/scale-bench.mjs "$label" "$dist" "$out/build-$size.log"
  # The 5,000 articles' site is about a gigabyte: not kept.
  [ "$size" = seeds ] || rm -rf "$dist" "$corpus"
done
