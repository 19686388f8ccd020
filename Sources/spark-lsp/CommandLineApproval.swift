import AgentCore
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Approves commands and code for the command line: `--yes` allows everything; otherwise the
/// user is asked on the terminal when stdin is one, and denied with a hint at `--yes` when not.
struct CommandLineApproval: ApprovalPolicy {
    let allowAll: Bool

    func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        if allowAll { return .allow }
        guard isatty(STDIN_FILENO) == 1 else {
            return .deny(reason: "\(request.tool) needs approval and stdin is not a terminal; pass --yes to allow it")
        }
        StandardStream.error("\nspark-lsp: \(request.tool) wants to run:\n\(request.detail)\nAllow? [y/N] ")
        // readLine blocks: keep it off the cooperative pool.
        let answer = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readLine() ?? "") }
        }
        return answer.lowercased().hasPrefix("y") ? .allow : .deny(reason: "the user declined to run \(request.tool)")
    }
}
