import AgentCore
import SparkTestSupport
import Synchronization
import Testing

@Suite struct SessionApprovalsTests {
    /// Answers with a fixed decision and counts the questions.
    final class Asker: ApprovalPolicy {
        let decision: ApprovalDecision
        let asked = Atomic<Int>(0)
        init(_ decision: ApprovalDecision) { self.decision = decision }

        func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
            asked.add(1, ordering: .relaxed)
            return decision
        }
    }

    @Test func alwaysForThisSessionIsRememberedPerSessionAndToolUntilReset() async {
        let approvals = SessionApprovals()
        let always = Asker(.allowForSession)
        let bashA = ApprovalRequest(tool: "bash", detail: "ls", sessionID: "a")
        #expect(await approvals.asking(always).decide(bashA) == .allow)
        #expect(await approvals.asking(always).decide(bashA) == .allow)
        #expect(always.asked.load(ordering: .relaxed) == 1, "the second call is answered without asking")

        let deny = Asker(.deny(reason: "no"))
        let policy = approvals.asking(deny)
        #expect(await policy.decide(bashA) == .allow)
        #expect(
            await policy.decide(ApprovalRequest(tool: "python_repl", detail: "1", sessionID: "a"))
                == .deny(reason: "no"))
        #expect(await policy.decide(ApprovalRequest(tool: "bash", detail: "ls", sessionID: "b")) == .deny(reason: "no"))

        await approvals.forget(session: "a")
        #expect(await policy.decide(bashA) == .deny(reason: "no"))
        #expect(deny.asked.load(ordering: .relaxed) == 3)
    }

    @Test func allowAllAllows() async {
        #expect(await AllowAllPolicy().decide(ApprovalRequest(tool: "bash", detail: "", sessionID: "")) == .allow)
    }
}
