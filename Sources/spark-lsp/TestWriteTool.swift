import AgentCore
import SparkLSP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A minimal `file_write` for end-to-end tests of the editor path before the coding toolkit is
/// merged: offered only when `SPARK_LSP_TEST_TOOLS=file_write` (see `TestHooks`), never in `--help`.
/// It reads the open buffer (else the disk) and hands the whole new text to the workspace editor,
/// so the change reaches the editor as `workspace/applyEdit`. Arguments: absolute `path`, `content`.
struct TestWriteTool: AgentTool {
    let environment: CodingToolsEnvironment
    var name: String { "file_write" }
    var description: String { "Replaces the whole text of a file in the workspace (test tool)." }
    var parametersSchema: JSONValue {
        [
            "type": "object", "properties": ["path": ["type": "string"], "content": ["type": "string"]],
            "required": ["path", "content"],
        ]
    }

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        guard let path = arguments["path"]?.stringValue, path.hasPrefix(environment.workspaceRoot + "/"),
            let content = arguments["content"]?.stringValue
        else {
            return .error("path (absolute, inside the workspace) and content are required")
        }
        let open = await environment.documents.openDocument(atPath: path)
        let disk = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        let original = open?.text ?? disk
        let change = FileChange(
            kind: original == nil ? .create : .modify, path: path, originalText: original, newText: content,
            baseVersion: open?.version)
        let outcome = try await environment.editor.apply(change)
        return outcome.applied
            ? ToolResult("wrote \(path)") : ToolResult(outcome.message ?? "not applied", isError: true)
    }
}
