// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "SparkLSP",
    products: [
        .executable(name: "spark-lsp", targets: ["spark-lsp"]),
        .executable(name: "spark-sandbox", targets: ["spark-sandbox"]),
        .executable(name: "spark-service", targets: ["spark-service"]),
        .executable(name: "spark-mcp", targets: ["spark-mcp"]),
        .library(name: "SparkLSP", targets: ["SparkLSP"]),
        .library(name: "AgentCore", targets: ["AgentCore"]),
        .library(name: "CodingAgent", targets: ["CodingAgent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The HTTP service only (`spark-service`); the language server links none of them. Hummingbird without its
        // default traits keeps full Foundation and swift-configuration out.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Hummingbird's own; named for the service's connection handler (`HangUpWatcher`).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        // PostgreSQL sessions (`DATABASE_URL`), linked by the service only.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // MCP (the `spark-mcp` helper only; see the SparkMCP target).
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    ],
    targets: [
        // C shims: system libraries with typed wrappers for the variadic C calls.
        // CCurl is headers only: libcurl is opened with dlopen on the first model request (see shim.h).
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // CVips declares the few libvips calls it uses; libvips is opened with dlopen on the first image tool
        // call (see shim.h), so neither executable links it.
        .systemLibrary(
            name: "CVips",
            providers: [.apt(["libvips-dev"])]
        ),

        // The JSON value, parser, writer and decoders. Depends on nothing of ours.
        .target(
            name: "SparkJSON",
            swiftSettings: strictSettings
        ),

        // The Swarm engine, the model client, configuration, storage, prompts, the tool and approval
        // protocols, and ChatService. Nothing agent-specific, nothing of any wire format.
        .target(
            name: "AgentCore",
            dependencies: [
                "SparkJSON",
                "CCurl",
                "CSQLite",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Prompts")],
            swiftSettings: strictSettings
        ),

        // The coding agent: its thirteen tools, security, execution, analysis and workspace access.
        .target(
            name: "CodingAgent",
            dependencies: [
                "AgentCore",
                "SparkJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            // Data, not code: prompts, the Python driver programs, the pattern and rule catalogues.
            resources: [
                .embedInCode("Prompts"),
                .embedInCode("Resources/Python"),
                .embedInCode("Resources/Catalogs"),
            ],
            swiftSettings: strictSettings
        ),

        // Integer dot products for the knowledge base's vector scan, with AVX2 and AVX-VNNI versions chosen at run
        // time (Swift cannot compile one function for a processor feature the target's baseline lacks).
        .target(
            name: "CVectorKernels"
        ),

        // The knowledge agent (`rag`): the knowledge base (SQLite FTS5 and vectors, Milvus to scale out),
        // ingestion, retrieval with citations, and its tools.
        .target(
            name: "KnowledgeAgent",
            dependencies: [
                "AgentCore",
                "CodingAgent",
                "CVectorKernels",
                "SparkJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Prompts")],
            swiftSettings: strictSettings
        ),

        // The image agent (`image`): metadata, OCR, description and comparison of workspace images through
        // libvips (CVips) and Tesseract, with the vision model's account.
        .target(
            name: "ImageAgent",
            dependencies: [
                "AgentCore",
                "CodingAgent",
                "CVips",
                "SparkJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Prompts")],
            swiftSettings: strictSettings
        ),

        // LSP protocol types, framing, connection, server and handlers.
        .target(
            name: "SparkLSP",
            dependencies: [
                "SparkJSON",
                "AgentCore",
                // The outline parsers name the function or class at the cursor for code actions.
                "CodingAgent",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The HTTP service (the original design's API) over ChatService: Hummingbird routes, server-sent events,
        // API keys, limits, metrics and the OpenAPI document.
        .target(
            name: "SparkHTTP",
            dependencies: [
                "AgentCore",
                "SparkJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources")],
            swiftSettings: strictSettings
        ),

        // Sessions in PostgreSQL (`DATABASE_URL`): the same schema and migrations as SQLite, so several service
        // replicas share conversations. Only `spark-service` links it (SwiftNIO stays out of the language server).
        .target(
            name: "SparkPostgres",
            dependencies: [
                "AgentCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The language server's side of MCP: the configured servers' tools offered to the agents, through the
        // `spark-mcp` helper. Links no MCP SDK (see MCPGatewayClient for why).
        .target(
            name: "MCPTools",
            dependencies: [
                "AgentCore",
                "CodingAgent",
                "SparkJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MCP with the official SDK, both ways: the helper's connections to the configured servers (the gateway),
        // and `spark-lsp mcp serve`, which offers the agents and the coding tools to MCP hosts.
        .target(
            name: "SparkMCP",
            dependencies: [
                "MCPTools",
                "AgentCore",
                "CodingAgent",
                "SparkJSON",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The list of agent modules every executable composes (one line per agent).
        .target(
            name: "SparkAgents",
            dependencies: ["AgentCore", "CodingAgent", "KnowledgeAgent", "ImageAgent"],
            swiftSettings: strictSettings
        ),

        // `spark-lsp doctor`: the checks of a setup (configuration, model servers, sandbox, toolchains, data).
        .target(
            name: "SparkDoctor",
            dependencies: [
                "AgentCore",
                "CodingAgent",
                "SparkJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The thin executable.
        .executableTarget(
            name: "spark-lsp",
            dependencies: [
                "SparkLSP",
                "MCPTools",
                "SparkAgents",
                "SparkDoctor",
                "AgentCore",
                "CodingAgent",
                "KnowledgeAgent",
                "SparkJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The HTTP service's executable. A separate binary so that the language server's stdio start-up maps none
        // of SwiftNIO and Hummingbird: `spark-lsp serve --http` executes it from beside itself.
        .executableTarget(
            name: "spark-service",
            dependencies: [
                "SparkHTTP",
                "SparkPostgres",
                "SparkAgents",
                "MCPTools",
                "AgentCore",
                "CodingAgent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        // The MCP helper. A separate binary, as spark-service is, so the language server maps neither the MCP SDK
        // nor full Foundation and FoundationNetworking: `spark-lsp mcp serve` executes it, and the language server
        // starts `spark-mcp gateway` on the first run that uses an MCP server.
        .executableTarget(
            name: "spark-mcp",
            dependencies: [
                "SparkMCP",
                "MCPTools",
                "SparkAgents",
                "AgentCore",
                "CodingAgent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // The sandbox launcher: Landlock, seccomp, resource limits and a reaper, then exec. Plain C, because it
        // runs before every command the agent runs (`spark-bench sandbox` measures what it adds).
        .executableTarget(
            name: "spark-sandbox",
            path: "Sources/spark-sandbox",
            // SwiftPM links every executable through swiftc, which adds the Swift runtime even to C; linking it
            // statically in every configuration keeps the launcher runnable inside the sandbox, where the
            // toolchain's directory is not mounted.
            linkerSettings: [.linkedLibrary("seccomp"), .unsafeFlags(["-static-stdlib"])]
        ),

        // Benchmarks (`swift run -c release spark-bench`), not timed tests.
        .executableTarget(
            name: "spark-bench",
            dependencies: [
                "SparkLSP",
                "AgentCore",
                "CodingAgent",
                "ImageAgent",
                "SparkTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // The in-process LSP client, the scripted OpenAI-compatible server, fixtures.
        .target(
            name: "SparkTestSupport",
            dependencies: [
                "SparkLSP",
                "AgentCore",
                "CodingAgent",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "SparkJSONTests",
            // The parser is also checked on the model client's chunk tree (AgentCore's `ChunkJSON`).
            dependencies: ["SparkJSON", "AgentCore", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CodingAgentTests",
            dependencies: ["CodingAgent", "AgentCore", "SparkJSON", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KnowledgeAgentTests",
            dependencies: ["KnowledgeAgent", "AgentCore", "CodingAgent", "SparkJSON", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SparkDoctorTests",
            dependencies: ["SparkDoctor", "AgentCore", "CodingAgent", "SparkJSON", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ImageAgentTests",
            dependencies: [
                "ImageAgent", "SparkAgents", "AgentCore", "CodingAgent", "CVips", "SparkJSON", "SparkTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AgentCoreTests",
            dependencies: ["AgentCore", "SparkJSON", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SparkLSPTests",
            dependencies: ["SparkLSP", "AgentCore", "CodingAgent", "KnowledgeAgent", "SparkJSON", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
        // Runs the built `spark-lsp` binary over pipes, and through headless Neovim.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["spark-lsp", "AgentCore", "SparkTestSupport"],
            exclude: ["Neovim"],
            swiftSettings: strictSettings
        ),
        // The HTTP service over real HTTP on 127.0.0.1 (in process, and the built `spark-service` for signals).
        .testTarget(
            name: "SparkHTTPTests",
            dependencies: [
                "SparkHTTP", "SparkAgents", "spark-service", "spark-lsp", "AgentCore", "CodingAgent", "SparkJSON",
                "SparkTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                // PostgreSQL sessions (Postgres/): skipped unless SPARK_TEST_DATABASE_URL is set (`make test-postgres`).
                "SparkPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Against real MCP servers from PyPI and the Python SDK as host (`make test-mcp`); skipped unless
        // SPARK_TEST_MCP_VENV is set.
        .testTarget(
            name: "MCPTests",
            dependencies: [
                "spark-lsp", "spark-mcp", "spark-service", "MCPTools", "AgentCore", "CodingAgent", "SparkJSON",
                "SparkLSP", "SparkTestSupport",
            ],
            exclude: ["Resources"],
            swiftSettings: strictSettings
        ),
        // Runs against a real vLLM server (`make test-vllm`); skipped unless SPARK_TEST_VLLM_ENDPOINT is set.
        .testTarget(
            name: "RealVLLMTests",
            dependencies: [
                "AgentCore", "CodingAgent", "ImageAgent", "KnowledgeAgent", "SparkLSP", "SparkJSON", "SparkTestSupport",
            ],
            swiftSettings: strictSettings
        ),
    ]
)
