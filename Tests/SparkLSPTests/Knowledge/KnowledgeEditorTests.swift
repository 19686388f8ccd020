import AgentCore
import KnowledgeAgent
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

/// The knowledge base in the editor: `spark/index` with progress, and citations as `spark/chatEvent`s.
@Suite struct KnowledgeEditorTests {
    /// An editor with the knowledge agent over a workspace holding `logging.md`; `knowledgeBase` adds settings.
    static func fixture(
        knowledgeBase: JSONValue = [:], model: ScriptedModelServer? = nil, configure: (TestLSPClient) -> Void = { _ in }
    ) async throws -> EditorFixture {
        try await EditorFixture(
            settings: [
                "agents": ["supervisor": ["model": "sup-model"], "coding": ["model": "code-model"], "rag": ["model": "rag-model"]],
                "knowledgeBase": knowledgeBase,
            ],
            extraAgents: [KnowledgeAgentModule()],
            files: [
                "logging.md":
                    "# Logging\n\nThe logger writes what happens.\n\n## Handlers\n\nAdd a handler with `addHandler` to write records to a file.\n"
            ],
            model: model, configure: configure)
    }

    func fixture() async throws -> EditorFixture { try await Self.fixture() }

    @Test func sparkIndexReportsProgressAndASummary() async throws {
        let fixture = try await fixture()
        let result = try await fixture.client.send(SparkIndexRequest(workDoneToken: .string("index-1")))
        #expect(result.summaries.count == 1)
        // The background indexing after `initialized` may have read the file first.
        #expect(result.summaries.first?.hasPrefix("1 files (") == true, "\(result.summaries)")
        let progress = fixture.client.queuedNotifications(ofType: WorkDoneProgressNotification.self).filter {
            $0.token == .string("index-1")
        }
        guard case .begin? = progress.first?.value, case .end? = progress.last?.value else {
            Issue.record("expected begin ... end, got \(progress.map(\.value))")
            return
        }
        // Unchanged files are not read again.
        let again = try await fixture.client.send(SparkIndexRequest())
        #expect(again.summaries.first?.contains("0 indexed, 1 unchanged") == true, "\(again.summaries)")
    }

    @Test func ragCitationsArriveAsChatEventsAndInDone() async throws {
        let fixture = try await fixture()
        _ = try await fixture.client.send(SparkIndexRequest())
        fixture.model.enqueue(
            .toolCalls([ScriptedToolCall(name: "search_knowledge_base", arguments: ["query": "log handler", "top_k": 1])]))
        fixture.model.enqueue(.text("Use `addHandler` (logging.md:1-7)."))
        let result = try await fixture.client.send(SparkChatRequest(message: "How do I add a handler?", agent: "rag", token: "t"))
        #expect(result.agent == "rag")
        let events = fixture.chatEvents()
        #expect(events.map(\.kind) == ["toolCall", "toolResult", "citation", "delta", "done"])
        let citation = try #require(events.first { $0.kind == "citation" })
        #expect(citation.token == "t" && citation.agent == "rag")
        #expect(citation.fields["uri"]?.stringValue == FileURI.uri(fromPath: fixture.path("logging.md")))
        #expect(citation.fields["range"] == ["start": ["line": 0, "character": 0], "end": ["line": 7, "character": 0]])
        #expect(citation.fields["title"] == "logging.md › Logging › Handlers")
        let done = try #require(events.last)
        #expect(done.fields["citations"]?.arrayValue?.first?["uri"] == citation.fields["uri"])
    }
}
