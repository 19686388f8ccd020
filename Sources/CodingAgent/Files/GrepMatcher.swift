import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the lines of a file that match a `grep` pattern.
///
/// A pattern without regular-expression metacharacters is searched as bytes. A regular
/// expression (Swift `Regex`) is run only on lines holding a literal every match must contain
/// (for `a|b`, one literal per alternative), when the pattern has them; otherwise on every line.
package struct GrepMatcher {
    /// Every match holds one of these; empty when nothing is known.
    private let literals: [[UInt8]]
    private let regex: Regex<AnyRegexOutput>?

    init(pattern: String) throws {
        if !GrepMatcher.hasMetacharacters(pattern) {
            literals = [Array(pattern.utf8)]
            regex = nil
        } else {
            regex = try Regex(pattern)
            literals = (GrepMatcher.requiredLiterals(of: pattern) ?? []).map { Array($0.utf8) }
        }
    }

    /// One required literal per top-level alternative of `pattern`, or `nil` when one lacks any.
    package static func requiredLiterals(of pattern: String) -> [String]? {
        var alternatives: [String] = []
        var current = ""
        var depth = 0
        var inClass = false
        var escaped = false
        for character in pattern {
            defer { escaped = !escaped && character == "\\" }
            if !escaped {
                if inClass {
                    if character == "]" { inClass = false }
                } else if character == "[" {
                    inClass = true
                } else if character == "(" {
                    depth += 1
                } else if character == ")" {
                    depth -= 1
                } else if character == "|", depth == 0 {
                    alternatives.append(current)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        alternatives.append(current)
        var literals: [String] = []
        for alternative in alternatives {
            guard let literal = requiredLiteral(of: alternative) else { return nil }
            literals.append(literal)
        }
        return literals
    }

    static func hasMetacharacters(_ pattern: String) -> Bool {
        pattern.contains { "\\^$.|?*+()[]{}".contains($0) }
    }

    /// The 0-based numbers of the matching lines of `bytes`, with the offsets where each line starts.
    func matchingLines(in bytes: UnsafeRawBufferPointer, lineStarts: inout [Int]) -> [Int] {
        let count = bytes.count
        var lines: [Int] = []
        var candidates: [(start: Int, end: Int)] = []
        if !literals.isEmpty {
            for literal in literals {
                var lastEnd = -1
                for offset in ByteSearch.offsets(of: literal, in: bytes) where offset > lastEnd {
                    let start = lineStart(before: offset, in: bytes)
                    let end = lineEnd(after: offset, in: bytes)
                    candidates.append((start, end))
                    lastEnd = end
                }
            }
            if candidates.isEmpty { return [] }
            if literals.count > 1 {
                var seen = Set<Int>()
                candidates = candidates.sorted { $0.start < $1.start }.filter { seen.insert($0.start).inserted }
            }
        } else {
            var start = 0
            while start < count {
                let end = lineEnd(after: start, in: bytes)
                candidates.append((start, end))
                start = end + 1
            }
        }
        lineStarts = GrepMatcher.lineStarts(of: bytes)
        for candidate in candidates {
            if let regex {
                let line = String(
                    decoding: UnsafeRawBufferPointer(rebasing: bytes[candidate.start..<candidate.end]), as: UTF8.self)
                guard (try? regex.firstMatch(in: line)) != nil else { continue }
            }
            lines.append(GrepMatcher.lineIndex(of: candidate.start, in: lineStarts))
        }
        return lines
    }

    private func lineStart(before offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return start
    }

    private func lineEnd(after offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress, offset < bytes.count,
            let found = memchrNewline(base + offset, bytes.count - offset)
        else { return bytes.count }
        return base.distance(to: found)
    }

    static func lineStarts(of bytes: UnsafeRawBufferPointer) -> [Int] {
        var starts = [0]
        var index = 0
        while let base = bytes.baseAddress, index < bytes.count,
            let found = memchrNewline(base + index, bytes.count - index)
        {
            index = base.distance(to: found) + 1
            if index < bytes.count { starts.append(index) }
        }
        return starts
    }

    static func lineIndex(of offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The longest run of plain characters that every match must contain, or `nil` when the
    /// pattern has alternation, groups with options, or no such run of two or more characters.
    package static func requiredLiteral(of pattern: String) -> String? {
        let characters = Array(pattern)
        var runs: [String] = []
        var current = ""
        var index = 0
        var depth = 0
        func flush() {
            if current.count >= 2 { runs.append(current) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let optional = next == "?" || next == "*" || next == "{"
            switch character {
            case "|": if depth == 0 { return nil }
            case "(":
                if next == "?" { return nil }
                depth += 1
                flush()
            case ")":
                depth -= 1
                flush()
            case "[":
                flush()
                var close = index + 1
                if close < characters.count, characters[close] == "^" { close += 1 }
                if close < characters.count, characters[close] == "]" { close += 1 }
                while close < characters.count, characters[close] != "]" {
                    if characters[close] == "\\" { close += 1 }
                    close += 1
                }
                index = close
            case "\\":
                guard let escaped = next else { return nil }
                index += 1
                let quantified = index + 1 < characters.count && "?*{".contains(characters[index + 1])
                if depth == 0, !escaped.isLetter, !escaped.isNumber, !quantified {
                    current.append(escaped)
                } else {
                    flush()
                }
            case "{":
                flush()
                while index < characters.count, characters[index] != "}" { index += 1 }
            case ".", "^", "$", "+", "*", "?", "}":
                flush()
            default:
                if depth > 0 || optional {
                    flush()
                } else {
                    current.append(character)
                    if next == "+" { flush() }
                }
            }
            index += 1
        }
        flush()
        return runs.max { $0.utf8.count < $1.utf8.count }
    }
}

private func memchrNewline(_ pointer: UnsafeRawPointer, _ count: Int) -> UnsafeRawPointer? {
    memchr(pointer, Int32(UInt8(ascii: "\n")), count).map { UnsafeRawPointer($0) }
}
