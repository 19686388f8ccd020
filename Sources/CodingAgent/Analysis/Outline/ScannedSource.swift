import AgentCore

/// Code split into lines twice over: as written, and scrubbed of comments and strings, with the
/// byte offset of every line and the brace depth at its start.
struct ScannedSource {
    let language: SourceLanguage
    let original: [UInt8]
    let scrubbed: [UInt8]
    /// Byte offset where each line starts.
    let lineStarts: [Int]
    /// Brace depth at the start of each line (scrubbed text).
    let depthAtLineStart: [Int]
    private let originalLines: [String]
    private let scrubbedLines: [String]

    init(_ source: String, language: SourceLanguage) {
        self.language = language
        original = Array(source.utf8)
        scrubbed = SourceScrubber.scrub(source, language: language)
        var starts = [0]
        var depths = [0]
        var depth = 0
        for (offset, byte) in scrubbed.enumerated() {
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: "\n") {
                starts.append(offset + 1)
                depths.append(depth)
            }
        }
        lineStarts = starts
        depthAtLineStart = depths
        var originals: [String] = []
        var scrubbedCopies: [String] = []
        originals.reserveCapacity(starts.count)
        scrubbedCopies.reserveCapacity(starts.count)
        for index in starts.indices {
            let start = starts[index]
            var end = index + 1 < starts.count ? starts[index + 1] - 1 : original.count
            if end > start, original[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let range = start..<max(start, end)
            originals.append(String(decoding: original[range], as: UTF8.self))
            scrubbedCopies.append(String(decoding: scrubbed[range], as: UTF8.self))
        }
        originalLines = originals
        scrubbedLines = scrubbedCopies
    }

    var lineCount: Int { lineStarts.count }

    /// The byte range of a 0-based line, without its line break.
    func range(ofLine index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : original.count
        if end > start, original[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    func scrubbedLine(_ index: Int) -> String {
        scrubbedLines[index]
    }

    func originalLine(_ index: Int) -> String {
        originalLines[index]
    }

    func originalText(_ range: Range<Int>) -> String {
        String(decoding: original[range], as: UTF8.self)
    }

    func scrubbedText(_ range: Range<Int>) -> String {
        String(decoding: scrubbed[range], as: UTF8.self)
    }

    /// The 0-based line holding a byte offset.
    func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The offset of the bracket closing the one at `open` (`(`, `{`, `[`), or `nil`.
    func matchingClose(from open: Int) -> Int? {
        guard open >= 0, open < scrubbed.count else { return nil }
        let opener = scrubbed[open]
        let closer: UInt8
        switch opener {
        case UInt8(ascii: "("): closer = UInt8(ascii: ")")
        case UInt8(ascii: "["): closer = UInt8(ascii: "]")
        default: closer = UInt8(ascii: "}")
        }
        var depth = 0
        var index = open
        while index < scrubbed.count {
            if scrubbed[index] == opener {
                depth += 1
            } else if scrubbed[index] == closer {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// Where a body starts after a declaration: the first `{` before any `;` (or `nil`).
    func bodyOpen(after offset: Int, stopAtLineEnd: Bool = false, maxLines: Int = 4) -> Int? {
        var index = offset
        var lines = 0
        while index < scrubbed.count {
            let byte = scrubbed[index]
            if byte == UInt8(ascii: "{") { return index }
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "}") { return nil }
            if byte == UInt8(ascii: "\n") {
                lines += 1
                if stopAtLineEnd || lines > maxLines { return nil }
            }
            index += 1
        }
        return nil
    }

    /// Splits a parameter list on commas outside brackets; returns byte ranges.
    func splitTopLevel(_ range: Range<Int>) -> [Range<Int>] {
        guard range.upperBound <= scrubbed.count else { return [] }
        var parts: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        for index in range {
            switch scrubbed[index] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ">"):
                if index > range.lowerBound,
                    scrubbed[index - 1] == UInt8(ascii: "-") || scrubbed[index - 1] == UInt8(ascii: "=")
                {
                    break
                }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 {
                    parts.append(start..<index)
                    start = index + 1
                }
            default: break
            }
        }
        parts.append(start..<range.upperBound)
        return parts.filter { !originalText($0).trimmingWhitespace.isEmpty }
    }
}
