import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The editor keeps the knowledge base in step: a save or a watched-file change re-indexes, and an indexing can be
/// cancelled (by its request or by its progress) without harm to the index.
@Suite struct KnowledgeReindexTests {
    /// Waits for the `window/logMessage` that ends an indexing with a summary containing `text` (other messages are
    /// skipped; the client's timeout turns a missing one into a failure).
    func indexed(_ fixture: EditorFixture, containing text: String) async throws -> String {
        while true {
            let message = try await fixture.client.nextNotification(ofType: LogMessageNotification.self).message
            if message.hasPrefix("Knowledge base: indexed"), message.contains(text) { return message }
        }
    }

    /// The titles of the passages `search_knowledge_base` finds for `query`, run by the `rag` agent.
    func citedTitles(_ fixture: EditorFixture, _ query: String) async throws -> [String] {
        _ = fixture.chatEvents()
        fixture.model.enqueue(
            .toolCalls([
                ScriptedToolCall(name: "search_knowledge_base", arguments: ["query": .string(query), "top_k": 3])
            ]))
        fixture.model.enqueue(.text("Done."))
        _ = try await fixture.client.send(SparkChatRequest(message: query, agent: "rag"))
        return fixture.chatEvents().filter { $0.kind == "citation" }.compactMap { $0.fields["title"]?.stringValue }
    }

    func uri(_ fixture: EditorFixture, _ name: String) -> DocumentURI { FileURI.uri(fromPath: fixture.path(name)) }

    @Test func aSavedFilesNewTextBecomesSearchable() async throws {
        let fixture = try await KnowledgeEditorTests.fixture()
        _ = try await fixture.client.send(SparkIndexRequest())
        _ = fixture.client.queuedNotifications(ofType: LogMessageNotification.self)
        #expect(try await citedTitles(fixture, "zeppelin").isEmpty)

        try fixture.write("logging.md", "# Logging\n\n## Zeppelin\n\nA zeppelin handler floats records away.\n")
        fixture.client.notify(
            DidSaveTextDocumentNotification(textDocument: TextDocumentIdentifier(uri: uri(fixture, "logging.md"))))
        _ = try await indexed(fixture, containing: "(1 indexed, 0 unchanged)")
        #expect(try await citedTitles(fixture, "zeppelin") == ["logging.md › Logging › Zeppelin"])
    }

    @Test func watchedFileChangesAddNewFilesAndRemoveDeletedOnes() async throws {
        let fixture = try await KnowledgeEditorTests.fixture()
        _ = try await fixture.client.send(SparkIndexRequest())
        _ = fixture.client.queuedNotifications(ofType: LogMessageNotification.self)
        #expect(try await citedTitles(fixture, "handler").first == "logging.md › Logging › Handlers")

        try fixture.write("tracing.md", "# Tracing\n\nA span times one request.\n")
        try FileManager.default.removeItem(atPath: fixture.path("logging.md"))
        fixture.client.notify(
            DidChangeWatchedFilesNotification(changes: [
                .init(uri: uri(fixture, "tracing.md"), type: 1), .init(uri: uri(fixture, "logging.md"), type: 3),
            ]))
        _ = try await indexed(fixture, containing: "(1 indexed, 0 unchanged, 1 removed)")
        #expect(try await citedTitles(fixture, "span request") == ["tracing.md › Tracing"])
        #expect(try await citedTitles(fixture, "handler").isEmpty, "the deleted file's chunks are gone")
    }

    @Test func cancellingIndexingStopsItEndsItsProgressAndKeepsTheIndexUsable() async throws {
        // The background indexing after `initialized` embeds the chunks of logging.md: its request is held.
        let model = try ScriptedModelServer(models: ["sup-model", "code-model"])
        let firstHold = try ScriptedHold()
        model.enqueue(.held(firstHold, then: .error(status: 500, message: "too late")), for: .embeddings)
        let fixture = try await KnowledgeEditorTests.fixture(
            knowledgeBase: ["embeddingModel": "embedder"], model: model
        ) {
            $0.handle(CreateWorkDoneProgressRequest.self) { _ in VoidResponse() }
        }
        defer { firstHold.release() }
        #expect(await firstHold.reached())

        // Cancelled through its work-done progress: the progress ends as cancelled.
        let token = try await progressToken(fixture)
        fixture.client.notify(WorkDoneProgressCancelNotification(token: token))
        #expect(try await progressEnd(fixture, token: token) == "cancelled")

        // Cancelled through its request: -32800, and its progress ends as cancelled.
        let secondHold = try ScriptedHold()
        defer { secondHold.release() }
        model.enqueue(.held(secondHold, then: .error(status: 500, message: "too late")), for: .embeddings)
        let request = Task { try await fixture.client.send(SparkIndexRequest(workDoneToken: .string("index-2"))) }
        #expect(await secondHold.reached())
        request.cancel()
        await #expect(throws: CancellationError.self) { try await request.value }
        #expect(try await fixture.client.nextUnmatchedResponse().error?.code == .requestCancelled)
        #expect(try await progressEnd(fixture, token: .string("index-2")) == "cancelled")

        // The index is usable: the next indexing reads nothing again and embeds what is left.
        model.respond { request in
            guard request.path == "/v1/embeddings" else { return nil }
            let inputs = request.body?["input"]?.arrayValue ?? []
            return .json([
                "object": "list",
                "data": .array(inputs.indices.map { ["index": .int($0), "embedding": [1.0, 0.5, 0.25]] }),
            ])
        }
        let result = try await fixture.client.send(SparkIndexRequest())
        let summary = try #require(result.summaries.first)
        #expect(summary.contains("(0 indexed, 1 unchanged)") && summary.contains("chunks embedded"), "\(summary)")
        #expect(!summary.contains("not embedded"), "\(summary)")
        #expect(try await citedTitles(fixture, "handler").first == "logging.md › Logging › Handlers")
    }

    /// The token of the next work-done progress that begins.
    func progressToken(_ fixture: EditorFixture) async throws -> ProgressToken {
        while true {
            let progress = try await fixture.client.nextNotification(ofType: WorkDoneProgressNotification.self)
            if case .begin = progress.value { return progress.token }
        }
    }

    /// The message of the end of the progress on `token`.
    func progressEnd(_ fixture: EditorFixture, token: ProgressToken) async throws -> String? {
        while true {
            let progress = try await fixture.client.nextNotification(ofType: WorkDoneProgressNotification.self)
            if progress.token == token, case .end(let message) = progress.value { return message }
        }
    }
}
