import SparkJSON

/// A tool an agent can call.
///
/// The model sees `name`, `description` and `parametersSchema`; the engine decodes the model's
/// arguments, calls `call(_:context:)` and sends the result's `content` back as a tool message.
/// A tool reports failure by returning `ToolResult.error(...)`; a thrown error is turned into
/// one by the engine. Neither ever ends a run.
public protocol AgentTool: Sendable {
    /// The function name the model calls, for example `file_read`.
    var name: String { get }
    /// What the tool does, written for the model.
    var description: String { get }
    /// JSON Schema of the arguments the model sees (context variables are never in it).
    var parametersSchema: JSONValue { get }
    /// The definition sent to the model: `name`, `description` and `parametersSchema` (a typed tool's is kept
    /// with its wire JSON, see `TypedAgentTool`).
    var definition: ToolDefinition { get }
    /// Runs the tool.
    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult
}

extension AgentTool {
    /// The definition sent to the model.
    public var definition: ToolDefinition {
        ToolDefinition(name: name, description: description, parameters: parametersSchema)
    }
}
