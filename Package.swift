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

        // The knowledge agent (`rag`): the knowledge base (SQLite FTS5 and vectors, Milvus to scale out),
        // ingestion, retrieval with citations, and its tools.
        .target(
            name: "KnowledgeAgent",
            dependencies: [
                "AgentCore",
                "CodingAgent",
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
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources")],
            swiftSettings: strictSettings
        ),

        // The list of agent modules every executable composes (one line per agent).
        .target(
            name: "SparkAgents",
            dependencies: ["AgentCore", "CodingAgent", "KnowledgeAgent"],
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
                "SparkAgents",
                "AgentCore",
                "CodingAgent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
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
            ],
            swiftSettings: strictSettings
        ),
        // Runs against a real vLLM server (`make test-vllm`); skipped unless SPARK_TEST_VLLM_ENDPOINT is set.
        .testTarget(
            name: "RealVLLMTests",
            dependencies: ["AgentCore", "CodingAgent", "SparkLSP", "SparkJSON", "SparkTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
