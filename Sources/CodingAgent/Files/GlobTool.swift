import AgentCore
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `glob(pattern, max_results)`: workspace files whose relative path matches a pattern, sorted.
///
/// `**` matches any number of directories, `*` and `?` stay within one component, `[a-z]` and
/// `{a,b}` work as in shells. `.gitignore` files are honoured and `.git`, `.build` and
/// `node_modules` are skipped. Only files (and symbolic links) are listed, never directories.
public struct GlobTool: TypedAgentTool {
    public static let defaultResults = 200
    public static let largestResults = 5000

    public let root: WorkspaceRoot

    public init(root: WorkspaceRoot) {
        self.root = root
    }

    public var name: String { "glob" }

    public var description: String {
        """
        Find files in the workspace by path pattern, matched against paths relative to the workspace root. \
        `**` matches any number of directories, `*` and `?` match within one path component, `{a,b}` gives \
        alternatives. Examples: `**/*.swift`, `src/**/test_*.py`, `*.{md,txt}` (top level only). \
        Results are sorted; files ignored by .gitignore and .git, .build and node_modules are skipped.
        """
    }

    public func run(_ arguments: GlobArguments, context: ToolContext) async throws -> ToolResult {
        let pattern: String
        let limit = min(max(arguments.maxResults ?? Self.defaultResults, 1), Self.largestResults)
        let start: WorkspacePath
        do {
            (pattern, start) = try GlobTool.split(arguments.pattern, root: root)
        } catch let error as WorkspacePathError {
            return error.toolResult
        }
        let root = root
        let matches: [String]
        do {
            matches = try await BlockingFileWork.run { flag in
                try GlobTool.search(PathGlob(pattern), from: start, root: root, isCancelled: { flag.isCancelled })
            }
        } catch let error as WorkspacePathError {
            return error.errno == ENOENT
                ? ToolResult("No files match `\(pattern)` (\(error.reason)).", value: ["matches": []])
                : error.toolResult
        }
        guard !matches.isEmpty else {
            var text = "No files match `\(pattern)`."
            if !pattern.contains("/") {
                text += " Patterns match paths from the workspace root; use `**/\(pattern)` to search every directory."
            }
            return ToolResult(text, value: ["matches": []])
        }
        var text = matches.prefix(limit).joined(separator: "\n") + "\n"
        if matches.count > limit {
            text +=
                "[\(matches.count - limit) more matches not shown (\(matches.count) in all); raise max_results or narrow the pattern]\n"
        }
        return ToolResult(
            text, value: ["matches": .array(matches.prefix(limit).map(JSONValue.string)), "total": .int(matches.count)])
    }

    /// Splits a pattern into its literal leading directories (resolved and confined) and the rest.
    static func split(_ raw: String, root: WorkspaceRoot) throws -> (pattern: String, start: WorkspacePath) {
        guard !raw.isEmpty else { throw ArgumentsError(tool: "glob", "`pattern` must not be empty") }
        let components = try root.lexicalComponents(of: raw)
        guard !components.isEmpty else {
            throw ArgumentsError(tool: "glob", "the pattern names the workspace root itself; try `**/*`")
        }
        let literal = components.dropLast().prefix {
            !WildcardPattern.hasWildcard($0) && !$0.contains("{") && $0 != "**"
        }
        let start = try root.resolve(literal.joined(separator: "/"))
        return (components.joined(separator: "/"), start)
    }

    /// The sorted relative paths of the files below `start` that match `glob`.
    static func search(
        _ glob: PathGlob, from start: WorkspacePath, root: WorkspaceRoot, isCancelled: @escaping () -> Bool
    ) throws -> [String] {
        var states = [glob.start]
        for component in start.components { states[0] = glob.advance(states[0], by: component) }
        guard glob.canMatchBelow(states[0]) else { return [] }
        var matches: [String] = []
        let walker = WorkspaceWalker(root: root, sortsEntries: false, isCancelled: isCancelled)
        try walker.walk(from: start.components) { entry in
            let depth = entry.components.count - start.components.count
            let next = glob.advance(states[depth - 1], by: entry.name)
            if entry.isDirectory {
                guard glob.canMatchBelow(next) else { return false }
                if states.count <= depth { states.append(next) } else { states[depth] = next }
                return true
            }
            if glob.accepts(next) { matches.append(entry.relativePath) }
            return false
        }
        return matches.sorted()
    }
}
