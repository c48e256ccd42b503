# Zeren: `make demo` and `make test` are the whole quick start (Debian 12, as root).
BUILD_DIR ?= build
DEMO_DB   ?= demo/zeren.db
JOBS      ?= $(shell nproc)

.PHONY: all deps configure build demo test test-asan screenshots clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

LISTEN    ?= 127.0.0.1:8080

# Creates a fresh demo database (its log-ins get new random passwords, printed here and nowhere
# else), verifies its audit log and serves it until Ctrl-C.
demo: build
	@mkdir -p $(dir $(DEMO_DB))
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).audit-key $(DEMO_DB).audit-key.pub
	@$(BUILD_DIR)/zeren demo --db $(DEMO_DB)
	@$(BUILD_DIR)/zeren audit verify --db $(DEMO_DB)
	@echo "网页 web UI and API: http://$(LISTEN)/  (Ctrl-C 停止 stops)"
	@$(BUILD_DIR)/zeren serve --db $(DEMO_DB) --listen $(LISTEN) --web-root web/dist --quiet

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	bash scripts/lint-openapi.sh

# The unit and integration tests (SQLite and PostgreSQL; not web.*, not the `scale` load test)
# built with AddressSanitizer + UndefinedBehaviorSanitizer in their own tree (docs/testing.md).
# Every sanitizer report goes to a file in $(ASAN_DIR)/sanitizer-logs, also one from a `zeren`
# process whose exit code a test ignores; any such file fails the target and is printed.
# ASAN_CTEST_ARGS narrows the run, e.g. ASAN_CTEST_ARGS='-R ^Cli[.]'.
ASAN_DIR  ?= build-asan
ASAN_JOBS ?= 2
ASAN_CTEST_ARGS ?=
ASAN_LOGS := $(abspath $(ASAN_DIR))/sanitizer-logs
ASAN_RUN_ENV := \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:strict_string_checks=1:log_exe_name=1:log_path=$(ASAN_LOGS)/asan \
	LSAN_OPTIONS=suppressions=$(abspath scripts/lsan.supp):print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_exe_name=1:log_path=$(ASAN_LOGS)/ubsan

$(ASAN_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(ASAN_DIR) -G Ninja -DZEREN_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG"

test-asan: deps $(ASAN_DIR)/build.ninja
	cmake --build $(ASAN_DIR) -j $(ASAN_JOBS)
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS)
	@status=0; cd $(ASAN_DIR) || exit 1; \
	  $(ASAN_RUN_ENV) ctest --output-on-failure -j $(ASAN_JOBS) -LE scale -E '^web[.]' \
	    $(ASAN_CTEST_ARGS) || status=$$?; \
	  reports=$$(find $(ASAN_LOGS) -type f | sort); \
	  for f in $$reports; do echo "==== $$f"; cat "$$f"; done; \
	  if [ -n "$$reports" ]; then \
	    echo "test-asan: $$(echo "$$reports" | wc -l) sanitizer report(s) in $(ASAN_LOGS)"; exit 1; \
	  fi; \
	  exit $$status

# PNGs of the main pages for docs/screenshots (not part of the tests).
screenshots: build
	ZEREN_BINARY=$(abspath $(BUILD_DIR))/zeren scripts/screenshots

clean:
	rm -rf $(BUILD_DIR)
