import AgentCore
import Glibc
import Testing

/// The real all-MiniLM-L6-v2 that `scripts/vllm/with-server.sh` serves beside the chat model:
/// `SPARK_TEST_VLLM_EMBEDDING_ENDPOINT` (base URL with `/v1`) and `SPARK_TEST_VLLM_EMBEDDING_MODEL` (`minilm`).
enum RealEmbeddingModel {
    static var isConfigured: Bool { variable("SPARK_TEST_VLLM_EMBEDDING_ENDPOINT") != nil }

    static var endpoint: ModelEndpoint {
        ModelEndpoint(baseURL: variable("SPARK_TEST_VLLM_EMBEDDING_ENDPOINT") ?? "http://127.0.0.1:9/v1")
    }

    static var model: String { variable("SPARK_TEST_VLLM_EMBEDDING_MODEL") ?? "minilm" }

    /// all-MiniLM-L6-v2's vector length and input limit in tokens.
    static let dimensions = 384
    static let maxTokens = 256

    private static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

extension Trait where Self == ConditionTrait {
    static var realEmbeddingModel: Self {
        .enabled(
            if: RealEmbeddingModel.isConfigured,
            "SPARK_TEST_VLLM_EMBEDDING_ENDPOINT is not set (run scripts/vllm/with-server.sh with the embeddings kind)")
    }
}
