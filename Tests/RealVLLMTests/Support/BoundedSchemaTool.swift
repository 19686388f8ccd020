import AgentCore
import SparkJSON

/// A real tool shown to the model with its strings bounded: every `string` property without an
/// `enum` gets a `maxLength`, so the server's guided decoding closes them before `max_tokens`
/// (a random model otherwise fills a string until the token limit, and the JSON is cut off).
/// `overrides` replace the schemas of named properties the tool has (see `AttackShapes`).
/// Arguments valid for the bounded schema are valid for the real one; calls go to the real tool.
struct BoundedSchemaTool: AgentTool {
    let tool: any AgentTool
    let maxLength: Int
    var overrides: [String: JSONValue] = [:]
    /// When set, the only properties the model sees, all required (they must include the real tool's
    /// required ones).
    var only: [String]? = nil

    var name: String { tool.name }
    var description: String { tool.description }
    var parametersSchema: JSONValue {
        var schema = Self.bounded(tool.parametersSchema, maxLength: maxLength)
        if case .object(var properties)? = schema["properties"] {
            for (name, narrowed) in overrides where properties[name] != nil {
                properties[name] = narrowed
            }
            schema = .object((schema.objectValue ?? [:]).merging(["properties": .object(properties)]) { $1 })
        }
        if let only, case .object(var object) = schema, let properties = object["properties"]?.objectValue {
            object["properties"] = .object(properties.filter { only.contains($0.key) })
            object["required"] = .array(only.map(JSONValue.string))
            schema = .object(object)
        }
        return schema
    }

    func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        try await tool.call(arguments, context: context)
    }

    static func bounded(_ schema: JSONValue, maxLength: Int) -> JSONValue {
        guard var object = schema.objectValue else { return schema }
        if object["type"] == "string", object["enum"] == nil, object["maxLength"] == nil {
            object["maxLength"] = .int(maxLength)
        }
        if let properties = object["properties"]?.objectValue {
            object["properties"] = .object(properties.mapValues { bounded($0, maxLength: maxLength) })
        }
        if let items = object["items"] { object["items"] = bounded(items, maxLength: maxLength) }
        return .object(object)
    }
}
