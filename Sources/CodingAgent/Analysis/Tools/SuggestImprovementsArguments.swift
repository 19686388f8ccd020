import AgentCore
import SparkJSON

/// The arguments of `suggest_improvements`.
public struct SuggestImprovementsArguments: ToolArguments {
    var code: String
    var language: String
    var focus: String?

    public static let argumentDescriptions = [
        "code": CodeArguments.codeDescription,
        "language": CodeArguments.languageDescription,
        "focus":
            "What to concentrate on: performance, readability, security, maintainability, testing, or all (the default).",
    ]
    public static let argumentConstraints: [String: JSONValue] = [
        "language": CodeArguments.languageConstraint,
        "focus": ["enum": .array(ImprovementFocus.allCases.map { .string($0.rawValue) })],
    ]
}
