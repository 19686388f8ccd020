import AgentCore

/// Approves commands and code for the command line: `--yes` allows everything; otherwise the
/// user is asked on the terminal when stdin is one, and denied with a hint at `--yes` when not.
struct CommandLineApproval: ApprovalPolicy {
    let allowAll: Bool

    func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        if allowAll { return .allow }
        guard TerminalQuestion.canAsk else {
            return .deny(reason: "\(request.tool) needs approval and stdin is not a terminal; pass --yes to allow it")
        }
        let allowed = await TerminalQuestion.ask(
            "\nspark-lsp: \(request.tool) wants to run:\n\(request.detail)\nAllow?")
        return allowed ? .allow : .deny(reason: "the user declined to run \(request.tool)")
    }
}
