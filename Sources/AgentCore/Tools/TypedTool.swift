import SparkJSON

/// A tool whose arguments are a `Decodable` type; its JSON Schema is generated from that type.
///
/// Properties named in `contextVariables` are hidden from the schema the model sees and filled
/// from the run's context variables before decoding, so a tool can ask for, say, `user_id`
/// without the model ever seeing or forging it. Every tool also receives the whole
/// `ToolContext`. Arguments are decoded as leniently as `ToolArguments` are and rejected with an
/// `ArgumentsError`. For a tool type of its own, conform to `TypedAgentTool` instead.
///
/// ```swift
/// struct Weather: Decodable, DescribedArguments {
///     var city: String
///     var unit: Unit?
///     static let argumentDescriptions = ["city": "The city to look up."]
/// }
/// let tool = TypedTool<Weather>(name: "weather", description: "Current weather.") { args, context in
///     ToolResult("sunny in \(args.city)")
/// }
/// ```
public struct TypedTool<Arguments: Decodable & Sendable>: AgentTool {
    public let name: String
    public let description: String
    public let parametersSchema: JSONValue
    /// Argument properties filled from context variables and hidden from the schema.
    public let contextVariables: [String]
    private let body: @Sendable (Arguments, ToolContext) async throws -> ToolResult

    /// Creates a tool. `descriptions` describe top-level properties (they win over
    /// `DescribedArguments`). If the schema cannot be generated (a type whose decoding rejects
    /// placeholder values), the tool advertises an open object schema.
    public init(
        name: String,
        description: String,
        descriptions: [String: String] = [:],
        contextVariables: [String] = [],
        _ body: @escaping @Sendable (Arguments, ToolContext) async throws -> ToolResult
    ) {
        self.name = name
        self.description = description
        self.contextVariables = contextVariables
        self.body = body
        let schema =
            (try? JSONSchemaGenerator.generate(for: Arguments.self, descriptions: descriptions))
            ?? ["type": "object"]
        self.parametersSchema = Self.hiding(contextVariables, in: schema)
    }

    public func call(_ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        var object: [String: JSONValue]
        switch arguments {
        case .object(let members): object = members
        case .null: object = [:]
        default:
            return ArgumentsError(
                tool: name, "the arguments must be a JSON object, got \(arguments.serialized().prefix(80))"
            )
            .toolResult
        }
        for key in contextVariables {
            object[key] = context.variables[key]
        }
        let decoded: Arguments
        do {
            decoded = try JSONValueDecoder(lenient: true).decode(Arguments.self, from: .object(object))
        } catch let error as DecodingError {
            return ArgumentsError(tool: name, decoding: error, arguments: .object(object)).toolResult
        }
        return try await body(decoded, context)
    }

    private static func hiding(_ keys: [String], in schema: JSONValue) -> JSONValue {
        guard !keys.isEmpty, case .object(var object) = schema else { return schema }
        if case .object(var properties) = object["properties"] {
            for key in keys { properties[key] = nil }
            object["properties"] = .object(properties)
        }
        if case .array(let required) = object["required"] {
            let kept = required.filter { !keys.contains($0.stringValue ?? "") }
            object["required"] = kept.isEmpty ? nil : .array(kept)
        }
        return .object(object)
    }
}
