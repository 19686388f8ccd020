import AgentCore
import CodingAgent
import Synchronization
import Testing

/// Records every request and answers with a fixed decision.
final class RecordingApprovalPolicy: ApprovalPolicy {
    let decision: ApprovalDecision
    let requests = Mutex<[ApprovalRequest]>([])

    init(_ decision: ApprovalDecision) {
        self.decision = decision
    }

    func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        requests.withLock { $0.append(request) }
        return decision
    }
}

@Suite(.timeLimit(.minutes(2))) struct ExecutionApprovalTests {
    @Test func aDenialIsARefusalAndNothingRuns() async throws {
        let fixture = try ExecutionFixture(approval: DenyAllPolicy(reason: "the user said no"))
        let bash = try await fixture.call("bash", ["command": "touch MARK"])
        #expect(bash.content == "refused: the user said no")
        #expect(!fixture.exists("MARK"))
        let code = try await fixture.call("execute_code", ["code": "open('MARK', 'w')", "language": "python"])
        #expect(code.content == "refused: the user said no")
        let repl = try await fixture.call("python_repl", ["code": "x = 1"])
        #expect(repl.content == "refused: the user said no")
    }

    @Test func thePolicySeesToolDetailAndSession() async throws {
        let policy = RecordingApprovalPolicy(.allow)
        let fixture = try ExecutionFixture(approval: policy)
        let result = try await fixture.call("bash", ["command": "echo approved"], session: "session-7")
        #expect(result.content.contains("approved"))
        let requests = policy.requests.withLock { $0 }
        #expect(requests == [ApprovalRequest(tool: "bash", detail: "echo approved", sessionID: "session-7")])
    }

    @Test func validatorRefusalsComeBeforeAsking() async throws {
        let policy = RecordingApprovalPolicy(.allow)
        let fixture = try ExecutionFixture(approval: policy)
        let result = try await fixture.call("bash", ["command": "sudo ls"])
        #expect(result.content.hasPrefix("refused: privilege escalation"))
        #expect(policy.requests.withLock { $0.isEmpty })
    }
}
