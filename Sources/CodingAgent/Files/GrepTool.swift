import AgentCore
import SparkJSON

/// `grep(pattern, path, file_pattern, context_lines)`: searches file contents below a path.
///
/// Output is `file:line:text`, with `file-line-text` context lines and `--` between groups,
/// capped at `maximumMatches` matching lines with a note. Binary files, files over 8 MiB,
/// symbolic links and ignored files (`.gitignore`, `.git`, `.build`, `node_modules`) are skipped.
public struct GrepTool: TypedAgentTool {
    public static let maximumMatches = 200
    public static let largestContext = 10

    public let root: WorkspaceRoot

    public init(root: WorkspaceRoot) {
        self.root = root
    }

    public var name: String { "grep" }

    public var description: String {
        """
        Search file contents in the workspace with a regular expression (Swift Regex syntax, like PCRE; \
        start with `(?i)` for case-insensitive). Prints `path:line:text` for each matching line. \
        Narrow with `path` (a directory or file) and `file_pattern` (for example `*.py`, or `src/**/*.ts`). \
        Files ignored by .gitignore, binary files and .git, .build and node_modules are skipped; \
        at most \(Self.maximumMatches) matching lines are shown.
        """
    }

    public func run(_ arguments: GrepArguments, context: ToolContext) async throws -> ToolResult {
        let pattern = arguments.pattern
        guard !pattern.isEmpty else { throw ArgumentsError(tool: name, "`pattern` must not be empty") }
        let start: WorkspacePath
        do {
            start = try root.resolve(arguments.path ?? ".")
        } catch {
            return error.toolResult
        }
        let filter = arguments.filePattern.flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try GrepMatcher(pattern: pattern)
        } catch {
            throw ArgumentsError(tool: name, "invalid regular expression `\(pattern)`: \(error)")
        }
        let search = GrepSearch(
            pattern: pattern,
            fileFilter: filter.map { PathGlob($0) },
            filterOnPath: filter?.contains("/") ?? false,
            contextLines: min(max(arguments.contextLines ?? 0, 0), Self.largestContext),
            maximumMatches: Self.maximumMatches)
        let root = root
        let report: GrepSearch.Report
        do {
            report = try await BlockingFileWork.run { flag in
                try search.run(from: start, root: root, flag: flag)
            }
        } catch let error as WorkspacePathError {
            return error.toolResult
        }
        return ToolResult(
            GrepTool.render(report, pattern: pattern, start: start),
            value: [
                "matches": .int(report.matches), "files": .int(report.filesWithMatches), "capped": .bool(report.capped),
            ])
    }

    static func render(_ report: GrepSearch.Report, pattern: String, start: WorkspacePath) -> String {
        var skipped: [String] = []
        if report.skippedBinary > 0 { skipped.append("\(report.skippedBinary) binary") }
        if report.skippedLarge > 0 { skipped.append("\(report.skippedLarge) over 8 MiB") }
        let skippedNote = skipped.isEmpty ? "" : "; skipped \(skipped.joined(separator: " and ")) files"
        guard report.matches > 0 else {
            return
                "No matches for `\(pattern)` in \(start.relative) (\(report.filesSearched) files searched\(skippedNote))."
        }
        var text = report.output
        if report.capped {
            text +=
                "[results capped at \(report.matches) matching lines; narrow the pattern, path or file_pattern to see the rest\(skippedNote)]\n"
        } else {
            text += "[\(report.matches) matching lines in \(report.filesWithMatches) files\(skippedNote)]\n"
        }
        return text
    }
}
