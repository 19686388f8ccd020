import AgentCore
import SparkJSON

/// The arguments of `file_read`.
public struct FileReadArguments: ToolArguments {
    var path: String?
    var maxLines: Int?
    var startLine: Int?

    enum CodingKeys: String, CodingKey {
        case path
        case maxLines = "max_lines"
        case startLine = "start_line"
    }

    public static let argumentDescriptions = [
        "path":
            "File or directory, relative to the workspace root (for example `src/main.py`); `.` is the root (the default).",
        "max_lines": "How many lines to return (default \(FileReadTool.defaultLines)).",
        "start_line": "The first line to return, 1-based (default 1).",
    ]

    public static let argumentConstraints: [String: JSONValue] = [
        "max_lines": ["minimum": 1, "maximum": .int(FileReadTool.largestLines)],
        "start_line": ["minimum": 1],
    ]
}
