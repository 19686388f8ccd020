import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

/// Code actions at a cursor with no selection and no diagnostic: refactor, explain, generate tests and review
/// apply to the function, method or class around it, found with the coding agent's outline parsers.
@Suite struct CursorCodeActionTests {
    static let python = """
        import struct


        def parse_header(data):
            magic, size = struct.unpack("<4sI", data[:8])
            return magic, size


        class Reader:
            chunk = 4096

            def read_all(self, stream):
                return stream.read()
        """
    static let swift = """
        struct Parser {
            func parse(_ text: String) -> [String] {
                text.split(separator: "\\n").map(String.init)
            }
        }
        """

    private func actions(
        _ fixture: EditorFixture, _ name: String, line: Int, character: Int = 4,
        diagnostics: [Diagnostic] = [], trigger: CodeActionTriggerKind? = nil
    ) async throws -> [CodeAction] {
        let caret = Position(line: line, character: character)
        return try await fixture.client.send(
            CodeActionRequest(
                textDocument: TextDocumentIdentifier(uri: FileURI.uri(fromPath: fixture.path(name))),
                range: LSPRange(start: caret, end: caret),
                context: CodeActionContext(diagnostics: diagnostics, triggerKind: trigger))) ?? []
    }

    @Test func aCursorInAFunctionOffersTheFourActionsNamingIt() async throws {
        let fixture = try await EditorFixture()
        fixture.open("header.py", Self.python)
        let offered = try await actions(fixture, "header.py", line: 4)
        #expect(
            offered.map(\.title) == [
                "Spark: refactor `parse_header`", "Spark: explain `parse_header`",
                "Spark: generate tests for `parse_header`", "Spark: review `parse_header`",
            ])
        let argument = try #require(offered[1].command?.arguments?.first).decode(as: CodeActionArguments.self)
        #expect(argument.action == .explain && argument.symbol == "parse_header" && argument.symbolKind == "function")
        // The whole function: from its `def` line to the end of its last line.
        #expect(
            argument.range == LSPRange(start: Position(line: 3, character: 0), end: Position(line: 5, character: 22)))
        #expect(fixture.model.requests.isEmpty)
    }

    @Test func theInnermostDeclarationWinsAndAClassBodyNamesTheClass() async throws {
        let fixture = try await EditorFixture()
        fixture.open("header.py", Self.python)
        #expect(try await actions(fixture, "header.py", line: 12).first?.title == "Spark: refactor `Reader.read_all`")
        #expect(try await actions(fixture, "header.py", line: 9).first?.title == "Spark: refactor `Reader`")
        // Between declarations, no code action; a diagnostic at the cursor keeps only its fix.
        #expect(try await actions(fixture, "header.py", line: 1).isEmpty)
        let diagnostic = Diagnostic(
            range: LSPRange(start: Position(line: 4, character: 4), end: Position(line: 4, character: 9)),
            message: "unused variable")
        #expect(
            try await actions(fixture, "header.py", line: 4, diagnostics: [diagnostic]).map(\.title) == [
                "Spark: fix — unused variable"
            ])
        // Automatic triggers (a light bulb) never parse the file.
        #expect(try await actions(fixture, "header.py", line: 4, trigger: .automatic).isEmpty)
    }

    @Test func aFileNotOpenIsReadFromDiskInItsLanguage() async throws {
        let fixture = try await EditorFixture()
        try fixture.write("Parser.swift", Self.swift)
        #expect(
            try await actions(fixture, "Parser.swift", line: 2, character: 8).map(\.title).contains(
                "Spark: explain `Parser.parse`"))
        try fixture.write("notes.txt", "def nothing():\n    pass\n")
        #expect(try await actions(fixture, "notes.txt", line: 1).isEmpty, "no outline parser for a text file")
    }

    @Test func aDocumentOverTheLimitIsNotParsed() async throws {
        let fixture = try await EditorFixture()
        let padding = String(repeating: "# padding\n", count: CursorDeclaration.largestDocument / 10)
        fixture.open("big.py", Self.python + "\n" + padding)
        #expect(try await actions(fixture, "big.py", line: 4).isEmpty)
        try fixture.write("big_on_disk.py", Self.python + "\n" + padding)
        #expect(try await actions(fixture, "big_on_disk.py", line: 4).isEmpty)
    }

    // How long the list takes at the limit is a benchmark's question, not this test's: a timed unit test fails on a
    // loaded machine and proves nothing on a fast one.
    @Test func aDocumentJustUnderTheLimitIsParsed() async throws {
        let fixture = try await EditorFixture()
        let lines = (CursorDeclaration.largestDocument - Self.python.utf8.count) / 32 - 1
        let padding = String(repeating: "def f(x):\n    return x + 12345\n", count: lines / 2)
        fixture.open("near.py", Self.python + "\n" + padding)
        let titles = try await actions(fixture, "near.py", line: 4).map(\.title)
        #expect(titles.first == "Spark: refactor `parse_header`")
    }

    @Test func theExplanationAsksAboutTheNamedFunctionWithItsCode() async throws {
        let fixture = try await EditorFixture()
        fixture.open("header.py", Self.python)
        let explain = try #require(try await actions(fixture, "header.py", line: 4)[1].command)
        fixture.model.enqueue(.text("It unpacks the magic and the size."))
        let reply = try await fixture.client.send(
            ExecuteCommandRequest(command: explain.command, arguments: explain.arguments))
        #expect(reply?["content"] == "It unpacks the magic and the size.")
        let messages = fixture.model.requests.first?.body?["messages"]?.arrayValue ?? []
        let asked = try #require(messages.last?["content"]?.stringValue)
        #expect(asked.contains("the function `parse_header`"), "\(asked)")
        #expect(asked.contains("(lines 4-6)") && asked.contains("return magic, size"), "\(asked)")
        #expect(!asked.contains("class Reader"), "\(asked)")
    }

    @Test func theLanguageComesFromTheLanguageIdElseTheExtension() {
        #expect(CursorDeclaration.language(languageId: "typescriptreact", path: "/w/a.tsx") == .typescript)
        #expect(CursorDeclaration.language(languageId: "plaintext", path: "/w/a.rs") == .rust)
        #expect(CursorDeclaration.language(languageId: nil, path: "/w.d/README") == nil)
    }
}
