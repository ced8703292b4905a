#!/usr/bin/env bash
# Installs what the explorer needs, skipping whatever is already there (idempotent, quiet).
#   scripts/setup.sh build   wasm32 target, trunk, wasm-bindgen-cli (the version in Cargo.lock), wasm-opt,
#                            and the CJK font the build draws social cards with
#   scripts/setup.sh test    the above, plus Chromium, ChromeDriver and the npm test tools
# Nothing is downloaded from outside the package registries: trunk runs offline (Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-build}
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0 # wasm-opt 132; Debian's binaryen (108) builds a blank app
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
TOOLS=target/tools

say() { echo "setup: $*" >&2; }

# (No `grep -q` after a pipe: with pipefail, the writer's SIGPIPE would read as "missing".)
if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: one of its locked dependencies is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [[ "$("$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null)" != *"(version_${BINARYEN_VERSION%%.*})"* ]]; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
fi

# Debian's packages: the social cards' font (Noto CJK, which the build looks for where this
# package puts it), and for the tests Chromium and ChromeDriver.
missing=()
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
if [ "$mode" = test ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt"
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$mode" = test ] || exit 0

# The browser tests' npm packages (playwright-core drives Debian's Chromium; it never downloads one).
if [ ! tests/js/node_modules/.package-lock.json -nt tests/js/package-lock.json ]; then
  say "installing the browser tests' npm packages"
  npm ci --silent --no-audit --no-fund --prefix tests/js
fi
