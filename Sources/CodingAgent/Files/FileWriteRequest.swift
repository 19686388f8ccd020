import AgentCore

/// One `file_write` call with its path resolved in the workspace.
struct FileWriteRequest {
    var operation: FileWriteOperation
    var path: WorkspacePath
    var content: String?
    var oldText: String?
    var newText: String?
    var insertLine: Int?

    init(_ arguments: FileWriteArguments, root: WorkspaceRoot) throws {
        operation = arguments.operation
        path = try root.resolve(arguments.path)
        guard !path.isRoot else {
            throw ArgumentsError(tool: "file_write", "`path` must name a file, not the workspace root")
        }
        content = arguments.content
        oldText = arguments.oldText
        newText = arguments.newText
        insertLine = arguments.insertLine
    }
}
