# Zeren: `make demo` and `make test` are the whole quick start (Debian 12, as root).
BUILD_DIR ?= build
DEMO_DB   ?= demo/zeren.db
JOBS      ?= $(shell nproc)

.PHONY: all deps configure build demo test clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Creates the demo database (once) and prints its organisation.
demo: build
	@mkdir -p $(dir $(DEMO_DB))
	@if [ ! -f $(DEMO_DB) ]; then $(BUILD_DIR)/zeren demo --db $(DEMO_DB); \
	  else echo "演示数据库已存在 demo database exists: $(DEMO_DB)"; fi
	@$(BUILD_DIR)/zeren org show --db $(DEMO_DB)
	@$(BUILD_DIR)/zeren audit verify --db $(DEMO_DB)
	@echo "演示账号 demo log-ins (password Demo-Zeren-2026): see data/demo-organisation.json (users)"

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR)
