import SparkJSON

/// A tool whose arguments are one `ToolArguments` type: the schema the model sees is generated from
/// it and `call(_:context:)` decodes into it before `run(_:context:)`.
///
/// A conforming tool writes `name`, `description` and `run`. Checks the type cannot express throw
/// `ArgumentsError(tool: name, "...")` from `run`; the model gets them in the same form as a
/// decoding failure.
///
/// The definition the model sees is made once per process for each type, name, description and
/// `argumentDescriptions` and kept with its wire JSON (`ToolDefinitionCache`): the tools are built for every run
/// and their definitions sent with every model request. A type that writes its own `parametersSchema` therefore
/// writes its own `definition` too.
///
/// ```swift
/// struct Glob: TypedAgentTool {
///     var name: String { "glob" }
///     var description: String { "Find files." }
///     func run(_ arguments: GlobArguments, context: ToolContext) async throws -> ToolResult { ... }
/// }
/// ```
public protocol TypedAgentTool: AgentTool {
    /// The arguments the model passes.
    associatedtype Arguments: ToolArguments
    /// Descriptions that depend on this instance (configured defaults); they win over the type's.
    var argumentDescriptions: [String: String] { get }
    /// Runs the tool with decoded arguments.
    func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult
}

extension TypedAgentTool {
    public var argumentDescriptions: [String: String] { [:] }

    public var parametersSchema: JSONValue { Arguments.schema(descriptions: argumentDescriptions) }

    public var definition: ToolDefinition { ToolDefinitionCache.definition(of: self) }

    public func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        do {
            return try await run(try Arguments.decode(arguments, tool: name), context: context)
        } catch let error as ArgumentsError {
            return error.toolResult
        }
    }
}
