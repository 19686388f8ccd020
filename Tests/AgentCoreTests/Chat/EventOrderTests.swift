import AgentCore
import SparkJSON
import SparkTestSupport
import Synchronization
import Testing

/// Found by the fault soak: a tool's edit reached the editor (`workspace/applyEdit`) before the `toolCall` event of
/// the tool making it, because events travel through a stream that a consumer drains while the tool runs at once.
/// An edit now waits until the events before it have been delivered.
@Suite struct EventOrderTests {
    /// What the test saw, in order: delivered events by kind, and "apply" when the editor was called.
    final class Log: WorkspaceEditor, Sendable {
        let entries = Mutex<[String]>([])
        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
        func apply(_ change: FileChange) async throws -> EditOutcome {
            append("apply")
            return .applied
        }
    }

    @Test func theEditorGetsAnEditOnlyAfterTheToolCallEventOfItsTool() async throws {
        let model = try ScriptedModelServer(models: ["m"])
        let directory = try TemporaryDirectory()
        let writer = FixtureAgentModule(name: "writer", description: "Writes.") { run in
            let tool = TypedTool<[String: String]>(name: "touch", description: "Edits a file.") { _, _ in
                let change = FileChange(
                    kind: .modify, path: directory.path + "/a.txt", originalText: "a", newText: "b", baseVersion: nil)
                return ToolResult(try await run.editor.apply(change).applied ? "edited" : "not edited")
            }
            return [tool]
        }
        let service = ChatService(
            client: HTTPModelClient(logger: .silent, options: HTTPModelClient.Options(maxRetries: 0)),
            modules: [writer],
            environment: [
                "VLLM_ENDPOINT": model.endpoint.baseURL, "SUPERVISOR_MODEL": "m", "WORKSPACE_DIR": directory.path,
                "SPARK_MODEL_FALLBACK": "false",
            ], sessionPrefix: "test", logger: .silent)
        let log = Log()
        let surface = ChatSurface(
            editor: log, approval: AllowAllPolicy(), settings: [["agents": ["writer": ["model": "m"]]]])
        model.enqueue(.toolCalls([ScriptedToolCall(id: "t1", name: "touch", arguments: [:])]))
        model.enqueue(.text("done"))
        _ = try await service.run(ChatTurnRequest(message: "edit", agent: "writer"), on: surface) { event in
            // A front end that takes a moment to write each event.
            for _ in 0..<200 { await Task.yield() }
            log.append(event.kind)
        }
        let entries = log.entries.withLock { $0 }.filter { $0 != "delta" }
        #expect(entries.prefix(3) == ["toolCall", "apply", "edit"], "\(entries)")
    }
}
