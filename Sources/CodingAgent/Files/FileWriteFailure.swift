import AgentCore

/// A `file_write` call that ends before reaching the editor.
struct FileWriteFailure: Error {
    var result: ToolResult
}
