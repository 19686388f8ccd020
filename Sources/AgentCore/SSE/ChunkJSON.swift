import SparkJSON

/// A parsed JSON value for the stream hot path: objects keep their members in order in an array, looked up
/// by a linear search, which beats hashing for the handful of keys a chunk has.
indirect enum ChunkJSON {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([ChunkJSON])
    case object([(key: String, value: ChunkJSON)])

    /// The member named `key` when this is an object (the last one wins, as in `JSONDecoder`).
    subscript(key: String) -> ChunkJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9.0e15: return Int(value)
        default: return nil
        }
    }

    var arrayValue: [ChunkJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension ChunkJSON: JSONTree {
    package static func emptyMembers() -> [(key: String, value: ChunkJSON)] { [] }

    package static func add(_ value: ChunkJSON, forKey key: String, to members: inout [(key: String, value: ChunkJSON)])
    {
        members.append((key, value))
    }
}
