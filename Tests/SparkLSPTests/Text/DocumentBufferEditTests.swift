import SparkLSP
import Testing

/// Incremental edits: line breaks, ends of the document, reversed ranges, big documents.
@Suite struct DocumentBufferEditTests {
    func point(_ line: Int, _ character: Int) -> TextPoint {
        TextPoint(line: line, character: character)
    }

    @Test func insertingAndRemovingLineBreaks() {
        var buffer = DocumentBuffer("hello world")
        buffer.replace(from: point(0, 5), to: point(0, 6), with: "\n", encoding: .utf16)
        #expect(buffer.text == "hello\nworld")
        #expect(buffer.lineCount == 2)
        #expect(buffer.line(1) == "world")
        buffer.replace(from: point(0, 5), to: point(1, 0), with: " ", encoding: .utf16)
        #expect(buffer.text == "hello world")
        #expect(buffer.lineCount == 1)
        buffer.replace(from: point(0, 0), to: point(0, 0), with: "a\r\nb\r", encoding: .utf16)
        #expect(buffer.lineCount == 3)
        #expect(buffer.line(2) == "hello world")
    }

    @Test func aLineFeedAfterALoneCRJoinsIntoOneTerminator() {
        var buffer = DocumentBuffer("a\rb", chunkSize: 4)
        buffer.replace(from: point(1, 0), to: point(1, 0), with: "\n", encoding: .utf16)
        #expect(buffer.text == "a\r\nb")
        #expect(buffer.lineCount == 2)
        #expect(buffer.line(1) == "b")
        // Deleting the line break removes \r\n whole.
        buffer.replace(from: point(0, 1), to: point(1, 0), with: "", encoding: .utf16)
        #expect(buffer.text == "ab")
        #expect(buffer.invariantViolations().isEmpty)
    }

    @Test func editsAtTheEndOfTheDocument() {
        var buffer = DocumentBuffer("abc\n")
        buffer.replace(from: point(1, 0), to: point(1, 0), with: "def", encoding: .utf16)
        #expect(buffer.text == "abc\ndef")
        buffer.replace(from: point(99, 0), to: point(99, 0), with: "!", encoding: .utf16)
        #expect(buffer.text == "abc\ndef!")
        buffer.replace(from: point(1, 2), to: point(5, 0), with: "", encoding: .utf8)
        #expect(buffer.text == "abc\nde")
    }

    @Test func editsOnAnEmptyDocument() {
        var buffer = DocumentBuffer("")
        buffer.replace(from: point(0, 0), to: point(0, 0), with: "x😀\n", encoding: .utf16)
        #expect(buffer.text == "x😀\n")
        #expect(buffer.lineCount == 2)
        buffer.replace(from: point(0, 0), to: point(1, 0), with: "", encoding: .utf16)
        #expect(buffer.text == "")
        #expect(buffer.lineCount == 1)
        #expect(buffer.invariantViolations().isEmpty)
    }

    @Test func aStartAfterTheEndIsSwapped() {
        var buffer = DocumentBuffer("abcdef")
        buffer.replace(from: point(0, 4), to: point(0, 1), with: "-", encoding: .utf16)
        #expect(buffer.text == "a-ef")
        // Clamping happens before the comparison: (0, 99) clamps to the end of the line.
        buffer.replace(from: point(0, 99), to: point(0, 2), with: "", encoding: .utf16)
        #expect(buffer.text == "a-")
    }

    @Test func editsInsideSurrogatePairsUseTheScalarStart() {
        var buffer = DocumentBuffer("a😀b")
        buffer.replace(from: point(0, 2), to: point(0, 2), with: "x", encoding: .utf16)
        #expect(buffer.text == "ax😀b")
    }

    @Test func bigDocumentEditsSpanningManyChunks() {
        let lines = (0..<5000).map { "line \($0) with some text 中文 😀" }
        var expected = lines
        var buffer = DocumentBuffer(lines.joined(separator: "\n"))
        #expect(buffer.lineCount == 5000)
        buffer.replace(from: point(10, 3), to: point(3000, 5), with: "X\nY", encoding: .utf16)
        let head = expected[10].prefix(3)
        let tail = expected[3000].dropFirst(5)
        expected.replaceSubrange(10...3000, with: [head + "X", "Y" + tail])
        #expect(buffer.text == expected.joined(separator: "\n"))
        #expect(buffer.lineCount == expected.count)
        #expect(buffer.line(11) == expected[11])
        #expect(buffer.line(1500) == expected[1500])
        #expect(buffer.invariantViolations().isEmpty)

        // Replace everything, as a full-sync didChange would through a range.
        let replacement = String(repeating: "z\r\n", count: 20_000)
        buffer.replace(from: point(0, 0), to: point(Int.max, 0), with: replacement, encoding: .utf16)
        #expect(buffer.text == replacement)
        #expect(buffer.lineCount == 20_001)
        #expect(buffer.invariantViolations().isEmpty)
    }
}
