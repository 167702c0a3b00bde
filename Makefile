# Thin wrapper over CMake + CTest. `make demo` and `make test` work on a fresh Debian 12 as root.
# Build trees live in build/release, build/debug and build/asan, apart from an interactive build/.

CMAKE ?= cmake
CTEST ?= ctest
JOBS ?= 2
CMAKE_FLAGS ?=  # extra configure flags, e.g. CMAKE_FLAGS=-DCMAKE_CXX_COMPILER=clang++

RELEASE_DIR := build/release
DEBUG_DIR := build/debug
ASAN_DIR := build/asan
ZANLINE := $(RELEASE_DIR)/src/zanline
DEMO_STORE := build/demo-store

.PHONY: all deps build demo test test-debug test-asan bench clean

# A thin sequential wrapper: parallelism is inside CMake builds (-j $(JOBS)) and CTest.
.NOTPARALLEL:

all: build

deps:
	@scripts/install-deps.sh

build:
	$(CMAKE) -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DZANLINE_BUILD_TESTS=OFF \
	  $(CMAKE_FLAGS)
	$(CMAKE) --build $(RELEASE_DIR) -j $(JOBS)

demo: deps
	@$(MAKE) --no-print-directory build
	$(ZANLINE) parse corpus/seed/order-130-nk-2022-04-19.kaz.txt --format text | head -30
	rm -rf $(DEMO_STORE)
	$(ZANLINE) build --store $(DEMO_STORE) corpus
	$(ZANLINE) at 2022-04-20 130/НҚ --unit 4-тармақ --store $(DEMO_STORE) || true
	$(ZANLINE) at 2022-05-09 130/НҚ --unit 4-тармақ --published 2022-04-28 --store $(DEMO_STORE) || true
	$(ZANLINE) at 2026-01-01 27788 --unit 4-тармақ --store $(DEMO_STORE) || true
	$(ZANLINE) at 2020-06-10 143717 --unit 'пункт 1-1' --lang ru --store $(DEMO_STORE) || true
	$(ZANLINE) history 10612 --unit art_3 --lang ru --store $(DEMO_STORE) || true
	$(ZANLINE) apply corpus/triples/holidays-10612_by_45379/before.rus.md \
	  corpus/triples/holidays-10612_by_45379/amending.rus.md | sed -n '/^art_3$$/,/^art_4$$/p'
	$(ZANLINE) ingest --store $(DEMO_STORE) --target 37/НҚ=215863 corpus/seed/order-130-nk-2022-04-19.kaz.txt
	$(ZANLINE) at 2026-02-12 215863 --unit 'app_2__para_2' --published 130/НҚ=2026-02-01 --store $(DEMO_STORE) || true

# Both trees are built and tested even when the first one fails (`make -k`); the exit status
# still reports the failure.
test: deps
	@$(MAKE) --no-print-directory -k test-debug test-asan

test-debug:
	$(CMAKE) -S . -B $(DEBUG_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	$(CMAKE) --build $(DEBUG_DIR) -j $(JOBS)
	$(CTEST) --test-dir $(DEBUG_DIR) --output-on-failure -j $(JOBS)

test-asan:
	$(CMAKE) -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZANLINE_SANITIZE=ON \
	  $(CMAKE_FLAGS)
	$(CMAKE) --build $(ASAN_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(CTEST) --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

# Benchmarks (not tests): consolidation accuracy on corpus/triples, and `at` against git.
bench: deps
	@$(MAKE) --no-print-directory build
	$(RELEASE_DIR)/bench/zanline_bench_consolidation corpus/triples
	bench/at_vs_git.sh $(ZANLINE) 100
	$(RELEASE_DIR)/bench/zanline_pipeline_benchmark

clean:
	rm -rf $(RELEASE_DIR) $(DEBUG_DIR) $(ASAN_DIR)
