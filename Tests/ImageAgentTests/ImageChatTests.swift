import AgentCore
import SparkAgents
import SparkJSON
import SparkTestSupport
import Testing

@testable import ImageAgent

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ImageAgentTests {
    /// Images as chat input through `ChatService` (what `spark/chat`, `spark-lsp chat --image` and `POST /chat`
    /// share), stored by reference and hash, and the supervisor routing image work to the `image` agent.
    @Suite struct ImageChatTests {
        func service(_ workspace: ImageWorkspace) -> (ChatService, ChatSurface) {
            let service = ChatService(
                client: HTTPModelClient(logger: .silent, options: HTTPModelClient.Options(maxRetries: 0)),
                modules: AgentModules.all(),
                environment: [
                    "VLLM_ENDPOINT": workspace.model.endpoint.baseURL, "WORKSPACE_DIR": workspace.path,
                    "SUPERVISOR_MODEL": "vision", "CODING_MODEL": "vision", "IMAGE_MODEL": "vision",
                    "SPARK_MODEL_FALLBACK": "false", "PATH": "/usr/bin:/bin",
                ], sessionPrefix: "test", logger: .silent)
            return (service, ChatSurface(editor: RecordingWorkspaceEditor(), approval: AllowAllPolicy()))
        }

        @Test func theSupervisorHandsAScreenshotToTheImageAgentWhichHandsBackForTheFix() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeText("AssertionError: expected 3, got 4", to: "shots/failing.png")
            let bytes = try workspace.bytes(of: "shots/failing.png")
            let sha = SHA256.hex(bytes)
            let reference = "attachment:\(sha).png"
            let (service, surface) = service(workspace)
            workspace.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_image", arguments: [:])]))
            workspace.model.enqueue(
                .toolCalls([ScriptedToolCall(name: "extract_text", arguments: ["image_path": .string(reference)])]))
            workspace.model.enqueue(
                .toolCalls([ScriptedToolCall(name: "transfer_to_supervisor", arguments: [:])]))
            workspace.model.enqueue(.text("The test expected 3 and got 4; the coding agent can fix it."))
            var request = ChatTurnRequest(message: "What does the error say? Then fix it.", sessionID: "s")
            request.images = ["shots/failing.png"]
            let result = try await service.run(request, on: surface) { _ in }
            #expect(result.content == "The test expected 3 and got 4; the coding agent can fix it.")

            let requests = workspace.model.requests.compactMap(\.body)
            #expect(requests.count == 4)
            // The supervisor saw the reference, not the pixels, and had the image agent to route to.
            let first = requests[0].serialized()
            #expect(first.contains(reference) && first.contains("transfer_to_image") && !first.contains("base64"))
            // The image agent ran with its five tools and read the text with Tesseract.
            let tools = requests[1]["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } ?? []
            #expect(
                Set(tools).isSuperset(of: [
                    "analyze_image", "extract_text", "describe_image", "compare_images", "get_image_metadata",
                ]))
            #expect(requests[2].serialized().contains("AssertionError: expected 3, got 4"))

            // Stored once, by hash, in the data directory; the session holds the reference only.
            let stored = try Data(contentsOf: URL(fileURLWithPath: workspace.dataDirectory + "/images/\(sha).png"))
            #expect(Array(stored) == bytes)
            let history = try await service.history(of: "s", on: surface).messages
            let user = try #require(history.first)
            #expect(user.text.contains(reference) && user.text.contains("from shots/failing.png"))
            #expect(!history.contains { $0.text.contains("base64") })
        }

        @Test func dataURLsAndFileURIsAreAttachedAndBadImagesRefused() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "a.png", pixels: ImageWorkspace.pixels(width: 4, height: 4), width: 4, height: 4, suffix: ".png")
            let bytes = try workspace.bytes(of: "a.png")
            let (service, surface) = service(workspace)
            workspace.model.enqueue(.text("ok"))
            var request = ChatTurnRequest(message: "look", agent: "supervisor", persistent: false)
            request.images = [
                "data:image/png;base64," + Data(bytes).base64EncodedString(), "file://" + workspace.path + "/a.png",
            ]
            _ = try await service.run(request, on: surface) { _ in }
            let sent = workspace.model.requests.last?.body?.serialized() ?? ""
            #expect(sent.components(separatedBy: "attachment:\(SHA256.hex(bytes)).png").count == 3)

            try workspace.write(Array("not an image".utf8), to: "notes.png")
            let outside = try ImageWorkspace()
            defer { outside.remove() }
            try outside.write(bytes, to: "b.png")
            let cases = [
                ("notes.png", "notes.png is not an image"), ("../x.png", "cannot open image ../x.png"),
                (outside.path + "/b.png", "refused: image \(outside.path)/b.png is outside the workspace"),
                ("data:text/plain;base64,aGVsbG8=", "a data URL must be data:image/<type>;base64,<data>"),
            ]
            for (image, message) in cases {
                var bad = ChatTurnRequest(message: "look", persistent: false)
                bad.images = [image]
                do {
                    _ = try await service.run(bad, on: surface) { _ in }
                    Issue.record("\(image) was accepted")
                } catch let error as ChatError {
                    #expect(error.code == .invalidAttachment && error.message.contains(message), "\(error.message)")
                }
            }
        }
    }
}
