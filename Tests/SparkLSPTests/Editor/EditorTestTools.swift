import AgentCore
import SparkJSON
import SparkLSP

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `file_write`-like test tool for an agent that read the file just before writing it: reads the
/// open buffer (or the disk), then asks the workspace editor for the change, with what it read as
/// what the agent saw. Arguments: `path` (absolute), `content`, optional `baseVersion` overriding
/// the version read (to simulate an agent that read an older buffer), optional `delete`.
struct TestWriteTool: AgentTool {
    let environment: AgentRunContext
    var name: String { "file_write" }
    var description: String { "Writes a file." }
    var parametersSchema: JSONValue {
        ["type": "object", "properties": ["path": ["type": "string"], "content": ["type": "string"]]]
    }

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        guard let path = arguments["path"]?.stringValue, let content = arguments["content"]?.stringValue else {
            return .error("path and content are required")
        }
        let open = await environment.documents?.openDocument(atPath: path)
        let disk = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        let original = open?.text ?? disk
        let version = arguments["baseVersion"]?.intValue ?? open?.version
        let change = FileChange(
            kind: arguments["delete"] == true ? .delete : original == nil ? .create : .modify, path: path,
            originalText: original, newText: content, baseVersion: version,
            seen: original.map { SeenFile(text: $0, version: version, source: .read) })
        let outcome = try await environment.editor.apply(change)
        return outcome.applied
            ? ToolResult("wrote \(path)") : ToolResult(outcome.message ?? "not applied", isError: true)
    }
}

/// A `bash`-like test tool that asks the approval policy and "runs" nothing.
struct TestRunTool: AgentTool {
    let environment: AgentRunContext
    var name: String { "bash" }
    var description: String { "Runs a command." }
    var parametersSchema: JSONValue { ["type": "object", "properties": ["command": ["type": "string"]]] }

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        let command = arguments["command"]?.stringValue ?? ""
        switch await environment.approval.decide(
            ApprovalRequest(tool: name, detail: command, sessionID: context.sessionID))
        {
        case .allow, .allowForSession: return ToolResult("ran: \(command)")
        case .deny(let reason): return .refused(reason)
        }
    }
}
