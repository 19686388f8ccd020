import AgentCore

/// Blanks comments and the insides of string literals so that structural scans (braces, keywords,
/// calls) do not trip over them. Line breaks and positions are kept, so line numbers stay right.
enum SourceScrubber {
    static func scrub(_ source: String, language: SourceLanguage) -> [UInt8] {
        var bytes = Array(source.utf8)
        let count = bytes.count
        var index = 0
        func blank(_ range: Range<Int>) {
            for position in range where bytes[position] != UInt8(ascii: "\n") {
                bytes[position] = UInt8(ascii: " ")
            }
        }
        func starts(_ text: StaticString, at position: Int) -> Bool {
            let length = text.utf8CodeUnitCount
            guard position + length <= count else { return false }
            return text.withUTF8Buffer { pattern in
                for offset in 0..<length where bytes[position + offset] != pattern[offset] { return false }
                return true
            }
        }
        let hashComments = language == .python
        let slashComments = language != .python
        while index < count {
            let byte = bytes[index]
            if slashComments, starts("//", at: index) {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? count
                blank(index..<end)
                index = end
            } else if slashComments, starts("/*", at: index) {
                var end = index + 2
                while end < count, !starts("*/", at: end) { end += 1 }
                end = min(end + 2, count)
                blank(index..<end)
                index = end
            } else if hashComments, byte == UInt8(ascii: "#") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? count
                blank(index..<end)
                index = end
            } else if (language == .swift || language == .python),
                starts("\"\"\"", at: index)
                    || (language == .python && starts("'''", at: index))
            {
                let delimiter = bytes[index]
                var end = index + 3
                while end + 2 < count,
                    !(bytes[end] == delimiter && bytes[end + 1] == delimiter && bytes[end + 2] == delimiter)
                {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                blank(index + 3..<min(end, count))
                index = min(end + 3, count)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`")
                || (byte == UInt8(ascii: "'") && isCharacterQuote(bytes, at: index, language: language))
            {
                let multiline = byte == UInt8(ascii: "`")
                var end = index + 1
                while end < count, bytes[end] != byte {
                    if bytes[end] == UInt8(ascii: "\n"), !multiline { break }
                    end += bytes[end] == UInt8(ascii: "\\") && !(language == .go && multiline) ? 2 : 1
                }
                blank(index + 1..<min(end, count))
                index = min(end + 1, count)
            } else {
                index += 1
            }
        }
        return bytes
    }

    /// Rust lifetimes (`'a`) and Swift/Go/Java apostrophes in code are not quotes; a closing quote
    /// within a few bytes on the same line means a character literal.
    private static func isCharacterQuote(_ bytes: [UInt8], at index: Int, language: SourceLanguage) -> Bool {
        switch language {
        case .javascript, .typescript, .python:
            return true
        case .swift:
            return false
        default:
            var end = index + 1
            while end < bytes.count, end <= index + 8, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: "\\") {
                    end += 2
                    continue
                }
                if bytes[end] == UInt8(ascii: "'") { return true }
                end += 1
            }
            return false
        }
    }
}
