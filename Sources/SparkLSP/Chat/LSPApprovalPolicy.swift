import AgentCore

/// Approves `bash`, `execute_code` and `python_repl` per the `approval` setting; with `ask`,
/// through `window/showMessageRequest` with "Allow once", "Always for this session" and "Deny".
/// No answer (dismissed, failed or timed out) denies; `ChatService` remembers "Always for this session".
public struct LSPApprovalPolicy: ApprovalPolicy {
    public static let allowOnce = "Allow once"
    public static let allowAlways = "Always for this session"
    public static let deny = "Deny"
    /// How long a question waits for the user before it counts as denied.
    public static let answerTimeout: Duration = .seconds(600)

    let context: ServerContext
    let mode: ApprovalMode

    init(context: ServerContext, mode: ApprovalMode) {
        self.context = context
        self.mode = mode
    }

    public func decide(_ request: ApprovalRequest) async -> ApprovalDecision {
        switch mode {
        case .allow: return .allow
        case .deny: return .deny(reason: "the approval setting is deny; \(request.tool) may not run")
        case .ask: break
        }
        let question = "Spark: the agent wants to run \(request.tool):\n\(request.detail)"
        let answer: String?
        do {
            let items = [Self.allowOnce, Self.allowAlways, Self.deny].map { MessageActionItem(title: $0) }
            answer = try await context.send(
                ShowMessageRequest(type: .warning, message: question, actions: items), timeout: Self.answerTimeout)?
                .title
        } catch {
            context.logger.debug("showMessageRequest failed: \(error)")
            return .deny(reason: "the user was not asked (\(error)); \(request.tool) did not run")
        }
        switch answer {
        case Self.allowOnce?:
            return .allow
        case Self.allowAlways?:
            return .allowForSession
        case Self.deny?:
            return .deny(reason: "the user denied running \(request.tool)")
        default:
            return .deny(reason: "the user dismissed the request; \(request.tool) did not run")
        }
    }
}
