import AgentCore
import SparkJSON

/// `generate_tests(code, language, framework)`: a test-file skeleton from the parsed signatures.
public struct GenerateTestsTool: TypedAgentTool {
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

    public func run(_ arguments: GenerateTestsArguments, context: ToolContext) async throws -> ToolResult {
        let (code, language) = try CodeArguments.checked(code: arguments.code, language: arguments.language, tool: name)
        var framework = TestFramework.defaultFramework(for: language)
        if let frameworkName = arguments.framework, !frameworkName.trimmingWhitespace.isEmpty {
            guard let parsed = TestFramework(name: frameworkName) else {
                throw ArgumentsError(
                    tool: name,
                    "unknown framework `\(frameworkName)`; use one of: \(TestFramework.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            framework = parsed
        }
        guard framework.supports(language) else {
            throw ArgumentsError(
                tool: name,
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
