import AgentCore
import SparkJSON

/// `generate_tests(code, language, framework)`: a test-file skeleton from the parsed signatures.
public struct GenerateTestsTool: AgentTool {
    public let analyzer: CodeAnalyzer

    public init(analyzer: CodeAnalyzer = CodeAnalyzer()) {
        self.analyzer = analyzer
    }

    public var name: String { "generate_tests" }

    public var description: String {
        """
        Writes a test-file skeleton for the given code: one test per public function or method, with typical \
        arguments, parameterised edge cases (empty, zero, negative, None/nil, non-ASCII, ...) and error-path tests \
        where the code raises or throws. Frameworks: pytest, unittest, xctest, swift-testing, jest, go-test, junit, \
        cargo-test, c-assert (default: the language's usual one). The skeleton is a starting point: replace the \
        placeholders (`...`, `todo!()`, `<#expected#>`, TODO comments) with real expected values, then write the file \
        with file_write and run it.
        """
    }

    public var parametersSchema: JSONValue {
        AnalysisSchemas.codeAndLanguage(adding: [
            "framework": [
                "type": "string",
                "enum": .array(TestFramework.allCases.map { .string($0.rawValue) }),
                "description":
                    "The test framework. Omit for the language's default: pytest (Python), swift-testing (Swift), jest (JavaScript/TypeScript), go-test (Go), junit (Java), cargo-test (Rust), c-assert (C/C++).",
            ]
        ])
    }

    public func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        let code: String
        let language: SourceLanguage
        var framework: TestFramework
        do {
            let reader = AnalysisArguments(arguments)
            (code, language) = try reader.codeAndLanguage()
            framework = TestFramework.defaultFramework(for: language)
            if let name = reader.optionalString("framework") {
                guard let parsed = TestFramework(name: name) else {
                    return .error(
                        "unknown framework `\(name)`; use one of: \(TestFramework.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                framework = parsed
            }
        } catch {
            return .error(error.description)
        }
        guard framework.supports(language) else {
            return .error(
                "\(framework.rawValue) does not test \(language.rawValue); use \(TestFramework.defaultFramework(for: language).rawValue)"
            )
        }
        let (outline, notes) = await analyzer.outline(code, language: language)
        let generator = TestSkeletonGenerator(outline: outline, framework: framework)
        let skeleton = generator.generate()
        let covered = generator.targets.map(\.qualifiedName)
        var header = "\(framework.rawValue) skeleton covering \(covered.count) function\(covered.count == 1 ? "" : "s")"
        header += covered.isEmpty ? " (no public functions found)" : ": \(covered.joined(separator: ", "))"
        var text = "\(header)\n```\(language.rawValue)\n\(skeleton)```"
        if !notes.isEmpty { text += "\nnotes:\n" + notes.map { "- \($0)" }.joined(separator: "\n") }
        return ToolResult(
            text,
            value: [
                "framework": .string(framework.rawValue), "skeleton": .string(skeleton),
                "functions": .array(covered.map { .string($0) }),
            ])
    }
}
