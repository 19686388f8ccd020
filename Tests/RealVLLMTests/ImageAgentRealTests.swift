import AgentCore
import Testing

extension RealVLLMTests {
    /// The tiny chat model is text-only: vLLM answers an image with HTTP 400 `<model> is not a multimodal
    /// model`, which the image tools turn into the message that says what to change.
    @Suite(.realVLLM) struct ImageAgentRealTests {
        @Test func aTextOnlyModelsRefusalOfAnImageSaysToSetAVisionModel() async throws {
            let workspace = try RealImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writePNG("a.png", width: 32, height: 32)
            let describe = try #require(
                try workspace.tools(model: RealVLLM.model, endpoint: RealVLLM.endpoint)["describe_image"])
            let result = try await describe.call(
                ["image_path": "a.png"], context: ToolContext(sessionID: "s", agentName: "image", toolCallID: "c"))
            #expect(result.isError)
            #expect(
                result.content.hasPrefix(
                    "error: IMAGE_MODEL \(RealVLLM.model) does not accept images: set IMAGE_MODEL to a vision model"),
                "\(result.content)")
            #expect(result.content.contains("is not a multimodal model"))
        }
    }
}
