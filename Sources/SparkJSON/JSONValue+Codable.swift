#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Every failed attempt costs a thrown error, so the kinds LSP and tool payloads hold most
        // (strings, objects) are tried first. A decoder never turns one JSON kind into another, so
        // the order changes nothing else.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: JSONTree {
    package static func emptyMembers() -> [String: JSONValue] { [:] }

    package static func add(_ value: JSONValue, forKey key: String, to members: inout [String: JSONValue]) {
        members[key] = value
    }
}

extension JSONValue {
    /// Parses JSON text (UTF-8); throws `JSONSyntaxError` with the offset of the problem.
    public init(parsing data: Data) throws {
        self = try data.withUnsafeBytes { try JSONParser<JSONValue>.parse($0) }
    }

    /// Parses JSON text (UTF-8); throws `JSONSyntaxError` with the offset of the problem.
    public init(parsing bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try JSONParser<JSONValue>.parse($0) }
    }

    /// Parses JSON text; throws `JSONSyntaxError` with the offset of the problem.
    public init(parsing text: String) throws {
        self = try JSONParser<JSONValue>.parse(text)
    }

    /// Converts any `Encodable` value (a request, a result) into a JSON value.
    public init(encoding value: some Encodable) throws {
        if let value = value as? JSONValue {
            self = value
            return
        }
        try self.init(parsing: try JSONEncoder().encode(value))
    }

    /// Decodes this value as `type`, for typed tool arguments and typed params (see `JSONValueDecoder`).
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONValueDecoder().decode(type, from: self)
    }

    /// Compact JSON text with sorted keys (deterministic, for logs, bodies and tests).
    public func serialized() -> String {
        String(decoding: jsonBytes(sortedKeys: true), as: UTF8.self)
    }
}
