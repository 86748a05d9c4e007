# Despatch: two commands on a fresh Debian machine.
#   make digest   installs what is missing (as root), builds in release, writes out/digest.pdf
#   make test     installs what is missing, runs the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the PDF checks need.
DEB_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libfontconfig-dev poppler-utils qpdf hyphen-en-us \
  libtcmalloc-minimal4
RELEASE_BIN := .build/release/despatch
# The release build links the Swift runtime and Foundation statically: the process then skips
# resolving thousands of symbols at start-up and calls the runtime (swift_retain, swift_release)
# without going through the PLT. The sample digest: 1,242 M -> 1,218 M instructions, about 10 %
# less wall time, 4 MiB less resident memory; the same PDF. Use the same flags for every release
# build, or SwiftPM rebuilds everything.
# It also links gperftools' tcmalloc (Debian's libtcmalloc-minimal4, by its file name, so that
# no -dev package is needed) ahead of glibc, whose malloc it then replaces for the whole
# process, Pango and Cairo included: the analysis and the renderer allocate many small
# objects, and glibc's malloc and free were about a tenth of the analysis's time (perf). Measured alternating the two builds (BENCHMARKS.md, "The allocator"): 1,000 articles
# analysed 1.15 -> 1.02 s CPU on two cores, 1.08 -> 1.01 s on one; 1,000 pages rendered
# 2.20 -> 2.04 s; render peak memory 58 -> 62 MiB. The same PDFs and JSON byte for byte.
# Debug, test, sanitizer and fuzzing builds keep glibc's malloc (AddressSanitizer and
# libFuzzer bring their own).
RELEASE_FLAGS := -c release --product despatch --static-swift-stdlib -Xlinker -l:libtcmalloc_minimal.so.4
LAYOUTS := $(basename $(notdir $(wildcard Layouts/*.yaml)))

.PHONY: all deps build digest test previews memcheck fuzz bench clean help
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := FuzzArticleReader FuzzLayoutParser FuzzAnalysis

all: digest

help:
	@echo "make digest    build (release) and render out/digest.pdf from Samples/"
	@echo "make test      run the test suite"
	@echo "make previews  regenerate Layouts/previews/<layout>.png"
	@echo "make memcheck  run the sample digest under LeakSanitizer"
	@echo "make fuzz      bounded libFuzzer runs of the parsers and the analysis (FUZZ_SECONDS=30 each)"
	@echo "make bench     despatch bench in release: wall, CPU, peak memory, throughput"
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
	$(SWIFT) build $(RELEASE_FLAGS)

digest: build
	@mkdir -p out
	$(RELEASE_BIN) digest --input Samples --layout default --output out/digest.pdf

# The tests write their PDFs, archives and folders under TMPDIR: they get a scratch folder of
# their own, removed after the run whatever its result (a run left about 100 MB in /tmp).
test: deps
	$(SWIFT) build --build-tests
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/despatch-tests.XXXXXX") || exit 1; \
	TMPDIR="$$scratch" $(SWIFT) test --skip-build; status=$$?; \
	rm -rf "$$scratch"; exit $$status

previews: build
	@mkdir -p Layouts/previews out/previews
	@for l in $(LAYOUTS); do \
	  rm -rf out/previews/$$l; \
	  $(RELEASE_BIN) digest --input Samples --layout $$l --output out/$$l.pdf --png out/previews/$$l --png-dpi 60 || exit 1; \
	  page=out/previews/$$l/page-003.png; [ -f $$page ] || page=out/previews/$$l/page-001.png; \
	  cp $$page Layouts/previews/$$l.png; echo "Layouts/previews/$$l.png"; \
	done

# Leak check of the sample digest. Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug
# information of Swift 6.3 binaries, so this uses LeakSanitizer (an AddressSanitizer build in
# .build-asan); library-internal caches are suppressed in .ci/lsan.supp, which says why.
memcheck: deps
	$(SWIFT) build --sanitize=address --scratch-path .build-asan --product despatch
	@mkdir -p out
	DESPATCH_EXIT_RETENTION=0 ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:exitcode=9 LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=1 \
	  .build-asan/debug/despatch digest --input Samples --output out/memcheck.pdf
	@echo "memcheck: no leaks outside the documented suppressions"

# Bounded libFuzzer runs of the parsers and the analysis (seed corpus in Fuzz/Corpus). A crash
# leaves its input in out/fuzz/ and fails; keep it under Fuzz/Regressions/ as a regression test.
# SWIFT_BACKTRACE=enable=no: Swift's own backtracer would take the trap and exit before
# libFuzzer writes the crashing input; a run that ends without libFuzzer's 'Done' line fails.
fuzz: deps
	cd Fuzz && $(SWIFT) build --sanitize=fuzzer --scratch-path ../.build-fuzz
	@set -e; for t in $(FUZZ_TARGETS); do \
	  dir=$$(echo $$t | sed 's/^Fuzz//; s/Reader//; s/Parser//' | tr 'A-Z' 'a-z'); \
	  rm -rf out/fuzz/$$t && mkdir -p out/fuzz/$$t/corpus && cp Fuzz/Corpus/$$dir/* out/fuzz/$$t/corpus/; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  status=0; SWIFT_BACKTRACE=enable=no .build-fuzz/debug/$$t out/fuzz/$$t/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=20000 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix=out/fuzz/$$t/ -print_final_stats=1 > out/fuzz/$$t/log 2>&1 || status=$$?; \
	  grep -E "^(Done|stat::number_of_executed_units|==.*ERROR|SUMMARY)|crash-|Test unit written" out/fuzz/$$t/log || true; \
	  if ls out/fuzz/$$t/crash-* out/fuzz/$$t/timeout-* out/fuzz/$$t/oom-* >/dev/null 2>&1; then echo "fuzz: $$t found a failing input in out/fuzz/$$t"; exit 1; fi; \
	  if ! grep -q "^Done" out/fuzz/$$t/log; then echo "fuzz: $$t ended (status $$status) without its closing line; the end of its log:"; grep -m1 -B2 -A12 "Fatal error" out/fuzz/$$t/log || tail -20 out/fuzz/$$t/log; exit 1; fi; \
	done

bench: build
	$(RELEASE_BIN) bench --repeats 3

clean:
	rm -rf .build out
