import AgentCore

/// The area a finding belongs to; `suggest_improvements` filters by it.
public enum FindingCategory: String, Sendable, Codable, CaseIterable {
    case correctness
    case security
    case performance
    case readability
    case maintainability
    case testing
}
