import AgentCore
import SparkJSON

/// The decoded arguments of one `file_write` call.
struct FileWriteRequest {
    static let operations: Set<String> = ["create", "overwrite", "str_replace", "insert", "append", "delete"]

    var operation: String
    var path: WorkspacePath
    var content: String?
    var oldText: String?
    var newText: String?
    var insertLine: Int?

    init(_ arguments: JSONValue, root: WorkspaceRoot) throws {
        let arguments = try FileToolArguments(arguments)
        operation = try arguments.requiredString("operation").lowercased()
        guard Self.operations.contains(operation) else {
            throw FileToolArguments.Problem(
                message:
                    "unknown operation `\(operation)`; use one of \(Self.operations.sorted().joined(separator: ", "))")
        }
        let raw = try arguments.requiredString("path")
        path = try root.resolve(raw)
        guard !path.isRoot else {
            throw FileToolArguments.Problem(message: "`path` must name a file, not the workspace root")
        }
        content = try arguments.string("content")
        oldText = try arguments.string("old_text")
        newText = try arguments.string("new_text")
        insertLine = try arguments.int("insert_line")
    }
}
