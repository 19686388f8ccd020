import Foundation

@testable import SparkJSON

/// Foundation's reading of JSON text, and the comparison of its values with ours.
///
/// Intended differences and their normalisation (also in Fuzz/README.md):
/// - top-level scalars: both accept them (`.fragmentsAllowed`);
/// - a trailing comma, a repeated key (the last wins): both do the same, nothing to normalise;
/// - lone surrogate escapes (`"\ud800"`): we decode each to U+FFFD, one UTF-16 unit like the surrogate, so
///   positions in a buffer an editor sent stay right; Foundation refuses the text. Each lone surrogate escape
///   is rewritten to `\ufffd` before Foundation reads the text (`foundationReadable`);
/// - a raw U+FEFF in a string: Foundation drops it at the start of a string or after an escape; it is
///   rewritten to `\ufeff`, which Foundation keeps (`foundationReadable`);
/// - numbers: we keep integers that fit in `Int` as `.int` and read everything else as the nearest `Double`;
///   Foundation makes `Int64`, `UInt64`, `Double` or `NSDecimalNumber` values. Compared by value: an
///   `.int` equals an integer NSNumber of the same value or an `NSDecimalNumber` with the same digits; a `.double` equals a Double with the same bits (or
///   an integer converted to the nearest Double); an `NSDecimalNumber` (38 significant digits) is read back
///   from its decimal text with `Double(_:)` and may differ by one unit in the last place when the mantissa
///   had more digits than a Decimal holds (it is rounded twice);
/// - a number out of range that a repeated key replaced: Foundation never reads it and accepts the text, we
///   refuse it; the text with that number set to 0 is compared instead, if that changes nothing for
///   Foundation (`fuzzJSON`);
/// - strings and keys are compared scalar by scalar (never by `String ==`, which compares canonical
///   equivalence).
enum FoundationJSON {
    /// Foundation's value for `bytes`, after the rewrites that `foundationReadable` explains.
    static func parse(_ bytes: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(foundationReadable(bytes)), options: [.fragmentsAllowed])
    }

    /// `bytes` rewritten, inside strings only, so that Foundation reads the value we read:
    /// - every lone surrogate escape becomes `\uFFFD` (the same length), pairs kept: what we decode a lone
    ///   surrogate to, in a form Foundation accepts;
    /// - every raw U+FEFF (EF BB BF) becomes the escape `\ufeff`: Foundation decodes each run of a string
    ///   between escapes as its own UTF-8 text and drops a byte order mark at the start of a run (`"\u{FEFF}a"`
    ///   reads as `"a"`), while an escaped U+FEFF stays. We keep the character, as RFC 8259 says.
    static func foundationReadable(_ bytes: [UInt8]) -> [UInt8] {
        func hex4(at start: Int) -> UInt32? {
            guard start + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[start..<start + 4] {
                guard let digit = UInt32(String(UnicodeScalar(byte)), radix: 16) else { return nil }
                value = value << 4 | digit
            }
            return value
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        func copy(_ count: Int) {
            output += bytes[index..<min(bytes.count, index + count)]
            index += count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if !inString {
                inString = byte == UInt8(ascii: "\"")
                copy(1)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = false
                copy(1)
            case 0xEF where bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]):
                output += Array("\\ufeff".utf8)
                index += 3
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"), let unit = hex4(at: index + 2)
                else {
                    copy(2)
                    continue
                }
                if (0xD800..<0xDC00).contains(unit), index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"),
                    bytes[index + 7] == UInt8(ascii: "u"), let low = hex4(at: index + 8),
                    (0xDC00..<0xE000).contains(low)
                {
                    copy(12)
                } else if (0xD800..<0xE000).contains(unit) {
                    output += Array("\\uFFFD".utf8)
                    index += 6
                } else {
                    copy(6)
                }
            default:
                copy(1)
            }
        }
        return output
    }

    /// A description of how `ours` and Foundation's `theirs` differ, or `nil` when they are the same value.
    static func difference(_ ours: JSONValue, _ theirs: Any, at path: String = "$") -> String? {
        switch ours {
        case .null:
            return theirs is NSNull ? nil : "\(path): null vs \(theirs)"
        case .bool(let value):
            guard let number = theirs as? NSNumber, isBool(number), number.boolValue == value else {
                return "\(path): \(value) vs \(theirs)"
            }
            return nil
        case .int(let value):
            guard let number = theirs as? NSNumber, !isBool(number) else {
                return "\(path): int \(value) vs \(type(of: theirs)) \(theirs)"
            }
            if number is NSDecimalNumber {  // Foundation's choice for some 19-digit integers
                return number.description == String(value) ? nil : "\(path): \(value) vs decimal \(number)"
            }
            switch objCType(number) {
            case "Q": return number.uint64Value == UInt64(exactly: value) ? nil : "\(path): \(value) vs \(number)"
            case "d", "f": return "\(path): int \(value) vs floating \(number)"
            default: return number.int64Value == Int64(value) ? nil : "\(path): \(value) vs \(number)"
            }
        case .double(let value):
            guard let number = theirs as? NSNumber, !isBool(number) else { return "\(path): \(value) vs \(theirs)" }
            let other: Double
            if number is NSDecimalNumber {
                guard let reread = Double(number.description) else { return "\(path): \(value) vs \(number)" }
                if reread == value || abs(reread - value) <= value.ulp { return nil }
                other = reread
            } else {
                switch objCType(number) {
                case "Q": other = Double(number.uint64Value)
                case "d", "f": other = number.doubleValue
                default: other = Double(number.int64Value)
                }
            }
            return other.bitPattern == value.bitPattern ? nil : "\(path): \(value) vs \(other) (\(number))"
        case .string(let value):
            guard let string = theirs as? String else { return "\(path): string vs \(theirs)" }
            return value.unicodeScalars.elementsEqual(string.unicodeScalars)
                ? nil : "\(path): \(value.debugDescription) vs \(string.debugDescription)"
        case .array(let elements):
            guard let array = theirs as? [Any] else { return "\(path): array vs \(theirs)" }
            guard array.count == elements.count else { return "\(path): \(elements.count) vs \(array.count) elements" }
            for (index, element) in elements.enumerated() {
                if let difference = difference(element, array[index], at: "\(path)[\(index)]") { return difference }
            }
            return nil
        case .object(let members):
            guard let object = theirs as? [String: Any] else { return "\(path): object vs \(theirs)" }
            let ourKeys = members.keys.map { Array($0.unicodeScalars) }.sorted { $0.lexicographicallyPrecedes($1) }
            let theirKeys = object.keys.map { Array($0.unicodeScalars) }.sorted { $0.lexicographicallyPrecedes($1) }
            guard ourKeys == theirKeys else {
                return "\(path): keys \(members.keys.sorted()) vs \(object.keys.sorted())"
            }
            for (key, value) in members {
                if let difference = difference(value, object[key]!, at: "\(path).\(key.debugDescription)") {
                    return difference
                }
            }
            return nil
        }
    }

    /// Like `difference`, between two of our values: strings by scalars, doubles by bits.
    static func strictDifference(_ lhs: JSONValue, _ rhs: JSONValue, at path: String = "$") -> String? {
        switch (lhs, rhs) {
        case (.double(let a), .double(let b)):
            return a.bitPattern == b.bitPattern ? nil : "\(path): \(a) vs \(b)"
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.elementsEqual(b.unicodeScalars)
                ? nil : "\(path): \(a.debugDescription) vs \(b.debugDescription)"
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) elements" }
            for index in a.indices {
                if let difference = strictDifference(a[index], b[index], at: "\(path)[\(index)]") { return difference }
            }
            return nil
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return "\(path): \(a.count) vs \(b.count) members" }
            for (key, value) in a {
                guard let other = b[key] else { return "\(path): key \(key.debugDescription) missing" }
                if let difference = strictDifference(value, other, at: "\(path).\(key.debugDescription)") {
                    return difference
                }
            }
            return nil
        default:
            return lhs == rhs ? nil : "\(path): \(lhs) vs \(rhs)"
        }
    }

    private static func objCType(_ number: NSNumber) -> String {
        String(cString: number.objCType)
    }

    private static func isBool(_ number: NSNumber) -> Bool {
        // JSONSerialization makes booleans (`__NSCFBoolean`, type "c") and never a `CChar` number.
        objCType(number) == "c"
    }
}
