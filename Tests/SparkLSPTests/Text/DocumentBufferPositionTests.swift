import SparkLSP
import Testing

/// Position conversion: encodings, line terminators, clamping.
@Suite struct DocumentBufferPositionTests {
    func offset(_ buffer: DocumentBuffer, _ line: Int, _ character: Int, _ encoding: PositionEncoding) -> Int {
        buffer.utf8Offset(of: TextPoint(line: line, character: character), encoding: encoding)
    }

    @Test func emojiCountsTwoUTF16UnitsAndFourBytes() {
        let buffer = DocumentBuffer("a😀b")
        #expect(offset(buffer, 0, 1, .utf16) == 1)
        #expect(offset(buffer, 0, 3, .utf16) == 5)
        #expect(offset(buffer, 0, 5, .utf8) == 5)
        #expect(offset(buffer, 0, 2, .utf32) == 5)
        #expect(buffer.point(atUTF8Offset: 5, encoding: .utf16) == TextPoint(line: 0, character: 3))
        #expect(buffer.point(atUTF8Offset: 5, encoding: .utf32) == TextPoint(line: 0, character: 2))
        #expect(buffer.point(atUTF8Offset: 6, encoding: .utf8) == TextPoint(line: 0, character: 6))
        #expect(
            buffer.text(from: TextPoint(line: 0, character: 1), to: TextPoint(line: 0, character: 3), encoding: .utf16)
                == "😀")
    }

    @Test func positionsInsideAScalarRoundDown() {
        let buffer = DocumentBuffer("a😀b中")
        // Between the two UTF-16 units of the surrogate pair.
        #expect(offset(buffer, 0, 2, .utf16) == 1)
        // Inside the four UTF-8 bytes of the emoji, and inside the three of 中.
        #expect(offset(buffer, 0, 3, .utf8) == 1)
        #expect(offset(buffer, 0, 7, .utf8) == 6)
        #expect(buffer.point(atUTF8Offset: 3, encoding: .utf16) == TextPoint(line: 0, character: 1))
        #expect(buffer.point(atUTF8Offset: 8, encoding: .utf16) == TextPoint(line: 0, character: 4))
    }

    @Test func cjkCountsOneUTF16UnitAndThreeBytes() {
        let buffer = DocumentBuffer("中文x\n日本")
        #expect(offset(buffer, 0, 2, .utf16) == 6)
        #expect(offset(buffer, 0, 6, .utf8) == 6)
        #expect(offset(buffer, 1, 1, .utf16) == 11)
        #expect(buffer.point(atUTF8Offset: 14, encoding: .utf16) == TextPoint(line: 1, character: 2))
        #expect(buffer.point(atUTF8Offset: 13, encoding: .utf16) == TextPoint(line: 1, character: 1))
        #expect(buffer.point(atUTF8Offset: 14, encoding: .utf8) == TextPoint(line: 1, character: 6))
    }

    @Test func combiningMarksCountAsTheirOwnUnits() {
        // "e" + COMBINING ACUTE ACCENT: one grapheme, two scalars, two UTF-16 units, three bytes.
        let buffer = DocumentBuffer("e\u{301}x")
        #expect(offset(buffer, 0, 1, .utf16) == 1)
        #expect(offset(buffer, 0, 2, .utf16) == 3)
        #expect(offset(buffer, 0, 2, .utf32) == 3)
        #expect(buffer.point(atUTF8Offset: 3, encoding: .utf16) == TextPoint(line: 0, character: 2))
        #expect(
            buffer.text(from: TextPoint(line: 0, character: 0), to: TextPoint(line: 0, character: 1), encoding: .utf16)
                .utf8.count == 1)
    }

    @Test func crlfAndLoneCREndLines() {
        let buffer = DocumentBuffer("a\r\nb\rc\nd")
        #expect(buffer.lineCount == 4)
        #expect((0..<4).map { String(buffer.line($0)) } == ["a", "b", "c", "d"])
        #expect(offset(buffer, 1, 0, .utf16) == 3)
        #expect(offset(buffer, 2, 0, .utf16) == 5)
        #expect(offset(buffer, 3, 0, .utf16) == 7)
        // A character past the end of the line stops before the terminator, never between \r and \n.
        #expect(offset(buffer, 0, 5, .utf16) == 1)
        #expect(buffer.point(atUTF8Offset: 2, encoding: .utf16) == TextPoint(line: 0, character: 1))
        #expect(buffer.point(atUTF8Offset: 4, encoding: .utf16) == TextPoint(line: 1, character: 1))
        #expect(buffer.point(atUTF8Offset: 5, encoding: .utf16) == TextPoint(line: 2, character: 0))
    }

    @Test func aTrailingTerminatorStartsAnEmptyLine() {
        for text in ["a\r", "a\n", "a\r\n"] {
            let buffer = DocumentBuffer(text)
            #expect(buffer.lineCount == 2)
            #expect(buffer.line(1) == "")
            #expect(offset(buffer, 1, 0, .utf16) == text.utf8.count)
            #expect(buffer.point(atUTF8Offset: text.utf8.count, encoding: .utf16) == TextPoint(line: 1, character: 0))
        }
    }

    @Test func outOfRangePositionsClamp() {
        let buffer = DocumentBuffer("ab\ncd")
        #expect(offset(buffer, 0, 99, .utf16) == 2)
        #expect(offset(buffer, 2, 0, .utf16) == 5)
        #expect(offset(buffer, 99, 99, .utf16) == 5)
        #expect(offset(buffer, -1, -1, .utf16) == 0)
        #expect(offset(buffer, 1, Int.max, .utf16) == 5)
        #expect(buffer.point(atUTF8Offset: 99, encoding: .utf16) == TextPoint(line: 1, character: 2))
        #expect(buffer.point(atUTF8Offset: -3, encoding: .utf16) == TextPoint(line: 0, character: 0))
        #expect(buffer.line(2) == "")
        #expect(buffer.line(-1) == "")
    }

    @Test func emptyDocumentHasOneEmptyLine() {
        let buffer = DocumentBuffer("")
        #expect(buffer.text == "")
        #expect(buffer.utf8Count == 0)
        #expect(buffer.lineCount == 1)
        #expect(buffer.line(0) == "")
        #expect(offset(buffer, 3, 3, .utf16) == 0)
        #expect(buffer.point(atUTF8Offset: 3, encoding: .utf8) == TextPoint(line: 0, character: 0))
        #expect(
            buffer.text(from: TextPoint(line: 0, character: 0), to: TextPoint(line: 9, character: 0), encoding: .utf8)
                == "")
    }

    @Test func longLinesSpanningManyChunksCountAcrossThem() {
        let line = String(repeating: "ab😀中", count: 200)  // 1 800 bytes, 1 000 UTF-16 units, 800 scalars
        let buffer = DocumentBuffer("x\n" + line + "\ny", chunkSize: 16)
        #expect(buffer.invariantViolations().isEmpty)
        #expect(buffer.lineCount == 3)
        #expect(buffer.line(1).utf8.elementsEqual(line.utf8))
        #expect(offset(buffer, 1, 1000, .utf16) == 2 + 1800)
        #expect(offset(buffer, 1, 999, .utf16) == 2 + 1800 - 3)
        #expect(offset(buffer, 1, 5000, .utf16) == 2 + 1800)
        #expect(buffer.point(atUTF8Offset: 2 + 1800, encoding: .utf16) == TextPoint(line: 1, character: 1000))
        #expect(buffer.point(atUTF8Offset: 2 + 900, encoding: .utf32) == TextPoint(line: 1, character: 400))
        #expect(buffer.point(atUTF8Offset: 2 + 1801, encoding: .utf8) == TextPoint(line: 2, character: 0))
    }
}
