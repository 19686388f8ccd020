import SparkJSON
import Synchronization

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

    /// Bounded: the key space is the tool types times their configured descriptions, a few dozen in practice;
    /// past the bound (descriptions made from ever-changing values) schemas are generated each time again.
    private static let capacity = 1024
    private static let schemas = Mutex<[Key: JSONValue]>([:])

    /// The cached schema of `type` with `descriptions`, or `make()`'s, kept for the next call.
    static func schema(
        of type: Any.Type, descriptions: [String: String], make: () -> JSONValue
    ) -> JSONValue {
        let key = Key(type: ObjectIdentifier(type), descriptions: descriptions)
        if let schema = schemas.withLock({ $0[key] }) { return schema }
        let schema = make()
        schemas.withLock { schemas in
            if schemas.count < capacity { schemas[key] = schema }
        }
        return schema
    }
}
