import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization
import Testing

@Suite struct CommandTests {
    @Test func explainShowsTheAnswerUsesTheWorkflowAndReportsProgress() async throws {
        let fixture = try await EditorFixture { client in
            client.handle(CreateWorkDoneProgressRequest.self) { _ in VoidResponse() }
        }
        fixture.open("a.py", "def f():\n    return 1\n")
        let arguments = CodeActionArguments(
            action: .review, uri: FileURI.uri(fromPath: fixture.path("a.py")),
            range: LSPRange(start: Position(line: 0, character: 0), end: Position(line: 2, character: 0)))
        fixture.model.enqueue(.text("Looks fine."))
        let reply = try await fixture.client.send(
            ExecuteCommandRequest(command: "spark.codeAction", arguments: [try JSONValue(encoding: arguments)]))
        #expect(reply?["content"] == "Looks fine.")
        let shown = try await fixture.client.nextNotification(ofType: ShowMessageNotification.self)
        #expect(shown.message == "Looks fine.")
        #expect(fixture.requestedModels == ["code-model"])
        let messages = fixture.model.requests.first?.body?["messages"]?.arrayValue ?? []
        #expect(messages.last?["content"]?.stringValue?.contains("return 1") == true)
        let system = messages.first?["content"]?.stringValue ?? ""
        #expect(system.contains("# Workflow: code review"), "the code review workflow prompt is used")
        let progress = fixture.client.queuedNotifications(ofType: WorkDoneProgressNotification.self)
        #expect(progress.count >= 2)
        // The answer is kept in a session.
        let session = try #require(reply?["sessionId"]?.stringValue)
        #expect(try await fixture.client.send(SessionRequest(sessionId: session)).messages.count == 2)
    }

    @Test func sparkChatStreamsIntoTheChatDocumentAndShowsIt() async throws {
        let document = Mutex("")
        let edits = Atomic<Int>(0)
        let shown = Mutex<[String]>([])
        let fixture = try await EditorFixture { client in
            client.handle(ApplyEditRequest.self) { request in
                edits.add(1, ordering: .relaxed)
                // Apply appends: every edit inserts at the current end.
                for (_, edits) in request.edit.changes ?? [:] {
                    for edit in edits { document.withLock { $0 += edit.newText } }
                }
                return ApplyWorkspaceEditResult(applied: true)
            }
            client.handle(ShowDocumentRequest.self) { request in
                shown.withLock { $0.append(request.uri) }
                return ShowDocumentResult(success: true)
            }
        }
        fixture.model.enqueue(.text("Hi there", chunks: 3))
        let reply = try await fixture.client.send(ExecuteCommandRequest(command: "spark.chat", arguments: ["hello"]))
        #expect(reply?["content"] == "Hi there")
        #expect(reply?["sessionId"] == "spark.chat")
        let chat = FileURI.uri(fromPath: fixture.path(".spark/chat.md"))
        #expect(shown.withLock { $0 } == [chat])
        #expect(document.withLock { $0 } == "## You\n\nhello\n\n## Spark\n\nHi there\n\n")

        // A long answer is written in batches (at line ends, or when text has waited), not an edit per token.
        let answer = (0..<10).map { "line \($0):" + String(repeating: " word", count: 19) + "\n" }.joined()
        fixture.model.enqueue(.text(answer, chunks: 200))
        edits.store(0, ordering: .relaxed)
        _ = try await fixture.client.send(ExecuteCommandRequest(command: "spark.chat", arguments: ["more"]))
        #expect(document.withLock { $0 }.hasSuffix("## You\n\nmore\n\n## Spark\n\n\(answer)\n\n"))
        let count = edits.load(ordering: .relaxed)
        #expect(count >= 3 && count <= 40, "\(count) edits for 200 tokens")
    }

    @Test func unknownCommandsAndBadArgumentsAreInvalidParams() async throws {
        let fixture = try await EditorFixture()
        await #expect(throws: ResponseError.self) {
            _ = try await fixture.client.send(ExecuteCommandRequest(command: "spark.nothing"))
        }
        await #expect(throws: ResponseError.self) {
            _ = try await fixture.client.send(
                ExecuteCommandRequest(command: "spark.codeAction", arguments: [["action": "dance"]]))
        }
    }
}
