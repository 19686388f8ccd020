import AgentCore
import SparkJSON

/// The arguments of `grep`.
public struct GrepArguments: ToolArguments {
    var pattern: String
    var path: String?
    var filePattern: String?
    var contextLines: Int?

    enum CodingKeys: String, CodingKey {
        case pattern, path
        case filePattern = "file_pattern"
        case contextLines = "context_lines"
    }

    public static let argumentDescriptions = [
        "pattern": "Regular expression searched for in each line (a plain string works too).",
        "path": "Directory or file to search, relative to the workspace root (default: the root).",
        "file_pattern":
            "Only search files whose name matches this glob (`*.swift`, `*.{c,h}`), or whose relative path does when it holds a `/`.",
        "context_lines": "Lines of context to show before and after each match (default 0).",
    ]

    public static let argumentConstraints: [String: JSONValue] = [
        "context_lines": ["minimum": 0, "maximum": .int(GrepTool.largestContext)]
    ]
}
