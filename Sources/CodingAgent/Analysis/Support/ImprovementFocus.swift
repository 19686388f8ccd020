import AgentCore

/// What `suggest_improvements` concentrates on.
public enum ImprovementFocus: String, CaseIterable, Sendable, Codable {
    case performance
    case readability
    case security
    case maintainability
    case testing
    case all

    /// The finding categories this focus reports.
    var categories: Set<FindingCategory> {
        switch self {
        case .performance: [.performance]
        case .readability: [.readability]
        case .security: [.security]
        case .maintainability: [.maintainability, .correctness]
        case .testing: [.testing]
        case .all: Set(FindingCategory.allCases)
        }
    }

    /// What to look at by hand when the automatic checks find nothing.
    var checklist: [String] {
        switch self {
        case .performance:
            [
                "work repeated inside loops that could be hoisted or cached",
                "quadratic lookups that a set or dictionary would make constant",
                "I/O or network calls that could be batched or made concurrent",
            ]
        case .readability:
            [
                "names that say what a value means, not its type", "functions that do one thing and fit on a screen",
                "comments that explain why, not what",
            ]
        case .security:
            [
                "every input from outside validated before use", "no secrets in code or logs",
                "queries and shell commands built from parameters, never string concatenation",
            ]
        case .maintainability:
            [
                "duplicated logic that could share one function",
                "errors handled or propagated, never silently dropped",
                "dependencies passed in rather than reached for globally",
            ]
        case .testing:
            [
                "each branch of the public functions covered by a test",
                "clock, randomness, files and network injected so tests control them",
                "edge cases: empty input, boundaries, invalid values, errors",
            ]
        case .all:
            ["correctness first, then security, then readability and performance"]
        }
    }
}
