import AgentCore

/// One path component's shell wildcard: `*`, `?`, `[abc]`, `[a-z]`, `[!x]` / `[^x]` and `\` escapes.
///
/// Matching works on UTF-8 bytes; `?` consumes one whole character, bracket classes compare
/// single bytes (so they are meant for ASCII).
package struct WildcardPattern: Hashable, Sendable {
    private let bytes: [UInt8]
    /// The pattern when it holds no wildcard, for a plain comparison.
    private let literal: String?

    package init(_ pattern: some StringProtocol) {
        bytes = Array(pattern.utf8)
        literal = WildcardPattern.hasWildcard(pattern) ? nil : String(pattern)
    }

    /// Whether `text` holds `*`, `?`, `[` or `\`.
    package static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.utf8.contains {
            $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\")
        }
    }

    /// Whether `name` matches the whole pattern.
    package func matches(_ name: String) -> Bool {
        if let literal { return literal == name }
        var name = name
        return name.withUTF8 { matches(bytes: $0) }
    }

    private func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = 0
        var t = 0
        var starP = -1
        var starT = 0
        while t < text.count {
            if p < bytes.count, bytes[p] == UInt8(ascii: "*") {
                starP = p
                starT = t
                p += 1
                continue
            }
            if p < bytes.count, let (nextP, nextT) = step(p, text, t) {
                p = nextP
                t = nextT
                continue
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < bytes.count, bytes[p] == UInt8(ascii: "*") { p += 1 }
        return p == bytes.count
    }

    /// Matches the one token at `p` against the character at `t`; the positions after both.
    private func step(_ p: Int, _ text: UnsafeBufferPointer<UInt8>, _ t: Int) -> (Int, Int)? {
        switch bytes[p] {
        case UInt8(ascii: "?"):
            var next = t + 1
            while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
            return (p + 1, next)
        case UInt8(ascii: "["):
            guard let (matched, end) = matchClass(at: p, byte: text[t]) else {
                return text[t] == UInt8(ascii: "[") ? (p + 1, t + 1) : nil
            }
            return matched ? (end, t + 1) : nil
        case UInt8(ascii: "\\") where p + 1 < bytes.count:
            return bytes[p + 1] == text[t] ? (p + 2, t + 1) : nil
        default:
            return bytes[p] == text[t] ? (p + 1, t + 1) : nil
        }
    }

    /// Whether `byte` is in the class opening at `start`, and the index after the class;
    /// `nil` when the class is not closed (then `[` is literal).
    private func matchClass(at start: Int, byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < bytes.count {
            var low = bytes[index]
            if low == UInt8(ascii: "]"), !first { return (matched != negated, index + 1) }
            first = false
            if low == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                low = bytes[index]
            }
            var high = low
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] != UInt8(ascii: "]") {
                high = bytes[index + 2]
                index += 2
            }
            if low <= byte, byte <= high { matched = true }
            index += 1
        }
        return nil
    }
}
