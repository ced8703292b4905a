# The two commands a newcomer needs:
#   make serve   build the explorer on corpus/ and serve it at http://127.0.0.1:8080/
#   make test    every test: formatting, lints, unit, integration and real-browser tests
# Both install what is missing first (scripts/setup.sh) and skip what is already there.

SHELL := bash
export PATH := $(CURDIR)/target/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test

serve:
	@scripts/setup.sh build
	trunk serve --address 127.0.0.1 --port 8080

test:
	@scripts/setup.sh test
	@scripts/test.sh
