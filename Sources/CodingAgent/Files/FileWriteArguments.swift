import AgentCore
import SparkJSON

/// The arguments of `file_write`.
public struct FileWriteArguments: ToolArguments {
    var operation: FileWriteOperation
    var path: String
    var content: String?
    var oldText: String?
    var newText: String?
    var insertLine: Int?

    enum CodingKeys: String, CodingKey {
        case operation, path, content
        case oldText = "old_text"
        case newText = "new_text"
        case insertLine = "insert_line"
    }

    public static let argumentDescriptions = [
        "operation": "What to do.",
        "path": "The file, relative to the workspace root.",
        "content": "The text for create, overwrite, insert and append.",
        "old_text": "str_replace: the exact text to replace. insert: the text after whose last line to insert.",
        "new_text": "str_replace: the replacement (empty to delete old_text).",
        "insert_line": "insert: the line after which to insert (0 = top of the file).",
    ]

    public static let argumentConstraints: [String: JSONValue] = ["insert_line": ["minimum": 0]]
}
