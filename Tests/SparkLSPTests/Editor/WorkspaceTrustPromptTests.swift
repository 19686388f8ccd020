import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization
import Testing

/// The editor asks once whether to trust a workspace whose own configuration file sets an endpoint or an
/// API key; until the user does, those settings are ignored.
@Suite struct WorkspaceTrustPromptTests {
    static let configuration = #"{"apiKey": "workspace-key"}"#

    /// The questions the client was asked.
    final class Questions: Sendable {
        let asked = Mutex<[String]>([])
    }

    func fixture(answer: String, questions: Questions) async throws -> EditorFixture {
        try await EditorFixture(workspaceConfiguration: Self.configuration) { client in
            client.handle(ShowMessageRequest.self) { request in
                questions.asked.withLock { $0.append(request.message) }
                return MessageActionItem(title: answer)
            }
        }
    }

    @Test func trustingAppliesTheWorkspaceSettings() async throws {
        let questions = Questions()
        let fixture = try await fixture(answer: "Trust this workspace", questions: questions)
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        #expect(questions.asked.withLock { $0.count } == 1)
        #expect(questions.asked.withLock { $0.first?.contains("sets apiKey") } == true)
        #expect(fixture.model.requests.last?.header("authorization") == "Bearer workspace-key")
        let shown = try await fixture.client.nextNotification(ofType: ShowMessageNotification.self)
        #expect(shown.message.contains("trusted"))
    }

    @Test func untilTrustedTheSettingsAreIgnoredAndTheUserIsAskedOnce() async throws {
        let questions = Questions()
        let fixture = try await fixture(answer: "Not now", questions: questions)
        fixture.model.enqueue(.text("ok"))
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        _ = try await fixture.client.send(SparkChatRequest(message: "again", agent: "coding"))
        #expect(questions.asked.withLock { $0.count } == 1)
        #expect(fixture.model.requests.allSatisfy { $0.header("authorization") == nil })
        let shown = try await fixture.client.nextNotification(ofType: ShowMessageNotification.self)
        #expect(shown.type == .warning && shown.message.contains("apiKey, ignored until you trust this workspace"))
    }
}
