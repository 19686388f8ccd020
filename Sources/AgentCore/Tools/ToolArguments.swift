import SparkJSON

/// The arguments of a tool, declared once as a Swift type: the JSON Schema the model sees and the
/// decoding of what the model sends both come from it.
///
/// Properties decoded with `decodeIfPresent` (Swift optionals) are optional, the others required;
/// `SchemaEnumeration` properties become `"enum"` lists. Descriptions come from
/// `argumentDescriptions` (every property should have one), extra JSON Schema keywords (`minimum`,
/// `maximum`, `enum` for a string checked by the tool) from `argumentConstraints`.
///
/// Decoding is lenient in the ways local models need: `"20"` for a number, `"true"` for a boolean, a
/// number for a string, `null` or an empty string for an optional, a trailing comma in the JSON.
///
/// ```swift
/// struct GlobArguments: ToolArguments {
///     var pattern: String
///     var maxResults: Int?
///     enum CodingKeys: String, CodingKey { case pattern, maxResults = "max_results" }
///     static let argumentDescriptions = ["pattern": "The path pattern.", "max_results": "The most paths."]
///     static let argumentConstraints: [String: JSONValue] = ["max_results": ["minimum": 1]]
/// }
/// ```
public protocol ToolArguments: Decodable, Sendable, DescribedArguments {
    /// Extra JSON Schema keywords by property name, merged into that property's schema.
    static var argumentConstraints: [String: JSONValue] { get }
}

extension ToolArguments {
    public static var argumentConstraints: [String: JSONValue] { [:] }

    /// The JSON Schema of the arguments: an object with `additionalProperties: false`.
    /// - Parameter descriptions: descriptions that depend on a tool instance (its configured
    ///   defaults); they win over `argumentDescriptions`.
    public static func schema(descriptions: [String: String] = [:]) -> JSONValue {
        ArgumentSchemaCache.schema(of: Self.self, descriptions: descriptions) {
            generatedSchema(descriptions: descriptions)
        }
    }

    /// `schema(descriptions:)` generated anew.
    private static func generatedSchema(descriptions: [String: String]) -> JSONValue {
        let generated: JSONValue
        do {
            generated = try JSONSchemaGenerator.generate(for: Self.self, descriptions: descriptions)
        } catch {
            preconditionFailure("the schema of \(Self.self) cannot be generated: \(error)")
        }
        guard case .object(var schema) = generated else { return generated }
        if case .object(var properties) = schema["properties"] {
            for (name, constraints) in argumentConstraints {
                guard case .object(var property) = properties[name], case .object(let extra) = constraints else {
                    continue
                }
                property.merge(extra) { _, new in new }
                properties[name] = .object(property)
            }
            schema["properties"] = .object(properties)
        }
        schema["additionalProperties"] = false
        return .object(schema)
    }

    /// Decodes the model's arguments leniently; `null` counts as `{}`.
    /// - Throws: `ArgumentsError` naming the tool and what to fix.
    public static func decode(_ arguments: JSONValue, tool: String) throws(ArgumentsError) -> Self {
        let value: JSONValue
        switch arguments {
        case .object: value = arguments
        case .null: value = [:]
        default:
            throw ArgumentsError(
                tool: tool, "the arguments must be a JSON object, got \(arguments.serialized().prefix(80))")
        }
        do {
            return try JSONValueDecoder(lenient: true).decode(Self.self, from: value)
        } catch let error as DecodingError {
            throw ArgumentsError(tool: tool, decoding: error, arguments: value)
        } catch let error as ArgumentsError {
            throw error
        } catch {
            throw ArgumentsError(tool: tool, "\(error)")
        }
    }
}
