# Zeren: `make demo` and `make test` are the whole quick start (Debian 12, as root).
BUILD_DIR ?= build
DEMO_DB   ?= demo/zeren.db
JOBS      ?= $(shell nproc)

.PHONY: all deps configure build demo test screenshots clean

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

# PNGs of the main pages for docs/screenshots (not part of the tests).
screenshots: build
	ZEREN_BINARY=$(abspath $(BUILD_DIR))/zeren scripts/screenshots

clean:
	rm -rf $(BUILD_DIR)
