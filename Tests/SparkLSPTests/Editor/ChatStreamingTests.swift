import AgentCore
import SparkLSP
import SparkTestSupport
import Testing

@Suite struct ChatStreamingTests {
    @Test func deltasStreamInOrderThenDoneAndTheReplyCarriesTheWholeAnswer() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.text("Hello there, world", chunks: 4))
        let result = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding", token: "t-1"))
        let events = fixture.chatEvents()
        #expect(events.map(\.kind) == ["delta", "delta", "delta", "delta", "done"])
        #expect(events.compactMap(\.text).joined() == "Hello there, world")
        #expect(events.allSatisfy { $0.token == "t-1" && $0.sessionId == result.sessionId && $0.agent == "coding" })
        #expect(events.last?.fields["content"] == "Hello there, world")
        #expect(result.content == "Hello there, world")
        #expect(result.agent == "coding")
        #expect(result.usage.completionTokens == 4)
    }

    @Test func namingAnAgentMakesNoSupervisorCall() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.text("done"))
        _ = try await fixture.client.send(SparkChatRequest(message: "fix it", agent: "coding"))
        #expect(fixture.requestedModels == ["code-model"])
    }

    @Test func withoutAnAgentTheSupervisorAnswersAndHandsOff() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_coding", arguments: [:])]))
        fixture.model.enqueue(.text("coded"))
        let result = try await fixture.client.send(SparkChatRequest(message: "write code"))
        #expect(fixture.requestedModels == ["sup-model", "code-model"])
        #expect(result.agent == "coding")
        let handoff = fixture.chatEvents().first { $0.kind == "handoff" }
        #expect(handoff?.fields["from"] == "supervisor")
        #expect(handoff?.fields["to"] == "coding")
    }

    @Test func theDefaultAgentSettingChoosesTheFirstAgent() async throws {
        let fixture = try await EditorFixture(settings: ["defaultAgent": "coding"])
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi"))
        #expect(fixture.requestedModels == ["code-model"])
    }

    @Test func theSelectionIsSentAsContext() async throws {
        let fixture = try await EditorFixture()
        fixture.open("a.py", "one = 1\ntwo = 2\nthree = 3\n")
        fixture.model.enqueue(.text("ok"))
        let range = LSPRange(start: Position(line: 1, character: 0), end: Position(line: 1, character: 7))
        _ = try await fixture.client.send(
            SparkChatRequest(
                message: "what is this", agent: "coding",
                textDocument: TextDocumentIdentifier(uri: FileURI.uri(fromPath: fixture.path("a.py"))), range: range))
        let sent = fixture.model.requests.last?.body?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(sent.hasPrefix("what is this"))
        #expect(sent.contains("a.py` (line 2)"))
        #expect(sent.contains("two = 2"))
        #expect(!sent.contains("three"))
    }

    @Test func workDoneProgressBeginsReportsAndEnds() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding", workDoneToken: .string("p-1")))
        let progress = fixture.client.queuedNotifications(ofType: WorkDoneProgressNotification.self)
        #expect(progress.allSatisfy { $0.token == .string("p-1") })
        guard case .begin? = progress.first?.value, case .end? = progress.last?.value else {
            Issue.record("expected begin ... end, got \(progress.map(\.value))")
            return
        }
    }

    @Test func sessionsAreListedReadContinuedAndReset() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.text("first answer"))
        fixture.model.enqueue(.text("second answer"))
        let first = try await fixture.client.send(SparkChatRequest(message: "first question", agent: "coding"))
        _ = try await fixture.client.send(SparkChatRequest(message: "second question", sessionId: first.sessionId))
        // The session continues with its active agent and its history.
        #expect(fixture.requestedModels == ["code-model", "code-model"])
        let sent = fixture.model.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue } ?? []
        #expect(sent.suffix(3) == ["first question", "first answer", "second question"])

        let sessions = try await fixture.client.send(SessionsRequest()).sessions
        #expect(sessions.map(\.id) == [first.sessionId])
        #expect(sessions.first?.title == "first question")
        #expect(sessions.first?.messageCount == 4)
        #expect(sessions.first?.agent == "coding")
        let history = try await fixture.client.send(SessionRequest(sessionId: first.sessionId))
        #expect(history.messages.compactMap { $0["role"]?.stringValue } == ["user", "assistant", "user", "assistant"])
        #expect(history.messages[1]["agent"] == "coding")

        _ = try await fixture.client.send(ResetSessionRequest(sessionId: first.sessionId))
        #expect(try await fixture.client.send(SessionRequest(sessionId: first.sessionId)).messages.isEmpty)
    }

    @Test func agentsListsModelsEndpointsAndTools() async throws {
        let fixture = try await EditorFixture()
        let agents = try await fixture.client.send(AgentsRequest()).agents
        #expect(agents.map(\.name) == ["supervisor", "coding"])
        #expect(agents.map(\.model) == ["sup-model", "code-model"])
        #expect(agents.allSatisfy { $0.endpoint == fixture.model.endpoint.baseURL })
        #expect(agents.last?.tools == ["file_write", "bash"])
    }

    @Test func anUnknownAgentIsInvalidParams() async throws {
        let fixture = try await EditorFixture()
        await #expect(throws: ResponseError.self) {
            _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "nobody"))
        }
        #expect(fixture.model.requests.isEmpty)
    }
}
