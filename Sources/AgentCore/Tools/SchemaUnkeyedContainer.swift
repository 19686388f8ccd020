/// Records an array: the first element decoded gives the schema of `items`.
struct SchemaUnkeyedContainer: UnkeyedDecodingContainer {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey]
    var count: Int? { nil }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }

    init(node: SchemaNode, depth: Int, codingPath: [any CodingKey]) {
        self.node = node
        self.depth = depth
        self.codingPath = codingPath
    }

    private mutating func nextNode() -> SchemaNode {
        currentIndex += 1
        let items = SchemaNode()
        node.items = items
        return items
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let items = nextNode()
        return try JSONSchemaGenerator.record(type, into: items, depth: depth + 1, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let items = nextNode()
        return try SchemaRecordingDecoder(node: items, descriptions: [:], depth: depth + 1, codingPath: codingPath)
            .container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let items = nextNode()
        items.shape = .array
        return SchemaUnkeyedContainer(node: items, depth: depth + 1, codingPath: codingPath)
    }

    mutating func superDecoder() throws -> any Decoder {
        SchemaRecordingDecoder(node: nextNode(), descriptions: [:], depth: depth + 1, codingPath: codingPath)
    }
}
