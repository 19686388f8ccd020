import AgentCore
import SparkJSON

/// `search_code_patterns(query, language)`: idiomatic patterns for a task, plus similar code already
/// in the workspace so suggestions follow the project's own conventions.
public struct SearchCodePatternsTool: TypedAgentTool {
    /// The workspace scanned for examples (`nil` disables the scan).
    public let workspaceRoot: String?

    public init(workspaceRoot: String?) {
        self.workspaceRoot = workspaceRoot
    }

    public var name: String { "search_code_patterns" }

    public var description: String {
        """
        Finds idiomatic code patterns for a common task (file I/O, HTTP, JSON, error handling, concurrency, testing, \
        command-line arguments, logging, regular expressions, dates, subprocesses) in Python, Swift, JavaScript/TypeScript, \
        Go, Rust, Java or C/C++, and shows where the workspace already does something similar (file:line), so new code \
        can follow the project's conventions. Query with a few keywords, for example "read json file" or "http retry".
        """
    }

    public func run(_ arguments: SearchCodePatternsArguments, context: ToolContext) async throws -> ToolResult {
        let query = arguments.query
        guard !query.trimmingWhitespace.isEmpty else { throw ArgumentsError(tool: name, "argument 'query' is empty") }
        let language = try arguments.language.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }.map {
            name throws(ArgumentsError) in
            try SourceLanguage.parsing(name, tool: self.name)
        }
        let patterns = PatternCatalog.search(query, language: language)
        guard !patterns.isEmpty else {
            let topics = PatternTopic.allCases.map(\.rawValue).joined(separator: ", ")
            return ToolResult(
                "No pattern matches \"\(query)\"\(language.map { " for \($0.rawValue)" } ?? ""). Topics covered: \(topics)."
            )
        }
        var sections: [String] = []
        var values: [JSONValue] = []
        let found =
            workspaceRoot.map {
                WorkspacePatternScanner(root: $0, maxExamples: 5).examples(
                    for: patterns.map { ($0.signal, $0.language.workspaceExtensions) })
            } ?? []
        for (index, pattern) in patterns.enumerated() {
            var section =
                "## \(pattern.title) (\(pattern.language.rawValue), \(pattern.topic.rawValue))\n```\(pattern.language.rawValue)\n\(pattern.code)\n```"
            let examples = index < found.count ? found[index] : []
            if !examples.isEmpty {
                section +=
                    "\nIn this workspace:\n"
                    + examples.map { "- \($0.path):\($0.line): \($0.text)" }.joined(separator: "\n")
            }
            sections.append(section)
            values.append([
                "title": .string(pattern.title), "language": .string(pattern.language.rawValue),
                "topic": .string(pattern.topic.rawValue), "code": .string(pattern.code),
                "workspaceExamples": (try? JSONValue(encoding: examples)) ?? [],
            ])
        }
        return ToolResult(sections.joined(separator: "\n\n"), value: ["patterns": .array(values)])
    }
}
