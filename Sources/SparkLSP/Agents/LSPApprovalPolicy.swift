import AgentCore

/// Approves `bash`, `execute_code` and `python_repl` per the `approval` setting; with `ask`,
/// through `window/showMessageRequest` with "Allow once", "Always for this session" and "Deny".
/// No answer (dismissed, failed or timed out) denies.
public struct LSPApprovalPolicy: ApprovalPolicy {
    public static let allowOnce = "Allow once"
    public static let allowAlways = "Always for this session"
    public static let deny = "Deny"

    let context: ServerContext
    let mode: ApprovalMode
    let memory: ApprovalMemory

    init(context: ServerContext, mode: ApprovalMode, memory: ApprovalMemory) {
        self.context = context
        self.mode = mode
        self.memory = memory
    }

    public func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        switch mode {
        case .allow: return .allow
        case .deny: return .deny(reason: "the approval setting is deny; \(request.tool) may not run")
        case .ask: break
        }
        if await memory.isAllowed(tool: request.tool, session: request.sessionID) { return .allow }
        let question = "Spark: the agent wants to run \(request.tool):\n\(request.detail)"
        let answer: String?
        do {
            answer = try await context.showMessageRequest(
                .warning, question, actions: [Self.allowOnce, Self.allowAlways, Self.deny])
        } catch {
            context.logger.debug("showMessageRequest failed: \(error)")
            return .deny(reason: "the user was not asked (\(error)); \(request.tool) did not run")
        }
        switch answer {
        case Self.allowOnce?:
            return .allow
        case Self.allowAlways?:
            await memory.allow(tool: request.tool, session: request.sessionID)
            return .allow
        case Self.deny?:
            return .deny(reason: "the user denied running \(request.tool)")
        default:
            return .deny(reason: "the user dismissed the request; \(request.tool) did not run")
        }
    }
}
