// TEMPORARY stand-in for the lsp-text branch's `Sources/SparkLSP/Text/` (same API, naive and
// String-based). The integrator deletes this folder when merging that branch.

/// The unit an LSP `Position.character` counts in.
public enum PositionEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A zero-based line and character, the character counted in some `PositionEncoding`.
public struct TextPoint: Hashable, Sendable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// The text of an open document (stand-in: a plain byte array, edits cost O(document)).
public struct DocumentBuffer: Sendable {
    private var bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var utf8Count: Int { bytes.count }

    private var lineStarts: [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    public var lineCount: Int { lineStarts.count }

    private func lineRange(_ index: Int, starts: [Int]) -> Range<Int> {
        let start = starts[index]
        var end = index + 1 < starts.count ? starts[index + 1] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    public func line(_ index: Int) -> Substring {
        let starts = lineStarts
        guard index >= 0, index < starts.count else { return "" }
        return Substring(String(decoding: bytes[lineRange(index, starts: starts)], as: UTF8.self))
    }

    public mutating func replace(
        from start: TextPoint, to end: TextPoint, with newText: String, encoding: PositionEncoding
    ) {
        let lower = utf8Offset(of: start, encoding: encoding)
        let upper = max(lower, utf8Offset(of: end, encoding: encoding))
        bytes.replaceSubrange(lower..<upper, with: Array(newText.utf8))
    }

    public func utf8Offset(of point: TextPoint, encoding: PositionEncoding) -> Int {
        let starts = lineStarts
        guard point.line >= 0 else { return 0 }
        guard point.line < starts.count else { return bytes.count }
        let range = lineRange(point.line, starts: starts)
        let lineText = String(decoding: bytes[range], as: UTF8.self)
        var remaining = max(0, point.character)
        var offset = range.lowerBound
        for scalar in lineText.unicodeScalars {
            let width: Int
            switch encoding {
            case .utf8: width = UTF8.width(scalar)
            case .utf16: width = UTF16.width(scalar)
            case .utf32: width = 1
            }
            if remaining < width { break }
            remaining -= width
            offset += UTF8.width(scalar)
        }
        return offset
    }

    public func point(atUTF8Offset offset: Int, encoding: PositionEncoding) -> TextPoint {
        let clamped = min(max(0, offset), bytes.count)
        let starts = lineStarts
        var line = 0
        while line + 1 < starts.count, starts[line + 1] <= clamped { line += 1 }
        let range = lineRange(line, starts: starts)
        let prefix = String(decoding: bytes[range.lowerBound..<min(clamped, range.upperBound)], as: UTF8.self)
        let character: Int
        switch encoding {
        case .utf8: character = prefix.utf8.count
        case .utf16: character = prefix.utf16.count
        case .utf32: character = prefix.unicodeScalars.count
        }
        return TextPoint(line: line, character: character)
    }

    public func text(from start: TextPoint, to end: TextPoint, encoding: PositionEncoding) -> String {
        let lower = utf8Offset(of: start, encoding: encoding)
        let upper = max(lower, utf8Offset(of: end, encoding: encoding))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
