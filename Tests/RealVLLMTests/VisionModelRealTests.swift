import AgentCore
import ImageAgent
import SparkJSON
import SparkTestSupport
import Synchronization
import Testing

extension RealVLLMTests {
    /// The image agent against a real vision model: the tiny random Qwen2-VL of the `vision` kind
    /// (`scripts/vllm/serve.sh`). Its words do not depend visibly on the image, so the tests check the round
    /// trip: the pixels reach the model (its prompt grows with the image) and an answer comes back.
    @Suite(.realVisionModel) struct VisionModelRealTests {
        @Test func describeImageSendsThePixelsAndGetsAnAnswer() async throws {
            let workspace = try RealImageWorkspace()
            defer { workspace.remove() }
            // Qwen2-VL makes 4 tokens of the smallest image and 64 of one at or over its max_pixels.
            try await workspace.writePNG("small.png", width: 28, height: 28)
            try await workspace.writePNG("large.png", width: 640, height: 480)
            let describe = try #require(
                try workspace.tools(model: RealVisionModel.model, endpoint: RealVisionModel.endpoint)["describe_image"])
            let client = RealVLLM.client()
            var promptTokens: [Double] = []
            for name in ["small.png", "large.png"] {
                let before = try await metrics(client).total("vllm:prompt_tokens_total")
                let result = try await describe.call(
                    ["image_path": .string(name), "detail_level": "brief"],
                    context: ToolContext(sessionID: "s", agentName: "image", toolCallID: name))
                #expect(!result.isError, "\(result.content)")
                #expect(!result.content.trimmingWhitespace.isEmpty)
                promptTokens.append(try await metrics(client).total("vllm:prompt_tokens_total") - before)
            }
            // The same question: the difference is the image's tokens.
            #expect(promptTokens[1] - promptTokens[0] >= Double(RealVisionModel.maxImageTokens / 2), "\(promptTokens)")
        }

        /// `spark/chat`'s path: an attached image, the supervisor (the chat model) forced to hand off, the
        /// image agent (the vision model) forced to call `describe_image` on the attachment.
        @Test func anImageAttachedToAChatIsDescribedByTheVisionModel() async throws {
            let workspace = try RealImageWorkspace()
            defer { workspace.remove() }
            let png = try await workspace.writePNG("shot.png", width: 200, height: 120)
            let reference = "attachment:\(SHA256.hex(png)).png"
            // The real tool, its path narrowed to the attachment so the random model names it.
            let image = FixtureAgentModule(wrapping: ImageAgentModule()) { _, tools in
                tools.map { tool in
                    tool.name == "describe_image"
                        ? BoundedSchemaTool(
                            tool: tool, maxLength: 40,
                            overrides: [
                                "image_path": ["type": "string", "enum": [.string(reference)]],
                                "detail_level": ["type": "string", "enum": ["brief"]],
                            ], only: ["image_path", "detail_level"])
                        : tool
                }
            }
            let service = ChatService(
                client: RealVLLM.client(), modules: [image],
                environment: ["WORKSPACE_DIR": workspace.path, "SPARK_DATA_DIR": workspace.path + "/.spark"],
                sessionPrefix: "test", logger: RealVLLM.logger)
            let settings: JSONValue = [
                "endpoint": .string(RealVLLM.endpoint.baseURL), "modelFallback": false,
                "agents": [
                    "supervisor": [
                        "model": .string(RealVLLM.model), "toolChoice": "transfer_to_image", "maxTokens": 64,
                    ],
                    "image": [
                        "model": .string(RealVisionModel.model), "endpoint": .string(RealVisionModel.endpoint.baseURL),
                        // A call naming the 64-digit attachment takes ~160 tokens of this model's vocabulary.
                        "toolChoice": "describe_image", "maxTokens": 256, "maxTurns": 3,
                    ],
                ],
            ]
            let surface = ChatSurface(
                editor: RecordingWorkspaceEditor(), approval: DenyAllPolicy(reason: "test"),
                workspaceFolder: workspace.path, settings: [settings])
            var request = ChatTurnRequest(message: "What does this screenshot show?", persistent: false)
            request.images = ["shot.png"]
            let events = Mutex<[ChatEvent]>([])
            let result = try await service.run(request, on: surface) { event in events.withLock { $0.append(event) } }
            let seen = events.withLock { $0 }
            #expect(
                seen.contains { if case .handoff(from: "supervisor", to: "image") = $0 { true } else { false } }, "\(seen)")
            let described = seen.compactMap { event -> ToolResult? in
                guard case .toolResult(_, let call, let result) = event, call.function.name == "describe_image" else { return nil }
                return result
            }
            let answer = try #require(described.first, "\(seen)")
            #expect(!answer.isError, "\(answer.content)")
            #expect(!answer.content.trimmingWhitespace.isEmpty)
            #expect(result.agent == "image")
            await service.shutdown()
        }

        private func metrics(_ client: HTTPModelClient) async throws -> VLLMMetrics {
            var base = RealVisionModel.endpoint.baseURL
            if base.hasSuffix("/v1") { base.removeLast(3) }
            return VLLMMetrics(text: try await client.getText(base + "/metrics"))
        }
    }
}
