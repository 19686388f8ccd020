import AgentCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct ConfigurationTests {
    @Test func builtInDefaultsMatchTheSeed() throws {
        let configuration = try SparkConfiguration.load(environment: [:])
        #expect(configuration.endpoint == "http://vllm-service.vllm-system.svc.cluster.local:8000/v1")
        #expect(configuration.settings(for: "supervisor").model == "gpt-oss-120b")
        #expect(configuration.settings(for: "rag").model == "gpt-oss-20b")
        #expect(configuration.settings(for: "coding").model == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(configuration.settings(for: "image").model == "microsoft/Phi-4")
        #expect(configuration.settings(for: "coding").maxTurns == 10)
        #expect(configuration.enableCodeExecution)
        #expect(configuration.modelFallback)
        #expect(configuration.configFile == nil)
        #expect(configuration.timeouts == TimeoutSettings())
        #expect(configuration.modelEndpoint(for: "coding").timeouts == TimeoutSettings())
    }

    @Test func timeoutsComeFromEveryLayerAndTravelWithTheEndpoint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"{"connectTimeout": 3, "firstByteTimeout": 900, "idleTimeout": 45}"#, to: "c.json")
        let configuration = try SparkConfiguration.load(
            configFile: file, environment: ["SPARK_FIRST_BYTE_TIMEOUT": "1200", "SPARK_IDLE_TIMEOUT": "0.5"],
            editorSettings: ["idleTimeout": 90])
        let expected = TimeoutSettings(connect: .seconds(3), firstByte: .seconds(1200), idle: .seconds(90))
        #expect(configuration.timeouts == expected)
        #expect(configuration.modelEndpoint(for: "rag").timeouts == expected)
        let fromEnvironment = try SparkConfiguration.load(environment: ["SPARK_IDLE_TIMEOUT": "0.5"])
        #expect(fromEnvironment.timeouts == TimeoutSettings(idle: .milliseconds(500)))
        #expect(TransportTimeouts().applying(fromEnvironment.timeouts) == TransportTimeouts(idle: .milliseconds(500)))
    }

    @Test func protectedPathsAddUpOverLayersAndRejectNonStrings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(#"{"protectedPaths": ["deploy/keys", "infra/"]}"#, to: "c.json")
        let configuration = try SparkConfiguration.load(
            configFile: file, environment: [:], editorSettings: ["protectedPaths": ["infra/", "secrets"]])
        #expect(configuration.protectedPaths == ["deploy/keys", "infra/", "secrets"])
        #expect(try SparkConfiguration.load(environment: [:]).protectedPaths.isEmpty)
        let bad = try directory.write(#"{"protectedPaths": [".spark", 3]}"#, to: "bad.json")
        #expect(throws: ConfigurationError.self) { try SparkConfiguration.load(configFile: bad, environment: [:]) }
    }

    @Test func badTimeoutsNameTheirField() throws {
        for (name, text) in [
            ("SPARK_CONNECT_TIMEOUT", "soon"), ("SPARK_FIRST_BYTE_TIMEOUT", "0"), ("SPARK_IDLE_TIMEOUT", "-3"),
        ] {
            let error = #expect(throws: ConfigurationError.self) {
                try SparkConfiguration.load(environment: [name: text])
            }
            #expect(error?.field == name)
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (text, message) in [
            (#"{"idleTimeout": 0}"#, "must be more than 0 seconds"), (#"{"idleTimeout": "1m"}"#, "expected a number"),
            (#"{"idleTimeout": 100000}"#, "must be between 0.0 and 86400.0"),
        ] {
            let file = try directory.write(text, to: "bad.json")
            let error = #expect(throws: ConfigurationError.self) {
                try SparkConfiguration.load(configFile: file, environment: [:])
            }
            #expect(error?.field == "idleTimeout")
            #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        }
    }

    @Test func environmentVariablesSetEndpointsModelsKeysAndFlags() throws {
        let configuration = try SparkConfiguration.load(environment: [
            "VLLM_ENDPOINT": "http://127.0.0.1:8000/v1/", "CODING_MODEL": "tiny",
            "IMAGE_ENDPOINT": "http://10.0.0.2:8000/v1",
            "OPENAI_API_KEY": "sk-openai", "VLLM_API_KEY": "sk-vllm", "ENABLE_CODE_EXECUTION": "false",
            "SPARK_MODEL_FALLBACK": "0", "SPARK_DATA_DIR": "/tmp/data", "WORKSPACE_DIR": "/tmp/ws",
        ])
        #expect(
            configuration.modelEndpoint(for: "coding")
                == ModelEndpoint(baseURL: "http://127.0.0.1:8000/v1", apiKey: "sk-vllm"))
        #expect(configuration.modelEndpoint(for: "image").baseURL == "http://10.0.0.2:8000/v1")
        #expect(configuration.settings(for: "coding").model == "tiny")
        #expect(!configuration.enableCodeExecution)
        #expect(!configuration.modelFallback)
        #expect(!configuration.runOptions.modelFallback)
        #expect(configuration.dataDir == "/tmp/data")
        #expect(configuration.workspaceDir == "/tmp/ws")
    }

    @Test func layersApplyInOrderFileThenEnvironmentThenEditor() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = """
            {"endpoint": "http://file:1/v1", "defaultAgent": "coding",
             "agents": {"coding": {"model": "from-file", "temperature": 0.2, "maxTokens": 512,
                                   "toolChoice": "required", "maxTurns": 4, "extraBody": {"top_k": 20, "ignore_eos": false}},
                        "rag": {"endpoint": "http://rag-file:1/v1"}}}
            """
        _ = try directory.write(text, to: ".spark/config.json")
        // A trusted workspace: its file may set endpoints (see WorkspaceTrustTests for one that is not).
        let trust = WorkspaceTrust(file: directory.path + "/trusted.json")
        try trust.trust(workspace: directory.path, configuration: text)
        let configuration = try SparkConfiguration.load(
            workspace: directory.path,
            environment: ["CODING_MODEL": "from-env", "VLLM_ENDPOINT": "http://env:1/v1"],
            editorSettings: ["agents": ["coding": ["temperature": 0.7, "extraBody": ["top_k": 5]]], "future": true],
            trust: trust)
        let coding = configuration.settings(for: "coding")
        #expect(configuration.configFile == directory.path + "/.spark/config.json")
        #expect(coding.model == "from-env")
        #expect(coding.temperature == 0.7)
        #expect(coding.maxTokens == 512)
        #expect(coding.toolChoice == .required)
        #expect(coding.maxTurns == 4)
        #expect(coding.extraBody == ["top_k": 5, "ignore_eos": false])
        #expect(configuration.endpoint == "http://env:1/v1")
        // An agent's own endpoint beats the shared one, whichever layer set it.
        #expect(configuration.modelEndpoint(for: "rag").baseURL == "http://rag-file:1/v1")
        #expect(configuration.defaultAgent == "coding")
        #expect(configuration.workspaceDir == directory.path)
    }

    @Test func anExplicitFileWinsOverSparkConfigAndTheWorkspaceFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write(#"{"agents": {"coding": {"model": "workspace"}}}"#, to: ".spark/config.json")
        let fromEnv = try directory.write(#"{"agents": {"coding": {"model": "spark-config"}}}"#, to: "env.json")
        let explicit = try directory.write(#"{"agents": {"coding": {"model": "explicit"}}}"#, to: "explicit.json")
        let environment = ["SPARK_CONFIG": fromEnv]
        #expect(
            try SparkConfiguration.load(workspace: directory.path, environment: [:]).settings(for: "coding").model
                == "workspace")
        #expect(
            try SparkConfiguration.load(workspace: directory.path, environment: environment).settings(for: "coding")
                .model == "spark-config")
        #expect(
            try SparkConfiguration.load(configFile: explicit, workspace: directory.path, environment: environment)
                .settings(for: "coding").model == "explicit")
    }

    @Test func errorsNameTheFileAndTheField() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cases: [(String, String, String)] = [
            (#"{"agents": {"coding": {"maxTokens": "many"}}}"#, "agents.coding.maxTokens", "expected an integer"),
            (#"{"agents": {"coding": {"temperature": 9}}}"#, "agents.coding.temperature", "between"),
            (#"{"agents": {"coding": {"modle": "x"}}}"#, "agents.coding.modle", "unknown field"),
            (#"{"endpoint": "vllm:8000"}"#, "endpoint", "http://"),
            (#"{"agents": []}"#, "agents", "expected an object"),
            ("{not json", "(file)", "not valid JSON"),
        ]
        for (text, field, message) in cases {
            let file = try directory.write(text, to: "bad.json")
            let error = try #require(throws: ConfigurationError.self) {
                try SparkConfiguration.load(configFile: file, environment: [:])
            }
            #expect(error.source == file)
            #expect(error.field == field)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix(file + ": " + field))
        }
        let missing = try #require(throws: ConfigurationError.self) {
            try SparkConfiguration.load(configFile: directory.path + "/absent.json", environment: [:])
        }
        #expect(missing.source.hasSuffix("absent.json"))
    }

    @Test func badEnvironmentValuesNameTheVariable() {
        let error = #expect(throws: ConfigurationError.self) {
            try SparkConfiguration.load(environment: ["ENABLE_CODE_EXECUTION": "maybe"])
        }
        #expect(error?.source == "environment")
        #expect(error?.field == "ENABLE_CODE_EXECUTION")
        let endpoint = #expect(throws: ConfigurationError.self) {
            try SparkConfiguration.load(environment: ["CODING_ENDPOINT": "localhost:8000"])
        }
        #expect(endpoint?.field == "CODING_ENDPOINT")
    }
}
