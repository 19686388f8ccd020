import SparkLSP
import Testing

/// The smallest edit between two texts.
@Suite struct DocumentBufferMinimalEditTests {
    func point(_ line: Int, _ character: Int) -> TextPoint {
        TextPoint(line: line, character: character)
    }

    @Test func keepsTheCommonPrefixAndSuffix() {
        let edit = DocumentBuffer("let a = 1\nlet b = 2\n").minimalEdit(
            to: "let a = 1\nlet bee = 2\n", encoding: .utf16)
        #expect(edit.start == point(1, 5))
        #expect(edit.end == point(1, 5))
        #expect(edit.newText == "ee")
    }

    @Test func equalTextsGiveAnEmptyEdit() {
        let edit = DocumentBuffer("same\n").minimalEdit(to: "same\n", encoding: .utf8)
        #expect(edit.start == edit.end)
        #expect(edit.newText == "")
    }

    @Test func neverSplitsAScalar() {
        // 😀 and 😁 share their first three UTF-8 bytes and their high surrogate.
        let edit = DocumentBuffer("a😀b").minimalEdit(to: "a😁b", encoding: .utf16)
        #expect(edit.start == point(0, 1))
        #expect(edit.end == point(0, 3))
        #expect(edit.newText == "😁")
    }

    @Test func neverSplitsACRLF() {
        let edit = DocumentBuffer("a\r\nb").minimalEdit(to: "a\rb", encoding: .utf16)
        #expect(edit.start == point(0, 1))
        #expect(edit.end == point(1, 0))
        #expect(edit.newText == "\r")
    }
}
