extension ChatError {
    /// A failed run, described so the user can act: the cause, then the agent, its model and endpoint.
    static func run(_ error: any Error, agent: Agent?) -> ChatError {
        let cause: String
        switch error {
        case let error as LLMError:
            switch error.code {
            case .connectionFailed: cause = "the model server is unreachable: \(error.message)"
            case .modelNotFound:
                cause = "the model server does not serve the model \(agent?.model ?? "configured"): \(error.message)"
            case .timeout: cause = "the model server timed out: \(error.message)"
            default: cause = "the model server failed: \(error.description)"
            }
        case let error as EngineError where error.code == .turnLimitExceeded:
            cause = "turn limit reached: \(error.message)"
        case let error as EngineError:
            cause = error.message
        default:
            cause = String(describing: error)
        }
        guard let agent else { return ChatError(.run, cause) }
        return ChatError(
            .run, "\(cause) [agent \(agent.name), model \(agent.model), endpoint \(agent.endpoint.baseURL)]")
    }
}
