import AgentCore
import SparkJSON

/// A tool built from a closure.
struct ClosureTool: AgentTool {
    let name: String
    var description: String { "Test tool \(name)." }
    var parametersSchema: JSONValue { ["type": "object", "properties": [:]] }
    let call: @Sendable (JSONValue, ToolContext) async throws -> ToolResult

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        try await call(arguments, context)
    }
}
