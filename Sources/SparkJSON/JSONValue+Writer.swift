extension JSONValue: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        write(into: &writer, sortedKeys: false)
    }

    /// Writes this value; with `sortedKeys`, object members in key order (deterministic output).
    public func write(into writer: inout JSONWriter, sortedKeys: Bool) {
        switch self {
        case .null: writer.writeNull()
        case .bool(let value): writer.write(value)
        case .int(let value): writer.write(value)
        case .double(let value): writer.write(value)
        case .string(let value): writer.write(value)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(into: &writer, sortedKeys: sortedKeys) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            if sortedKeys {
                // The members sorted as pairs: no second hash lookup per key.
                for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                    writer.key(key)
                    value.write(into: &writer, sortedKeys: true)
                }
            } else {
                for (key, value) in members {
                    writer.key(key)
                    value.write(into: &writer, sortedKeys: false)
                }
            }
            writer.endObject()
        }
    }

    /// Compact JSON text as UTF-8 bytes; with `sortedKeys`, object members in key order.
    public func jsonBytes(sortedKeys: Bool) -> [UInt8] {
        var writer = JSONWriter()
        write(into: &writer, sortedKeys: sortedKeys)
        return writer.bytes
    }
}
