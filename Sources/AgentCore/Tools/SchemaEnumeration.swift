/// A string enum whose cases appear in a generated JSON Schema as `"enum": [...]`.
///
/// Decoding ignores case and surrounding whitespace (`"Create"` is `create`); an unknown value is an
/// error that lists the cases.
///
/// ```swift
/// enum Operation: String, SchemaEnumeration { case create, overwrite, delete }
/// ```
public protocol SchemaEnumeration: Decodable, CaseIterable, RawRepresentable where RawValue == String {}

extension SchemaEnumeration {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let wanted = text.trimmingWhitespace.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "unknown value \"\(text)\"; use one of: \(Self.allCases.map(\.rawValue).joined(separator: ", "))"
                ))
        }
        self = match
    }
}
