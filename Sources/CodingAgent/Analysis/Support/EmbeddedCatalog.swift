import SparkJSON

/// A JSON data file embedded in the module at build time (`resources: [.embedInCode("Resources/Catalogs")]`).
struct EmbeddedCatalog: Sendable {
    /// The file name, for messages.
    let name: String
    /// The file's UTF-8 bytes.
    let bytes: [UInt8]

    /// Parses and decodes the file; throws what the parser or the decoder found wrong.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValue(parsing: bytes).decode(as: type)
    }

    /// Decodes `file`, which the tests prove valid: a failure here is a build mistake, not bad input.
    static func load<T: Decodable>(_ type: T.Type, _ file: EmbeddedCatalog) -> T {
        do {
            return try file.decode(type)
        } catch {
            fatalError("embedded catalog \(file.name) does not decode: \(error)")
        }
    }
}
