/// Text read from an image: lines in reading order, each with the mean confidence of its words.
struct RecognizedText: Hashable, Sendable {
    struct Line: Hashable, Sendable {
        var text: String
        /// 0 to 100.
        var confidence: Double
    }

    var lines: [Line]

    /// Parses Tesseract's TSV output (`level page block par line word left top width height conf text`):
    /// words (level 5) grouped by page, block, paragraph and line, in the order Tesseract reads them.
    static func parsingTesseractTSV(_ tsv: String) -> RecognizedText {
        var lines: [Line] = []
        var currentKey: [Substring] = []
        var words: [(text: Substring, confidence: Double)] = []
        func flush() {
            let text = words.map(\.text).joined(separator: " ")
            if !text.isEmpty {
                let confidence = words.map(\.confidence).reduce(0, +) / Double(words.count)
                lines.append(Line(text: text, confidence: confidence))
            }
            words = []
        }
        for row in tsv.split(whereSeparator: \.isNewline).dropFirst() {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 12, columns[0] == "5", let confidence = Double(columns[10]) else { continue }
            let word = columns[11...].joined(separator: "\t").trimmingWhitespace
            guard !word.isEmpty, confidence >= 0 else { continue }
            let key = Array(columns[1...4])
            if key != currentKey {
                flush()
                currentKey = key
            }
            words.append((Substring(word), confidence))
        }
        flush()
        return RecognizedText(lines: lines)
    }
}
