import AgentCore
import Testing

/// The tiny Qwen2-VL that `scripts/vllm/with-server.sh` serves for the vision kind:
/// `SPARK_TEST_VLLM_VISION_ENDPOINT` (base URL with `/v1`) and `SPARK_TEST_VLLM_VISION_MODEL` (`spark-vision`).
enum RealVisionModel {
    static var isConfigured: Bool { RealVLLM.variable("SPARK_TEST_VLLM_VISION_ENDPOINT") != nil }

    static var endpoint: ModelEndpoint {
        ModelEndpoint(baseURL: RealVLLM.variable("SPARK_TEST_VLLM_VISION_ENDPOINT") ?? "http://127.0.0.1:9/v1")
    }

    static var model: String { RealVLLM.variable("SPARK_TEST_VLLM_VISION_MODEL") ?? "spark-vision" }

    /// The most tokens the model's image processor makes of one image (`max_pixels` 64 * 28 * 28).
    static let maxImageTokens = 64
}

extension Trait where Self == ConditionTrait {
    static var realVisionModel: Self {
        .enabled(
            if: RealVisionModel.isConfigured,
            "SPARK_TEST_VLLM_VISION_ENDPOINT is not set (run scripts/vllm/with-server.sh with the vision kind)")
    }
}
