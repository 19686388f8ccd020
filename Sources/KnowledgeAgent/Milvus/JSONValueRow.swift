import SparkJSON

/// One row of a Milvus reply's `data`, with its numbers read whether they come as JSON numbers or as strings
/// (v1 sends 64-bit ids and `count(*)` as strings).
struct JSONValueRow {
    let fields: [String: JSONValue]

    init(_ value: JSONValue) throws {
        guard let fields = value.objectValue else {
            throw MilvusError(.malformedResponse, "expected an object in data, got \(value.serialized())")
        }
        self.fields = fields
    }

    /// The rows of `data`, which must be an array.
    static func rows(_ data: JSONValue) throws -> [JSONValueRow] {
        guard let items = data.arrayValue else {
            throw MilvusError(.malformedResponse, "expected an array in data, got \(data.serialized())")
        }
        return try items.map(JSONValueRow.init)
    }

    func int64(_ key: String) -> Int64? {
        switch fields[key] {
        case .int(let value)?: Int64(value)
        case .string(let text)?: Int64(text)
        case .double(let value)? where value.rounded() == value: Int64(exactly: value)
        default: nil
        }
    }

    func double(_ key: String) -> Double? {
        fields[key]?.doubleValue
    }
}
