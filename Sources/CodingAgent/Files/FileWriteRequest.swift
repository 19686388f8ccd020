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

    /// The operation as the editor's read-before-write check knows it, with what a `str_replace` or an `append`
    /// needs to be made again on a text that changed.
    var changeOperation: FileChange.Operation {
        switch operation {
        case .create: .create
        case .overwrite: .overwrite
        case .strReplace: .replace(old: oldText ?? "", new: newText ?? "")
        case .insert: .insert
        case .append: .append(content ?? "")
        case .delete: .delete
        }
    }
}
