# The two commands of the README. Everything they need is installed by scripts/setup.sh.
SHELL := /bin/bash
.PHONY: run test build bench

## Build and serve the app with the shipped dataset at http://127.0.0.1:8080
run:
	scripts/setup.sh
	source scripts/env.sh && trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080

## Run every test tier; exits non-zero on any failure
test:
	scripts/test.sh

## Release build into dist/
build:
	scripts/setup.sh
	source scripts/env.sh && trunk build --release

## The benchmark against TimelineJS and vis-timeline (bench/README.md); not part of `make test`
bench: build
	source scripts/env.sh && node bench/run.cjs
