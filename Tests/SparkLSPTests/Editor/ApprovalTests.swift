import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization
import Testing

@Suite struct ApprovalTests {
    /// Runs `calls` bash calls in one session, answering each question with `answer`; returns the
    /// tool results the model saw and how many questions were asked.
    private func run(
        calls: Int, answer: String?, settings: [String: JSONValue] = [:], resetBetweenCalls: Bool = false
    ) async throws -> (results: [String], asked: Int) {
        let asked = Atomic<Int>(0)
        let fixture = try await EditorFixture(settings: settings) { client in
            client.handle(ShowMessageRequest.self) { request in
                asked.add(1, ordering: .relaxed)
                #expect(request.actions?.map(\.title) == ["Allow once", "Always for this session", "Deny"])
                #expect(request.message.contains("echo hi"))
                return answer.map { MessageActionItem(title: $0) }
            }
        }
        for index in 0..<calls {
            if resetBetweenCalls, index > 0 { _ = try await fixture.client.send(ResetSessionRequest(sessionId: "s")) }
            fixture.model.enqueue(
                .toolCalls([ScriptedToolCall(id: "c\(index)", name: "bash", arguments: ["command": "echo hi"])]))
            fixture.model.enqueue(.text("done"))
            _ = try await fixture.client.send(SparkChatRequest(message: "run", sessionId: "s", agent: "coding"))
        }
        let results = fixture.model.requests.compactMap { request in
            request.body?["messages"]?.arrayValue?.last { $0["role"] == "tool" }?["content"]?.stringValue
        }
        return (Array(Set(results)).sorted(), asked.load(ordering: .relaxed))
    }

    @Test func allowOnceRunsAndAsksEveryTime() async throws {
        let (results, asked) = try await run(calls: 2, answer: "Allow once")
        #expect(results == ["ran: echo hi"])
        #expect(asked == 2)
    }

    @Test func alwaysForThisSessionAsksOnce() async throws {
        let (results, asked) = try await run(calls: 2, answer: "Always for this session")
        #expect(results == ["ran: echo hi"])
        #expect(asked == 1)
    }

    @Test func resettingTheSessionForgetsAnAlwaysAnswer() async throws {
        let (results, asked) = try await run(calls: 2, answer: "Always for this session", resetBetweenCalls: true)
        #expect(results == ["ran: echo hi"])
        #expect(asked == 2)
    }

    @Test func denyRefuses() async throws {
        let (results, asked) = try await run(calls: 1, answer: "Deny")
        #expect(results.count == 1 && results[0].hasPrefix("refused:"))
        #expect(asked == 1)
    }

    @Test func dismissingRefuses() async throws {
        let (results, _) = try await run(calls: 1, answer: nil)
        #expect(results.first?.hasPrefix("refused:") == true)
    }

    @Test func theApprovalSettingAllowsOrDeniesWithoutAsking() async throws {
        let allowed = try await run(calls: 1, answer: "Deny", settings: ["approval": "allow"])
        #expect(allowed.results == ["ran: echo hi"])
        #expect(allowed.asked == 0)
        let denied = try await run(calls: 1, answer: "Allow once", settings: ["approval": "deny"])
        #expect(denied.results.first?.hasPrefix("refused:") == true)
        #expect(denied.asked == 0)
    }
}
