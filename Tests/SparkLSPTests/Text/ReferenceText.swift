import SparkLSP

/// A deliberately naive model of LSP text positions over an array of scalars, written straight
/// from the spec's words, to check ``DocumentBuffer`` against in differential tests.
struct ReferenceText {
    var scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    var bytes: [UInt8] { Array(text.utf8) }

    /// Scalar indices where each line starts.
    var lineStarts: [Int] {
        var starts = [0]
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r" {
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                starts.append(index + 1)
            } else if scalars[index] == "\n" {
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    static func width(_ scalar: Unicode.Scalar, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return UTF8.width(scalar)
        case .utf16: return UTF16.width(scalar)
        case .utf32: return 1
        }
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\n"
    }

    func scalarIndex(of point: TextPoint, encoding: PositionEncoding) -> Int {
        let starts = lineStarts
        let line = max(0, point.line)
        if line >= starts.count { return scalars.count }
        var index = starts[line]
        var remaining = max(0, point.character)
        while index < scalars.count, !Self.isTerminator(scalars[index]) {
            let width = Self.width(scalars[index], encoding)
            if width > remaining { break }
            remaining -= width
            index += 1
        }
        return index
    }

    func utf8Offset(ofScalarIndex index: Int) -> Int {
        scalars[..<index].reduce(0) { $0 + UTF8.width($1) }
    }

    func utf8Offset(of point: TextPoint, encoding: PositionEncoding) -> Int {
        utf8Offset(ofScalarIndex: scalarIndex(of: point, encoding: encoding))
    }

    func point(atUTF8Offset offset: Int, encoding: PositionEncoding) -> TextPoint {
        var index = 0
        var bytes = 0
        while index < scalars.count, bytes + UTF8.width(scalars[index]) <= offset {
            bytes += UTF8.width(scalars[index])
            index += 1
        }
        if index > 0, index < scalars.count, scalars[index] == "\n", scalars[index - 1] == "\r" { index -= 1 }
        let starts = lineStarts
        let line = starts.lastIndex { $0 <= index }!
        let character = scalars[starts[line]..<index].reduce(0) { $0 + Self.width($1, encoding) }
        return TextPoint(line: line, character: character)
    }

    func line(_ line: Int) -> String {
        let starts = lineStarts
        guard line >= 0, line < starts.count else { return "" }
        var end = starts[line]
        while end < scalars.count, !Self.isTerminator(scalars[end]) { end += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[starts[line]..<end])
        return String(view)
    }

    func text(from start: TextPoint, to end: TextPoint, encoding: PositionEncoding) -> String {
        let lower = scalarIndex(of: start, encoding: encoding)
        let upper = scalarIndex(of: end, encoding: encoding)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(lower, upper)..<max(lower, upper)])
        return String(view)
    }

    mutating func replace(from start: TextPoint, to end: TextPoint, with newText: String, encoding: PositionEncoding) {
        let lower = scalarIndex(of: start, encoding: encoding)
        let upper = scalarIndex(of: end, encoding: encoding)
        scalars.replaceSubrange(min(lower, upper)..<max(lower, upper), with: newText.unicodeScalars)
    }
}
