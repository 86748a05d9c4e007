# Despatch: two commands on a fresh Debian machine.
#   make digest   installs what is missing (as root), builds in release, writes out/digest.pdf
#   make test     installs what is missing, runs the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the PDF checks need.
DEB_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libfontconfig-dev poppler-utils qpdf hyphen-en-us
RELEASE_BIN := .build/release/despatch
LAYOUTS := $(basename $(notdir $(wildcard Layouts/*.yaml)))

.PHONY: all deps build digest test previews memcheck bench clean help

all: digest

help:
	@echo "make digest    build (release) and render out/digest.pdf from Samples/"
	@echo "make test      run the test suite"
	@echo "make previews  regenerate Layouts/previews/<layout>.png"
	@echo "make memcheck  run the sample digest under valgrind memcheck"
	@echo "make clean     remove build products and out/"

# Installs the missing Debian packages when run as root; otherwise names them and stops.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release --product despatch

digest: build
	@mkdir -p out
	$(RELEASE_BIN) digest --input Samples --layout default --output out/digest.pdf

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

previews: build
	@mkdir -p Layouts/previews out/previews
	@for l in $(LAYOUTS); do \
	  rm -rf out/previews/$$l; \
	  $(RELEASE_BIN) digest --input Samples --layout $$l --output out/$$l.pdf --png out/previews/$$l --png-dpi 60 || exit 1; \
	  page=out/previews/$$l/page-003.png; [ -f $$page ] || page=out/previews/$$l/page-001.png; \
	  cp $$page Layouts/previews/$$l.png; echo "Layouts/previews/$$l.png"; \
	done

memcheck: deps
	$(SWIFT) build -c release --product despatch
	@command -v valgrind >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq valgrind >/dev/null; }
	@mkdir -p out
	valgrind --error-exitcode=9 --leak-check=full --show-leak-kinds=definite \
	  --suppressions=.ci/valgrind.supp $(RELEASE_BIN) digest --output out/memcheck.pdf

clean:
	rm -rf .build out
