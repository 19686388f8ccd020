import AgentCore

/// How the coding agent approaches a request; chosen per request (`spark/chat`'s `workflow`, code actions).
public enum PromptWorkflow: String, CaseIterable, Sendable, Codable {
    /// General coding: the system prompt alone.
    case coding
    case codeReview = "code_review"
    case featureDevelopment = "feature_development"
    case codeArchitecture = "code_architecture"
    case debugging

    /// Accepts the raw value and the usual spellings: `codeReview`, `code-review`, `review`, `feature`, `debug`, ...
    public init?(name: String) {
        let key = String(name.lowercased().filter { $0.isLetter })
        switch key {
        case "coding", "code", "default", "general": self = .coding
        case "codereview", "review": self = .codeReview
        case "featuredevelopment", "feature", "implement", "implementation": self = .featureDevelopment
        case "codearchitecture", "architecture", "design": self = .codeArchitecture
        case "debugging", "debug", "fix", "bugfix": self = .debugging
        default: return nil
        }
    }

    /// The workflow prompt added after the coding system prompt (`nil` for plain coding).
    var prompt: EmbeddedPrompt? {
        switch self {
        case .coding: nil
        case .codeReview: CodingPrompts.codeReview
        case .featureDevelopment: CodingPrompts.featureDevelopment
        case .codeArchitecture: CodingPrompts.codeArchitecture
        case .debugging: CodingPrompts.debugging
        }
    }
}
