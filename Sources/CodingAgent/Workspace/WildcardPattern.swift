import AgentCore

/// One path component's shell wildcard: `*`, `?`, `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `[[:alpha:]]` and `\`
/// escapes.
///
/// Matching works on UTF-8 bytes; bracket classes compare single bytes (so they are meant for ASCII). Two
/// dialects differ where the glob tool and git disagree:
/// - `.glob` (the `glob` and `grep` tools): `?` consumes one whole character, and an unclosed `[` or a
///   trailing `\` is taken literally;
/// - `.git` (`.gitignore` rules, as git's `wildmatch`): `?` consumes one byte, and a pattern with an unclosed
///   `[`, an unknown `[:class:]` or a trailing `\` matches nothing.
package struct WildcardPattern: Hashable, Sendable {
    package enum Dialect: Hashable, Sendable {
        case glob
        case git
    }

    private let bytes: [UInt8]
    private let dialect: Dialect
    /// The pattern when it holds no wildcard, for a plain comparison.
    private let literal: String?
    /// A `.git` pattern that git's matcher abandons (it never matches).
    private let isMalformed: Bool

    package init(_ pattern: some StringProtocol, dialect: Dialect = .glob) {
        bytes = Array(pattern.utf8)
        self.dialect = dialect
        literal = WildcardPattern.hasWildcard(pattern) ? nil : String(pattern)
        isMalformed = dialect == .git && WildcardPattern.isMalformed(bytes)
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
        if isMalformed { return false }
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
            if dialect == .glob {
                while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
            }
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
    /// `nil` when the class is not closed or names an unknown `[:class:]` (then `[` is literal in `.glob`).
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
            if low == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                if close - index >= 3, bytes[close - 1] == UInt8(ascii: ":") {
                    guard let member = Self.characterClass(bytes[(index + 2)..<(close - 1)], contains: byte) else {
                        return nil
                    }
                    matched = matched || member
                    index = close + 1
                    continue
                }
                // No `:]`: the `[` is an ordinary member, as in git.
            }
            if low == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                low = bytes[index]
            }
            var high = low
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] != UInt8(ascii: "]") {
                high = bytes[index + 2]
                index += 2
                if high == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 1
                    high = bytes[index]
                }
            }
            if low <= byte, byte <= high { matched = true }
            index += 1
        }
        return nil
    }

    /// Whether `byte` is in the POSIX class `name` (C locale); `nil` for an unknown name.
    private static func characterClass(_ name: ArraySlice<UInt8>, contains byte: UInt8) -> Bool? {
        let isUpper = (0x41...0x5A).contains(byte)
        let isLower = (0x61...0x7A).contains(byte)
        let isDigit = (0x30...0x39).contains(byte)
        let isGraph = (0x21...0x7E).contains(byte)
        switch String(decoding: name, as: UTF8.self) {
        case "alnum": return isUpper || isLower || isDigit
        case "alpha": return isUpper || isLower
        case "blank": return byte == 0x20 || byte == 0x09
        case "cntrl": return byte < 0x20 || byte == 0x7F
        case "digit": return isDigit
        case "graph": return isGraph
        case "lower": return isLower
        case "print": return isGraph || byte == 0x20
        case "punct": return isGraph && !(isUpper || isLower || isDigit)
        case "space": return (0x09...0x0D).contains(byte) || byte == 0x20
        case "upper": return isUpper
        case "xdigit": return isDigit || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        default: return nil
        }
    }

    /// Whether git's matcher would abandon `pattern` whenever it reaches the fault: a trailing `\`, a `[`
    /// that never closes, or an unknown `[:class:]`. Every match must cross the whole pattern, so such a
    /// pattern matches nothing.
    private static func isMalformed(_ pattern: [UInt8]) -> Bool {
        let probe = WildcardPattern(bytes: pattern)
        var index = 0
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"):
                if index + 1 == pattern.count { return true }
                index += 2
            case UInt8(ascii: "["):
                guard let (_, end) = probe.matchClass(at: index, byte: 0) else { return true }
                index = end
            default:
                index += 1
            }
        }
        return false
    }

    /// The index after the bracket expression opening at `start` in `pattern`, `nil` when it never closes
    /// (or names an unknown `[:class:]`).
    package static func classEnd(in pattern: [UInt8], at start: Int) -> Int? {
        WildcardPattern(bytes: pattern).matchClass(at: start, byte: 0)?.1
    }

    /// A `.glob` pattern over raw bytes, for `isMalformed`'s class scan.
    private init(bytes: [UInt8]) {
        self.bytes = bytes
        dialect = .glob
        literal = nil
        isMalformed = false
    }
}
