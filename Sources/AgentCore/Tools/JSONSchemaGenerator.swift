import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Generates a JSON Schema from a `Decodable` type by letting the type decode itself from a
/// decoder that records every key, type and optionality it asks for.
///
/// Properties decoded with `decodeIfPresent` (Swift optionals) are optional, all others required.
/// Nested types, arrays, dictionaries, `SchemaEnumeration` enums (and any `CaseIterable` enum
/// with `String` or `Int` raw values) and `DescribedArguments` descriptions are supported. Types whose decoding validates values (beyond `URL`, `UUID`,
/// `Date`) may fail to record; `generate` then throws.
public enum JSONSchemaGenerator {
    /// How deep nested types are followed (guards recursive types).
    static let maxDepth = 16

    /// The schema of `type`, with optional descriptions of its top-level properties.
    public static func generate<T: Decodable>(
        for type: T.Type, descriptions: [String: String] = [:]
    ) throws -> JSONValue {
        let node = SchemaNode()
        _ = try record(type, into: node, descriptions: descriptions, depth: 0, codingPath: [])
        // A type with no stored properties never asks for a container: it takes no arguments.
        if case .unknown = node.shape { node.shape = .object }
        return node.build()
    }

    /// Records the schema of `type` into `node` and returns a placeholder value of it.
    static func record<T: Decodable>(
        _ type: T.Type, into node: SchemaNode, descriptions: [String: String] = [:], depth: Int,
        codingPath: [any CodingKey]
    ) throws -> T {
        if let special = specialPlaceholder(type, node: node) { return special }
        guard depth < maxDepth else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath, debugDescription: "Type nesting deeper than \(maxDepth) (recursive type?)"))
        }
        var described = descriptions
        if let describing = type as? any DescribedArguments.Type {
            described.merge(describing.argumentDescriptions) { explicit, _ in explicit }
        }
        let decoder = SchemaRecordingDecoder(
            node: node, descriptions: described, depth: depth, codingPath: codingPath)
        return try T(from: decoder)
    }

    /// Placeholders for types whose own decoding would reject a recorded dummy value.
    private static func specialPlaceholder<T>(_ type: T.Type, node: SchemaNode) -> T? {
        if let enumeration = type as? any SchemaEnumeration.Type {
            let (names, first) = cases(of: enumeration)
            node.shape = .fixed(["type": "string", "enum": .array(names.map { .string($0) })])
            return first as? T
        }
        if let iterable = type as? any CaseIterable.Type, let (schema, first) = rawValueCases(of: iterable) {
            node.shape = .fixed(schema)
            return first as? T
        }
        if type == JSONValue.self {
            node.shape = .fixed([:])
            return JSONValue.null as? T
        }
        if type == URL.self {
            node.shape = .fixed(["type": "string", "format": "uri"])
            return URL(string: "https://example.com") as? T
        }
        if type == UUID.self {
            node.shape = .fixed(["type": "string", "format": "uuid"])
            return UUID() as? T
        }
        if type == Date.self {
            node.shape = .fixed(["type": "number"])
            return Date(timeIntervalSinceReferenceDate: 0) as? T
        }
        return nil
    }

    /// A `CaseIterable` enum with `String` or `Int` raw values, as `enum` schema and first case.
    private static func rawValueCases<E: CaseIterable>(of type: E.Type) -> (JSONValue, Any)? {
        let cases = Array(E.allCases)
        guard let first = cases.first else { return nil }
        let raw: [Any] = cases.compactMap { value in
            guard let representable = value as? any RawRepresentable else { return nil }
            return rawValue(of: representable)
        }
        guard raw.count == cases.count else { return nil }
        if let names = raw as? [String] {
            return (["type": "string", "enum": .array(names.map { .string($0) })], first)
        }
        if let numbers = raw as? [Int] {
            return (["type": "integer", "enum": .array(numbers.map { .int($0) })], first)
        }
        return nil
    }

    private static func rawValue<R: RawRepresentable>(of value: R) -> Any { value.rawValue }

    private static func cases<E: SchemaEnumeration>(of type: E.Type) -> ([String], E?) {
        (E.allCases.map(\.rawValue), E.allCases.first)
    }
}
