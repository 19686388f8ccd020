import AgentCore
import CodingAgent
import ImageAgent
import SparkJSON
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension RealVLLMTests {
    /// The tiny chat model is text-only: vLLM answers an image with HTTP 400 `<model> is not a multimodal
    /// model`, which the image tools turn into the message that says what to change.
    @Suite(.realVLLM) struct ImageAgentRealTests {
        @Test func aTextOnlyModelsRefusalOfAnImageSaysToSetAVisionModel() async throws {
            let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("spark-image-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: workspace) }
            let pixels = [UInt8](repeating: 200, count: 32 * 32 * 3)
            let png = try await ImagePipeline.encode(rgb: pixels, width: 32, height: 32, suffix: ".png")
            try Data(png).write(to: URL(fileURLWithPath: workspace + "/a.png"))
            let configuration = try SparkConfiguration.load(
                environment: [
                    "WORKSPACE_DIR": workspace, "VLLM_ENDPOINT": RealVLLM.endpoint.baseURL, "IMAGE_MODEL": RealVLLM.model,
                ])
            let run = AgentRunContext(
                configuration: configuration, editor: DiskWorkspaceEditor(root: try WorkspaceRoot(path: workspace)),
                documents: nil, approval: DenyAllPolicy(reason: "test"),
                environment: ["SPARK_DATA_DIR": workspace + "/.spark"], logger: RealVLLM.logger,
                client: RealVLLM.client())
            let tools = try ImageAgentModule.tools(for: run)
            let describe = try #require(tools.first { $0.name == "describe_image" })
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
