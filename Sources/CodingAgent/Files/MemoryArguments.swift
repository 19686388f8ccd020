import AgentCore
import SparkJSON

/// The arguments of `memory`.
public struct MemoryArguments: ToolArguments {
    var command: MemoryCommand
    var path: String?
    var content: String?
    var oldText: String?
    var newText: String?
    var insertLine: Int?
    var newPath: String?

    enum CodingKeys: String, CodingKey {
        case command, path, content
        case oldText = "old_text"
        case newText = "new_text"
        case insertLine = "insert_line"
        case newPath = "new_path"
    }

    public static let argumentDescriptions = [
        "command": "What to do.",
        "path": "File or directory in the memory, for example `project/notes.md` (view defaults to the whole memory).",
        "content": "create: the file's text; insert: the lines to insert.",
        "old_text": "str_replace: the exact text to replace.",
        "new_text": "str_replace: the replacement.",
        "insert_line": "insert: the line after which to insert (0 = top).",
        "new_path": "rename: the new path.",
    ]

    public static let argumentConstraints: [String: JSONValue] = ["insert_line": ["minimum": 0]]
}
