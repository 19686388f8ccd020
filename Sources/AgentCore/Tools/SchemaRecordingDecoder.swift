import SparkJSON

/// A `Decoder` that hands out placeholder values and records what the decoded type asks for.
struct SchemaRecordingDecoder: Decoder {
    let node: SchemaNode
    let descriptions: [String: String]
    let depth: Int
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .unknown = node.shape { node.shape = .object }
        return KeyedDecodingContainer(
            SchemaKeyedContainer<Key>(node: node, descriptions: descriptions, depth: depth, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.shape = .array
        return SchemaUnkeyedContainer(node: node, depth: depth, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SchemaSingleValueContainer(node: node, depth: depth, codingPath: codingPath)
    }
}

/// Placeholder values and schema types of the primitive types a decoder serves.
enum SchemaPrimitive {
    static func schema(of type: Any.Type) -> JSONValue? {
        switch type {
        case is String.Type: return ["type": "string"]
        case is Bool.Type: return ["type": "boolean"]
        case is Double.Type, is Float.Type: return ["type": "number"]
        case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type,
            is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type:
            return ["type": "integer"]
        default: return nil
        }
    }
}
