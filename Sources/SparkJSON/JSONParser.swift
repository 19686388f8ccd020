/// A tree of JSON values the parser can build: `JSONValue` for messages and arguments, `ChunkJSON` for
/// the stream hot path. Objects are built member by member into `Members`.
package protocol JSONTree {
    associatedtype Members
    static var null: Self { get }
    static func bool(_ value: Bool) -> Self
    static func int(_ value: Int) -> Self
    static func double(_ value: Double) -> Self
    static func string(_ value: String) -> Self
    static func array(_ elements: [Self]) -> Self
    static func object(_ members: Members) -> Self
    static func emptyMembers() -> Members
    /// Adds a member; a repeated key replaces the earlier value, as `JSONDecoder` does.
    static func add(_ value: Self, forKey key: String, to members: inout Members)
}

/// A strict JSON parser, several times faster than `JSONDecoder` (which parses into its own tree and then
/// decodes through `Codable`): for JSON-RPC messages, tool arguments and stream chunks (one per token).
///
/// RFC 8259 grammar: objects, arrays, strings with every escape (surrogate pairs included), numbers (integers
/// stay `.int` unless they overflow; a number beyond `Double`'s range is refused), `true`, `false`, `null`; nothing but whitespace after the value; at most
/// 256 levels of nesting; strings must be valid UTF-8. One leniency, as in `JSONDecoder`: a comma may end an object or an array (local models
/// write `{"path": "a",}` now and then).
package struct JSONParser<Value: JSONTree> {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses one complete JSON text.
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> Value {
        var parser = JSONParser(bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.fail("unexpected text after the value") }
        return value
    }

    /// Parses one complete JSON text.
    package static func parse(_ text: String) throws -> Value {
        var text = text
        return try text.withUTF8 { try parse(UnsafeRawBufferPointer($0)) }
    }

    /// An error at the current offset: "unexpected end of text" there, else `reason`.
    private func fail(_ reason: String = "expected a value") -> JSONSyntaxError {
        JSONSyntaxError(reason: index >= bytes.count ? "unexpected end of text" : reason, offset: index)
    }

    /// JSON text is UTF-8 (RFC 8259): a string that is not is refused rather than repaired, so no text is
    /// silently changed (an edit computed against a repaired document would corrupt the editor's buffer).
    private func invalidUTF8(at start: Int) -> JSONSyntaxError {
        JSONSyntaxError(reason: "invalid UTF-8 in a string", offset: start)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> Value {
        guard depth < 256 else { throw fail("nested more than 256 levels deep") }
        skipWhitespace()
        guard index < bytes.count else { throw fail() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("expected a value")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: Value) throws(JSONSyntaxError) -> Value {
        let count = word.utf8CodeUnitCount
        for offset in 0..<count where index + offset >= bytes.count || bytes[index + offset] != word.utf8Start[offset] {
            throw fail("expected a value")
        }
        index += count
        return value
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> Value {
        index += 1
        var members = Value.emptyMembers()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            Value.add(try value(depth: depth + 1), forKey: key, to: &members)
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {  // a trailing comma
                    index += 1
                    return .object(members)
                }
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> Value {
        index += 1
        var elements: [Value] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {  // a trailing comma
                    index += 1
                    return .array(elements)
                }
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                // ASCII needs no validation (the common case: keys, URIs, most code).
                let text = isASCII ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
                guard let text else { throw invalidUTF8(at: start) }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in a string") }
            isASCII = isASCII && byte < 0x80
            index += 1
        }
        // With escapes: copy the runs between them in bulk.
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let runStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
                bytes[index] >= 0x20
            {
                index += 1
            }
            decoded.append(contentsOf: bytes[runStart..<index])
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: decoded, as: UTF8.self) else { throw invalidUTF8(at: start) }
                return text
            case UInt8(ascii: "\\"): try escape(into: &decoded)
            default:
                index -= 1
                throw fail("control character in a string")
            }
        }
        throw fail()
    }

    private mutating func escape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
        guard index < bytes.count else { throw fail() }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                let saved = index
                index += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = saved
                }
            }
            decoded.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        default:
            index -= 1
            throw fail("invalid escape")
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> Value {
        let start = index
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard digits() else { throw fail() }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            index = integerStart
            throw fail("a number cannot start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits() else { throw fail() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() else { throw fail() }
        }
        // Up to 18 digits always fit in an Int: accumulate them without making a string.
        if isInteger, index - integerStart <= 18 {
            var value = 0
            for position in integerStart..<index { value = value &* 10 &+ Int(bytes[position] &- UInt8(ascii: "0")) }
            return .int(bytes[start] == UInt8(ascii: "-") ? -value : value)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        // `Double` reads a magnitude past its range as infinity, which JSON cannot write back: refused, as
        // JSONDecoder and JSONSerialization refuse it.
        guard let value = Double(text), value.isFinite else {
            index = start
            throw fail("number out of range")
        }
        return .double(value)
    }

    /// Consumes one or more digits; `false` when there is none.
    private mutating func digits() -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index > start
    }
}

/// Why a text is not valid JSON, and where.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
    /// What was wrong.
    public var reason: String
    /// The byte offset where parsing stopped.
    public var offset: Int

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
