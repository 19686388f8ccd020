import SparkLSP
import SparkTestSupport
import Testing

/// Thousands of random edits and queries, each checked against ``ReferenceText``.
@Suite struct DocumentBufferDifferentialTests {
    static let pieces = [
        "a", "bc", "xyz", " ", "\t", "\n", "\n", "\r", "\r\n", "\r\n", "é", "e\u{301}", "中文", "😀", "👍🏽",
        "\u{10FFFF}", "ß",
    ]

    static func randomText(_ rng: inout SplitMix64, maxPieces: Int) -> String {
        let count = Int.random(in: 0...maxPieces, using: &rng)
        return (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func randomPoint(_ rng: inout SplitMix64, in reference: ReferenceText, lineCount: Int) -> TextPoint {
        let line = Int.random(in: -1...(lineCount + 1), using: &rng)
        let roll = Int.random(in: 0..<20, using: &rng)
        let character: Int
        switch roll {
        case 0: character = -1
        case 1: character = Int.random(in: 0...1_000_000, using: &rng)
        case 2: character = Int.max
        default:
            let length = reference.line(line).utf8.count
            character = Int.random(in: 0...(length + 2), using: &rng)
        }
        return TextPoint(line: line, character: character)
    }

    @Test(arguments: [PositionEncoding.utf8, .utf16, .utf32], [4, 16, 64, 2048])
    func randomEditsMatchTheReference(encoding: PositionEncoding, chunkSize: Int) {
        var rng = SplitMix64(seed: 0x5EED_0000 &+ UInt64(chunkSize) &* 31 &+ UInt64(encoding.rawValue.count))
        let initial = Self.randomText(&rng, maxPieces: 400)
        var buffer = DocumentBuffer(initial, chunkSize: chunkSize)
        var reference = ReferenceText(initial)
        for step in 0..<1500 {
            let lineCount = reference.lineStarts.count
            let start = Self.randomPoint(&rng, in: reference, lineCount: lineCount)
            let end =
                Bool.random(using: &rng) ? start : Self.randomPoint(&rng, in: reference, lineCount: lineCount)
            let tooLong = reference.scalars.count > 3000
            let newText = Self.randomText(&rng, maxPieces: tooLong ? 1 : (step % 50 == 0 ? 300 : 6))
            buffer.replace(from: start, to: end, with: newText, encoding: encoding)
            reference.replace(from: start, to: end, with: newText, encoding: encoding)

            let context = "step \(step): \(start) to \(end) with \(newText.debugDescription)"
            guard Array(buffer.text.utf8) == reference.bytes else {
                Issue.record("text differs after \(context)")
                return
            }
            guard buffer.invariantViolations().isEmpty else {
                Issue.record("invariants broken after \(context): \(buffer.invariantViolations())")
                return
            }
            #expect(buffer.lineCount == reference.lineStarts.count, "\(context)")
            #expect(buffer.utf8Count == reference.bytes.count, "\(context)")
            checkQueries(buffer, reference, encoding: encoding, rng: &rng, context: context)
        }
    }

    func checkQueries(
        _ buffer: DocumentBuffer, _ reference: ReferenceText, encoding: PositionEncoding,
        rng: inout SplitMix64, context: String
    ) {
        let lineCount = buffer.lineCount
        for _ in 0..<3 {
            let point = Self.randomPoint(&rng, in: reference, lineCount: lineCount)
            #expect(
                buffer.utf8Offset(of: point, encoding: encoding) == reference.utf8Offset(of: point, encoding: encoding),
                "utf8Offset(of: \(point)) after \(context)")
            let offset = Int.random(in: -1...(buffer.utf8Count + 1), using: &rng)
            #expect(
                buffer.point(atUTF8Offset: offset, encoding: encoding)
                    == reference.point(atUTF8Offset: offset, encoding: encoding),
                "point(atUTF8Offset: \(offset)) after \(context)")
            let line = Int.random(in: -1...lineCount, using: &rng)
            #expect(buffer.line(line).utf8.elementsEqual(reference.line(line).utf8), "line(\(line)) after \(context)")
        }
        let start = Self.randomPoint(&rng, in: reference, lineCount: lineCount)
        let end = Self.randomPoint(&rng, in: reference, lineCount: lineCount)
        #expect(
            buffer.text(from: start, to: end, encoding: encoding).utf8.elementsEqual(
                reference.text(from: start, to: end, encoding: encoding).utf8),
            "text(from: \(start), to: \(end)) after \(context)")
    }

    @Test(arguments: [PositionEncoding.utf8, .utf16, .utf32])
    func minimalEditsReproduceTheTarget(encoding: PositionEncoding) {
        var rng = SplitMix64(seed: 0xD1FF &+ UInt64(encoding.rawValue.count))
        for step in 0..<1000 {
            let old = Self.randomText(&rng, maxPieces: 40)
            var target = ReferenceText(old)
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let lineCount = target.lineStarts.count
                target.replace(
                    from: Self.randomPoint(&rng, in: target, lineCount: lineCount),
                    to: Self.randomPoint(&rng, in: target, lineCount: lineCount),
                    with: Self.randomText(&rng, maxPieces: 4), encoding: encoding)
            }
            let targetText = target.text
            var buffer = DocumentBuffer(old, chunkSize: 8)
            let edit = buffer.minimalEdit(to: targetText, encoding: encoding)
            var applied = ReferenceText(old)
            applied.replace(from: edit.start, to: edit.end, with: edit.newText, encoding: encoding)
            buffer.replace(from: edit.start, to: edit.end, with: edit.newText, encoding: encoding)
            let context = "step \(step): \(old.debugDescription) to \(targetText.debugDescription), edit \(edit)"
            #expect(applied.bytes == Array(targetText.utf8), "reference apply, \(context)")
            #expect(Array(buffer.text.utf8) == Array(targetText.utf8), "buffer apply, \(context)")
            #expect(edit.start <= edit.end, "\(context)")
            #expect(edit.newText.utf8.count <= targetText.utf8.count, "\(context)")
        }
    }
}
