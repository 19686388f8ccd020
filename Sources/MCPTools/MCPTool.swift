import AgentCore
import SparkJSON

/// One tool of an MCP server as an agent sees it: `<server>__<tool>`, the server's description and JSON schema.
/// Calls go through the same approval as `bash` (the server's `approval`, or its `tools.<tool>`), then to the server
/// through the helper, with the server's timeout; cancelling the run sends MCP's `notifications/cancelled`. The
/// server's `notifications/progress` for the call become the run's `progress` events.
struct MCPTool: ProvidedAgentTool {
    let server: MCPServerDefinition
    let info: MCPToolInfo
    let workspace: String
    let approval: any ApprovalPolicy
    let provider: MCPToolProvider

    var name: String { server.name + "__" + info.name }
    var origin: String { server.name }
    var description: String {
        info.description.isEmpty ? "The \(info.name) tool of the MCP server \(server.name)." : info.description
    }
    var parametersSchema: JSONValue { info.inputSchema }

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        switch server.approval(forTool: info.name) {
        case .deny:
            return .refused("the configuration denies \(name) (mcpServers.\(server.name))")
        case .ask:
            let detail = "\(name) \(arguments.serialized())"
            if case .deny(let reason) = await approval.decide(
                ApprovalRequest(tool: name, detail: detail, sessionID: context.sessionID))
            {
                return .refused(reason)
            }
        case .allow:
            break
        }
        return try await provider.call(
            server, tool: info.name, arguments: arguments.isNull ? [:] : arguments, workspace: workspace,
            progress: { update in
                guard let progress = update["progress"]?.doubleValue else { return }
                context.reportProgress(progress, update["total"]?.doubleValue, update["message"]?.stringValue)
            })
    }
}
