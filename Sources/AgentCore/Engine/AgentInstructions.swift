import SparkJSON

/// An agent's system prompt: fixed text, or text computed from the run's context variables.
public enum AgentInstructions: Sendable {
    case text(String)
    case dynamic(@Sendable ([String: JSONValue]) -> String)

    /// The prompt for the given context variables.
    public func render(_ contextVariables: [String: JSONValue]) -> String {
        switch self {
        case .text(let text): return text
        case .dynamic(let make): return make(contextVariables)
        }
    }
}

extension AgentInstructions: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}
