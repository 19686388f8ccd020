import AgentCore

/// The text a user can act on when a run fails: the cause, the agent, its model and endpoint.
enum AgentFailure {
    static func describe(_ error: any Error, agent: Agent?) -> String {
        let cause: String
        switch error {
        case let error as LLMError:
            switch error.code {
            case .connectionFailed: cause = "the model server is unreachable: \(error.message)"
            case .modelNotFound: cause = "the model server does not serve the model \(agent?.model ?? "configured"): \(error.message)"
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
        guard let agent else { return "Spark: \(cause)" }
        return "Spark: \(cause) [agent \(agent.name), model \(agent.model), endpoint \(agent.endpoint.baseURL)]"
    }
}
