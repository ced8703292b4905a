# The two commands a newcomer needs:
#   make serve   build the explorer on corpus/ as it is deployed and serve it at http://127.0.0.1:8080/
#   make test    every test: formatting, lints, unit, integration and real-browser tests
# Both install what is missing first (scripts/setup.sh) and skip what is already there.
# For working on the app, `make dev` serves a debug build that rebuilds on every change.

SHELL := bash
export PATH := $(CURDIR)/target/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve dev test

serve:
	@scripts/setup.sh build
	trunk build --release
	node scripts/static-host.mjs dist 8080

dev:
	@scripts/setup.sh build
	trunk serve --address 127.0.0.1 --port 8080

test:
	@scripts/setup.sh test
	@scripts/test.sh
