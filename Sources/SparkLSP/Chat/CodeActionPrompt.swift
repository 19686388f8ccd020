import AgentCore
import SparkJSON

/// The coding agent's request and workflow for each `spark.codeAction`.
enum CodeActionPrompt {
    /// Code actions go straight to the coding agent (no supervisor turn).
    static let agent = "coding"

    /// The coding agent's workflow for an action (`nil`: plain coding).
    static func workflow(for action: CodeActionArguments.Action) -> String? {
        switch action {
        case .fix: "debugging"
        case .refactor, .explain, .generateTests: nil
        case .review: "code_review"
        }
    }

    /// Whether the action answers with text (shown with `window/showMessage`) rather than edits.
    static func producesText(_ action: CodeActionArguments.Action) -> Bool {
        action == .explain || action == .review
    }

    static func message(for arguments: CodeActionArguments, code: CodeContext) -> String {
        let location = code.location
        // A cursor action names the declaration it applies to; a selection is "the selected code".
        let subject =
            arguments.symbol.map { "the \(arguments.symbolKind ?? "declaration") `\($0)`" } ?? "the selected code"
        switch arguments.action {
        case .fix:
            let diagnostic = arguments.diagnostic
            var problem = diagnostic?.message ?? "the problem at this location"
            if let source = diagnostic?.source {
                problem += " (\(source)\(diagnostic?.code.map { " \($0.stringValue ?? $0.serialized())" } ?? ""))"
            }
            return
                "Fix this problem in \(location): \(problem)\(code.block)\n\nRead the file, then edit it with your tools. Keep the change minimal."
        case .refactor:
            return
                "Refactor \(subject) in \(location) to make it clearer and simpler without changing its behaviour.\(code.block)\n\nRead the file, then edit it with your tools."
        case .explain:
            return
                "Explain what \(subject) in \(location) does and how it works.\(code.block)\n\nDo not edit any file."
        case .generateTests:
            return
                "Write unit tests for \(subject) in \(location), in a new test file that follows the project's conventions.\(code.block)"
        case .review:
            return
                "Review \(subject) in \(location): bugs, security, performance and readability, most important first.\(code.block)\n\nDo not edit any file."
        }
    }
}
