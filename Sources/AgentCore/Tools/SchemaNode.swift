import SparkJSON

/// The schema of one value, filled in while a type decodes itself from a `SchemaRecordingDecoder`.
///
/// Reference semantics let containers handed out during decoding write back into their node.
/// Used by one generation call on one task only, hence not `Sendable`.
final class SchemaNode {
    enum Shape {
        case unknown
        case fixed(JSONValue)
        case object
        case array
        case map
    }

    struct Property {
        var name: String
        var node: SchemaNode
        var description: String?
    }

    var shape: Shape = .unknown
    var properties: [Property] = []
    var required: [String] = []
    var items: SchemaNode?

    init(_ shape: Shape = .unknown) {
        self.shape = shape
    }

    func addProperty(_ name: String, _ node: SchemaNode, required isRequired: Bool, description: String?) {
        if let index = properties.firstIndex(where: { $0.name == name }) {
            properties[index] = Property(name: name, node: node, description: description)
        } else {
            properties.append(Property(name: name, node: node, description: description))
        }
        if isRequired, !required.contains(name) { required.append(name) }
        if !isRequired { required.removeAll { $0 == name } }
    }

    /// The JSON Schema this node describes.
    func build() -> JSONValue {
        switch shape {
        case .unknown:
            return [:]
        case .fixed(let schema):
            return schema
        case .array:
            return ["type": "array", "items": items?.build() ?? [:]]
        case .map:
            let value = properties.first?.node.build() ?? [:]
            return ["type": "object", "additionalProperties": value]
        case .object:
            var members: [String: JSONValue] = [:]
            for property in properties {
                var schema = property.node.build()
                if let description = property.description, case .object(var object) = schema {
                    object["description"] = .string(description)
                    schema = .object(object)
                }
                members[property.name] = schema
            }
            var schema: [String: JSONValue] = ["type": "object", "properties": .object(members)]
            if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
            return .object(schema)
        }
    }
}
