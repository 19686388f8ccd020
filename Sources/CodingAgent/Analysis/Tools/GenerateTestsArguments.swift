import AgentCore
import SparkJSON

/// The arguments of `generate_tests`; `framework` accepts aliases (`go test`, `XCTest`), so the tool checks it.
public struct GenerateTestsArguments: ToolArguments {
    var code: String
    var language: String
    var framework: String?

    public static let argumentDescriptions = [
        "code": CodeArguments.codeDescription,
        "language": CodeArguments.languageDescription,
        "framework":
            "The test framework. Omit for the language's default: pytest (Python), swift-testing (Swift), jest (JavaScript/TypeScript), go-test (Go), junit (Java), cargo-test (Rust), c-assert (C/C++).",
    ]
    public static let argumentConstraints: [String: JSONValue] = [
        "language": CodeArguments.languageConstraint,
        "framework": ["enum": .array(TestFramework.allCases.map { .string($0.rawValue) })],
    ]
}
