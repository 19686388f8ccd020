/// Records a primitive (or a type that decodes through a single value) into its node.
struct SchemaSingleValueContainer: SingleValueDecodingContainer {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey]

    private func primitive<T>(_ type: T.Type, _ placeholder: T) -> T {
        if let schema = SchemaPrimitive.schema(of: type) { node.shape = .fixed(schema) }
        return placeholder
    }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { primitive(type, false) }
    func decode(_ type: String.Type) throws -> String { primitive(type, "") }
    func decode(_ type: Double.Type) throws -> Double { primitive(type, 0) }
    func decode(_ type: Float.Type) throws -> Float { primitive(type, 0) }
    func decode(_ type: Int.Type) throws -> Int { primitive(type, 0) }
    func decode(_ type: Int8.Type) throws -> Int8 { primitive(type, 0) }
    func decode(_ type: Int16.Type) throws -> Int16 { primitive(type, 0) }
    func decode(_ type: Int32.Type) throws -> Int32 { primitive(type, 0) }
    func decode(_ type: Int64.Type) throws -> Int64 { primitive(type, 0) }
    func decode(_ type: UInt.Type) throws -> UInt { primitive(type, 0) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { primitive(type, 0) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { primitive(type, 0) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { primitive(type, 0) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { primitive(type, 0) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONSchemaGenerator.record(type, into: node, depth: depth + 1, codingPath: codingPath)
    }
}
