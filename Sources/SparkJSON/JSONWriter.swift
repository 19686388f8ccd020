/// Writes compact JSON text (UTF-8) straight into a byte buffer, with no tree and no `JSONEncoder`: for the
/// hot paths (JSON-RPC replies and notifications, request bodies).
///
/// Strings are escaped as RFC 8259 requires (`/` and non-ASCII characters are written as they are); a
/// non-finite double, which JSON cannot express, is written as `null`. Commas are placed automatically:
///
///     writer.beginObject()
///     writer.member("line", 3)
///     writer.member("source", diagnostic.source)  // left out when nil
///     writer.endObject()
public struct JSONWriter {
    /// The text written so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text that is already JSON (a fixed prefix, say), as it is.
    public mutating func writeRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes a value that is already compact JSON text (an encoding kept from an earlier write), as it is, after a
    /// comma when one is due.
    public mutating func writeEncoded(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func endObject() { bytes.append(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    public mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// Writes `"key":`, after a comma when a member came before; the value must follow.
    public mutating func key(_ key: String) {
        separate()
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes a member of the open object.
    public mutating func member(_ key: String, _ value: some JSONWritable) {
        self.key(key)
        value.writeJSON(into: &self)
    }

    /// Writes a member of the open object, or nothing when `value` is `nil` (as `Encodable` leaves it out).
    public mutating func member(_ key: String, _ value: (some JSONWritable)?) {
        guard let value else { return }
        member(key, value)
    }

    /// Writes an element of the open array (every value written starts with a comma when one is due).
    public mutating func element(_ value: some JSONWritable) {
        value.writeJSON(into: &self)
    }

    public mutating func writeNull() {
        separate()
        writeRaw("null")
    }

    public mutating func write(_ value: Bool) {
        separate()
        value ? writeRaw("true") : writeRaw("false")
    }

    public mutating func write(_ value: Int) {
        separate()
        guard value != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in  // Int.min has 19
            var start = digits.count
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    public mutating func write(_ value: Double) {
        separate()
        // Swift prints doubles in a JSON-compatible form ("2.5", "1.0", "1e-05").
        bytes.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
    }

    public mutating func write(_ value: String) {
        separate()
        writeString(value)
    }

    /// A comma when the previous byte ends a value: the writer is inside an array or object after an entry.
    private mutating func separate() {
        switch bytes.last {
        case nil, UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"): return
        default: bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Copy the runs that need no escape in bulk.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                appendEscape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [
                UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)],
                hexDigits[Int(byte & 0x0F)],
            ])
        }
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

/// A value that writes its own JSON with a `JSONWriter`, for replies on the hot path. The JSON must be what
/// the type's `Encodable` conformance writes, when it has one (tests check each).
public protocol JSONWritable {
    func writeJSON(into writer: inout JSONWriter)
}

extension JSONWritable {
    /// Compact JSON text as UTF-8 bytes.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter()
        writeJSON(into: &writer)
        return writer.bytes
    }
}

extension String: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) { writer.write(self) }
}

extension Int: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) { writer.write(self) }
}

extension Bool: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) { writer.write(self) }
}

extension Double: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) { writer.write(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { writer.element(element) }
        writer.endArray()
    }
}
