import AgentCore

/// A result or params type that can build its JSON as a `JSONValue` by hand, so `MessageCoding` writes it
/// without `JSONEncoder` (several times faster): for replies on the hot path, such as code actions.
/// The JSON must be exactly what the type's `Encodable` conformance writes (a test checks each).
public protocol JSONValueRepresentable {
    var jsonValue: JSONValue { get }
}

extension Array: JSONValueRepresentable where Element: JSONValueRepresentable {
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}

extension JSONValue: JSONValueRepresentable {
    public var jsonValue: JSONValue { self }
}

extension JSONValue {
    /// An object of the members that are not `nil` (optional fields are left out, as `Encodable` does).
    static func members(_ members: [String: JSONValue?]) -> JSONValue {
        .object(members.compactMapValues { $0 })
    }
}
