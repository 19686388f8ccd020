import AgentCore
import Glibc
import Logging
import Testing

/// The real vLLM server of `scripts/vllm/with-server.sh`: `SPARK_TEST_VLLM_ENDPOINT` (base URL
/// with `/v1`) and `SPARK_TEST_VLLM_MODEL` (default `spark-tiny`).
enum RealVLLM {
    /// Whether the suite has a server to talk to.
    static var isConfigured: Bool { variable("SPARK_TEST_VLLM_ENDPOINT") != nil }

    static var endpoint: ModelEndpoint {
        ModelEndpoint(baseURL: variable("SPARK_TEST_VLLM_ENDPOINT") ?? "http://127.0.0.1:9/v1")
    }

    static var model: String { variable("SPARK_TEST_VLLM_MODEL") ?? "spark-tiny" }

    static let logger = Logger(label: "test.vllm")

    /// A client with short timeouts (the tiny model answers in milliseconds).
    static func client() -> HTTPModelClient {
        HTTPModelClient(
            logger: logger,
            options: HTTPModelClient.Options(
                connectTimeout: .seconds(5), firstByteTimeout: .seconds(60), idleTimeout: .seconds(30), maxRetries: 1))
    }

    /// The server's Prometheus metrics (`GET /metrics`, beside `/v1`).
    static func metrics(_ client: HTTPModelClient) async throws -> VLLMMetrics {
        var base = endpoint.baseURL
        if base.hasSuffix("/v1") { base.removeLast(3) }
        return VLLMMetrics(text: try await client.getText(base + "/metrics"))
    }

    /// The environment variable `name`, `nil` when unset or empty.
    static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

/// The trait every real-vLLM suite carries.
extension Trait where Self == ConditionTrait {
    static var realVLLM: Self {
        .enabled(if: RealVLLM.isConfigured, "SPARK_TEST_VLLM_ENDPOINT is not set (run scripts/vllm/with-server.sh)")
    }
}
