import AgentCore
import SparkLSP
import SparkTestSupport
import Testing

/// Every failure the user can act on: a `window/showMessage` with the endpoint and the cause, an
/// error reply with the same text, and a closing `error` chat event.
@Suite struct ChatErrorTests {
    private func expectFailure(_ fixture: EditorFixture, endpoint: String, cause: String) async throws {
        do {
            _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
            Issue.record("the chat should fail")
        } catch let error as ResponseError {
            #expect(error.code == .internalError)
            #expect(error.message.contains(endpoint), "\(error.message)")
            #expect(error.message.contains(cause), "\(error.message)")
            let shown = try await fixture.client.nextNotification(ofType: ShowMessageNotification.self)
            #expect(shown.type == .error)
            #expect(shown.message == error.message)
        }
        #expect(fixture.chatEvents().last?.kind == "error")
    }

    @Test func backendDown() async throws {
        let endpoint = try ScriptedModelServer.refusingEndpoint().baseURL
        let fixture = try await EditorFixture(endpoint: endpoint)
        try await expectFailure(fixture, endpoint: endpoint, cause: "unreachable")
    }

    @Test func modelNotServed() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.modelNotFound("code-model"))
        try await expectFailure(
            fixture, endpoint: fixture.model.endpoint.baseURL, cause: "does not serve the model code-model")
    }

    @Test func timeout() async throws {
        let fixture = try await EditorFixture(
            clientOptions: HTTPModelClient.Options(firstByteTimeout: .milliseconds(300), maxRetries: 0))
        fixture.model.enqueue(.noResponse)
        try await expectFailure(fixture, endpoint: fixture.model.endpoint.baseURL, cause: "timed out")
    }

    /// The editor's `firstByteTimeout` setting reaches the model client (whose own is 600 s).
    @Test func timeoutFromTheEditorsSettings() async throws {
        let fixture = try await EditorFixture(settings: ["firstByteTimeout": 0.3])
        fixture.model.enqueue(.noResponse)
        try await expectFailure(fixture, endpoint: fixture.model.endpoint.baseURL, cause: "timed out")
    }

    @Test func turnLimit() async throws {
        let fixture = try await EditorFixture(settings: ["agents": ["coding": ["model": "code-model", "maxTurns": 1]]])
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "bash", arguments: ["command": "ls"])]))
        try await expectFailure(fixture, endpoint: fixture.model.endpoint.baseURL, cause: "turn limit")
    }
}
