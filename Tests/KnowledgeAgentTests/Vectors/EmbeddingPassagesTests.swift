import KnowledgeAgent
import Testing

@Suite struct EmbeddingPassagesTests {
    let passages = EmbeddingPassages(maximumCharacters: 120)

    @Test func aChunkThatFitsInOnePassageHasNone() {
        #expect(passages.passages(title: "a.md › A", text: String(repeating: "word ", count: 24)).isEmpty)
    }

    @Test func paragraphsArePackedWholeUnderTheTitle() {
        let paragraphs = (1...6).map { "Paragraph \($0) says something about the topic at hand." }
        let result = passages.passages(title: "guide.md › Setup", text: paragraphs.joined(separator: "\n\n"))
        #expect(result.count == 3)
        for passage in result {
            #expect(passage.hasPrefix("guide.md › Setup\n"))
            #expect(passage.dropFirst("guide.md › Setup\n".count).utf8.count <= 120)
        }
        // Two paragraphs to a passage, none cut, none lost.
        #expect(result[0] == "guide.md › Setup\n" + paragraphs[0] + "\n\n" + paragraphs[1])
        #expect(result.joined().components(separatedBy: "Paragraph").count - 1 == 6)
    }

    @Test func aLongParagraphIsCutByLinesAndALongLineAtASentenceEnd() {
        let lines = (1...8).map { "let value\($0) = compute(\($0))" }
        let code = lines.joined(separator: "\n")
        let sentence = "The first sentence is here and it runs on for quite a while to fill the line."
        let prose = Array(repeating: sentence, count: 3).joined(separator: " ")
        let pieces = passages.pieces(of: code + "\n\n" + prose)
        #expect(pieces.allSatisfy { $0.utf8.count <= 120 })
        // The code's lines stay whole, in order, and all of them are there.
        let codeLines = pieces.filter { $0.hasPrefix("let ") }.flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(codeLines == lines)
        // Prose is cut just after a sentence's full stop.
        let prosePieces = pieces.filter { $0.hasPrefix("The ") }
        #expect(prosePieces.count == 3)
        #expect(prosePieces.allSatisfy { $0.hasSuffix("line.") })
    }

    @Test func aLineWithoutSpacesIsCutAtWholeCharacters() {
        let line = String(repeating: "é", count: 150)  // 300 bytes, no space to cut at
        let pieces = passages.pieces(of: line)
        #expect(pieces.allSatisfy { $0.utf8.count <= 120 })
        #expect(pieces.joined() == line)
    }
}
