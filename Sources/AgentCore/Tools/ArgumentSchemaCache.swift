import SparkJSON

/// The schemas `ToolArguments.schema(descriptions:)` generated, by arguments type and instance descriptions.
///
/// A schema depends only on the type (its decoding, its static descriptions and constraints) and the
/// descriptions passed, so it is generated once per process: a model request sends every tool's schema, and
/// generating one decodes the type through a recording decoder.
enum ArgumentSchemaCache {
    private struct Key: Hashable {
        var type: ObjectIdentifier
        var descriptions: [String: String]
    }

    /// Bounded: the key space is the tool types times their configured descriptions, a few dozen in practice.
    private static let schemas = BoundedCache<Key, JSONValue>(capacity: 1024)

    /// The cached schema of `type` with `descriptions`, or `make()`'s, kept for the next call.
    static func schema(
        of type: Any.Type, descriptions: [String: String], make: () -> JSONValue
    ) -> JSONValue {
        schemas.value(for: Key(type: ObjectIdentifier(type), descriptions: descriptions), make: make)
    }
}
