@testable import CodingAgent

/// The invariants of the shell checks, shared by the fuzz target and the differential driver.
enum ShellInvariants {
    /// The workspace the validator judges paths against; it does not exist, so no path resolves on disk.
    static let validator = CommandValidator(workspaceRoot: "/nonexistent/spark-fuzz-workspace")

    static func check(_ text: String) {
        let budget = TimeBudget()
        let parsed = try? ShellParser.parse(text)
        let verdict = validator.validate(text)
        budget.check(length: text.utf8.count, "tokenizing, parsing and validating")
        guard verdict.isAllowed else { return }
        guard let pipelines = parsed else {
            fuzzFailure("the validator allowed text the parser refuses: \(text.debugDescription)")
        }
        checkFullyParsed(pipelines, source: text, depth: 0)
    }

    /// Every substitution inside an allowed command parses too, all the way down.
    private static func checkFullyParsed(_ pipelines: [ShellPipeline], source: String, depth: Int) {
        fuzzCheck(
            depth <= validator.policy.maximumNesting + 1,
            "allowed deeper than the nesting limit: \(source.debugDescription)")
        for command in pipelines.flatMap({ $0.stages.joined() }) {
            for inner in command.substitutions {
                guard let nested = try? ShellParser.parse(inner) else {
                    fuzzFailure(
                        "the validator allowed \(source.debugDescription) with a substitution it cannot parse: "
                            + inner.debugDescription)
                }
                checkFullyParsed(nested, source: source, depth: depth + 1)
            }
        }
    }
}
