/// Decodes `Decodable` types straight from a parsed `JSONValue`, with no JSON text in between: JSON-RPC params
/// and results, tool arguments. The rules are `JSONDecoder`'s (the errors too, with the same coding paths),
/// with one leniency: a floating point number without a fractional part decodes as an integer.
///
/// A lenient decoder also forgives what local models write in tool arguments: numbers and booleans given as
/// strings (`"20"`, `"true"`), a number where a string is expected (`20` becomes `"20"`), and an empty string
/// for an optional that is not a string (it counts as absent, as `null` always does for optionals).
public struct JSONValueDecoder: Sendable {
    /// Whether scalars are coerced as described above.
    public var isLenient: Bool

    public init(lenient: Bool = false) {
        isLenient = lenient
    }

    /// Decodes `type` from `value`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        return try T(from: ValueDecoder(value: value, path: .root, lenient: isLenient))
    }
}

/// A coding path as a linked list, turned into `[any CodingKey]` only when someone asks (errors, mostly).
private indirect enum CodingPathNode {
    case root
    case child(any CodingKey, CodingPathNode)

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while case .child(let key, let parent) = node {
            keys.append(key)
            node = parent
        }
        return keys.reversed()
    }

    func appending(_ key: any CodingKey) -> CodingPathNode { .child(key, self) }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }

    init() {}
    init?(intValue: Int) { nil }
    init?(stringValue: String) { nil }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let path: CodingPathNode
    let lenient: Bool

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw mismatch([String: JSONValue].self, value, path)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, path: path, lenient: lenient))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([JSONValue].self, value, path) }
        return UnkeyedContainer(elements: elements, path: path, lenient: lenient)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, path: path, lenient: lenient)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let path: CodingPathNode
    let lenient: Bool

    var codingPath: [any CodingKey] { path.keys }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: path.keys,
                    debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(type, from: try member(key), path: path.appending(key), lenient: lenient)
    }

    // The protocol's own overloads for scalars go through `decodeNil`; these keep the lenient rules in one place.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

    /// `nil` for a missing or null member, and, when lenient, for a blank string where no string is expected.
    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = members[key.stringValue], !value.isNull else { return nil }
        if lenient, T.self != String.self, case .string(let text) = value, text.allSatisfy(\.isWhitespace) {
            return nil
        }
        return try decodeValue(type, from: value, path: path.appending(key), lenient: lenient)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try ValueDecoder(value: try member(key), path: path.appending(key), lenient: lenient).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try member(key), path: path.appending(key), lenient: lenient).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: members["super"] ?? .null, path: path.appending(SuperKey()), lenient: lenient)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: members[key.stringValue] ?? .null, path: path.appending(key), lenient: lenient)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let path: CodingPathNode
    let lenient: Bool
    private(set) var currentIndex = 0

    init(elements: [JSONValue], path: CodingPathNode, lenient: Bool) {
        self.elements = elements
        self.path = path
        self.lenient = lenient
    }

    var codingPath: [any CodingKey] { path.keys }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func current<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: path.appending(IndexKey(currentIndex)).keys,
                    debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try current(JSONValue.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decodeValue(
            type, from: try current(type), path: path.appending(IndexKey(currentIndex)), lenient: lenient)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let decoder = ValueDecoder(
            value: try current(JSONValue.self), path: path.appending(IndexKey(currentIndex)), lenient: lenient)
        let container = try decoder.container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let decoder = ValueDecoder(
            value: try current(JSONValue.self), path: path.appending(IndexKey(currentIndex)), lenient: lenient)
        let container = try decoder.unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = ValueDecoder(
            value: try current(JSONValue.self), path: path.appending(IndexKey(currentIndex)), lenient: lenient)
        currentIndex += 1
        return decoder
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let path: CodingPathNode
    let lenient: Bool

    var codingPath: [any CodingKey] { path.keys }

    func decodeNil() -> Bool { value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, from: value, path: path, lenient: lenient)
    }
}

/// Decodes one value: the scalar types directly, `JSONValue` as it is, everything else through its `init(from:)`.
private func decodeValue<T: Decodable>(
    _ type: T.Type, from value: JSONValue, path: CodingPathNode, lenient: Bool
) throws -> T {
    let value = lenient ? coerced(value, to: type) : value
    // Comparisons of metatypes fold away once the function is specialised for `T`.
    if T.self == String.self {
        guard case .string(let string) = value else { throw mismatch(type, value, path) }
        return string as! T
    }
    if T.self == Int.self { return try integer(Int.self, value, path) as! T }
    if T.self == Bool.self {
        guard case .bool(let bool) = value else { throw mismatch(type, value, path) }
        return bool as! T
    }
    if T.self == JSONValue.self { return value as! T }
    if T.self == Double.self {
        guard let number = value.doubleValue else { throw mismatch(type, value, path) }
        return number as! T
    }
    if T.self == Int32.self { return try integer(Int32.self, value, path) as! T }
    if T.self == UInt32.self { return try integer(UInt32.self, value, path) as! T }
    if T.self == Int64.self { return try integer(Int64.self, value, path) as! T }
    if T.self == UInt.self { return try integer(UInt.self, value, path) as! T }
    if T.self == Float.self {
        guard let number = value.doubleValue else { throw mismatch(type, value, path) }
        return Float(number) as! T
    }
    return try T(from: ValueDecoder(value: value, path: path, lenient: lenient))
}

/// The lenient decoder's coercions: `"20"` for a number, `"true"` for a boolean, a number for a string.
/// Anything else is returned unchanged (and fails as usual if it does not fit).
private func coerced<T>(_ value: JSONValue, to type: T.Type) -> JSONValue {
    switch value {
    case .string(let text):
        let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if T.self == Bool.self {
            switch trimmed.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return value
            }
        }
        if T.self == Double.self || T.self == Float.self {
            return Double(trimmed).map(JSONValue.double) ?? value
        }
        if T.self == Int.self || T.self == Int32.self || T.self == UInt32.self || T.self == Int64.self
            || T.self == UInt.self
        {
            if let whole = Int(trimmed) { return .int(whole) }
            return Double(trimmed).map(JSONValue.double) ?? value
        }
        return value
    case .int(let number) where T.self == String.self: return .string(String(number))
    case .double(let number) where T.self == String.self: return .string(JSONValue.double(number).serialized())
    default: return value
    }
}

private func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, _ path: CodingPathNode) throws -> I {
    let whole: Int
    switch value {
    case .int(let number): whole = number
    case .double(let number) where number.rounded() == number && abs(number) < 9.0e15: whole = Int(number)
    case .double(let number):
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: path.keys, debugDescription: "Parsed JSON number <\(number)> does not fit in \(type)."))
    default: throw mismatch(type, value, path)
    }
    guard let exact = I(exactly: whole) else {
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: path.keys, debugDescription: "Parsed JSON number <\(whole)> does not fit in \(type)."))
    }
    return exact
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: CodingPathNode) -> DecodingError {
    if value.isNull {
        return .valueNotFound(
            type,
            DecodingError.Context(
                codingPath: path.keys, debugDescription: "Expected \(type) value but found null instead."))
    }
    let kind =
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "dictionary"
        }
    return .typeMismatch(
        type,
        DecodingError.Context(
            codingPath: path.keys, debugDescription: "Expected to decode \(type) but found \(kind) instead."))
}
