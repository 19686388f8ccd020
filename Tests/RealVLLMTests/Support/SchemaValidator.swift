import AgentCore
import SparkJSON

/// Checks a JSON value against the JSON Schema subset tools use: `type` (object, string,
/// integer, number, boolean, array, null), `properties`, `required`, `additionalProperties:
/// false`, `items`, `maxItems`, `maxLength`, `enum`, `minimum` / `maximum`.
enum SchemaValidator {
    /// What is wrong with `value`, as `path: problem` lines; empty when it is valid.
    static func violations(of value: JSONValue, against schema: JSONValue, path: String = "$") -> [String] {
        var problems: [String] = []
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            problems.append("\(path): \(value.serialized()) is not one of \(JSONValue.array(allowed).serialized())")
        }
        guard let type = schema["type"]?.stringValue else { return problems }
        switch (type, value) {
        case ("object", .object(let members)):
            let properties = schema["properties"]?.objectValue ?? [:]
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                problems.append("\(path): missing required \(name)")
            }
            for (name, member) in members {
                if let property = properties[name] {
                    problems += violations(of: member, against: property, path: path + "." + name)
                } else if schema["additionalProperties"] == false {
                    problems.append("\(path): unexpected property \(name)")
                }
            }
        case ("array", .array(let items)):
            if let limit = schema["maxItems"]?.intValue, items.count > limit {
                problems.append("\(path): \(items.count) items, at most \(limit) allowed")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    problems += violations(of: item, against: itemSchema, path: "\(path)[\(index)]")
                }
            }
        case ("string", .string(let text)):
            if let limit = schema["maxLength"]?.intValue, text.count > limit {
                problems.append("\(path): \(text.count) characters, at most \(limit) allowed")
            }
        case ("boolean", .bool), ("null", .null):
            break
        case ("integer", .int(let number)):
            problems += bounds(Double(number), schema, path)
        case ("number", .int(let number)):
            problems += bounds(Double(number), schema, path)
        case ("number", .double(let number)):
            problems += bounds(number, schema, path)
        case ("integer", .double(let number)) where number.rounded() == number:
            problems += bounds(number, schema, path)
        default:
            problems.append("\(path): expected \(type), got \(value.serialized().prefix(60))")
        }
        return problems
    }

    private static func bounds(_ number: Double, _ schema: JSONValue, _ path: String) -> [String] {
        var problems: [String] = []
        if let minimum = schema["minimum"]?.doubleValue, number < minimum {
            problems.append("\(path): below \(minimum)")
        }
        if let maximum = schema["maximum"]?.doubleValue, number > maximum {
            problems.append("\(path): above \(maximum)")
        }
        return problems
    }
}
