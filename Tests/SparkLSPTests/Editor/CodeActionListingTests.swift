import AgentCore
import SparkLSP
import SparkTestSupport
import Testing

@Suite struct CodeActionListingTests {
    private let uri = "file:///w/a.py"
    private let diagnostic = Diagnostic(
        range: LSPRange(start: Position(line: 2, character: 0), end: Position(line: 2, character: 3)),
        message: "unused variable\nsecond line")
    private let selection = LSPRange(start: Position(line: 1, character: 0), end: Position(line: 4, character: 0))
    private let caret = LSPRange(start: Position(line: 1, character: 2), end: Position(line: 1, character: 2))

    private func titles(range: LSPRange, diagnostics: [Diagnostic], only: [CodeActionKind]? = nil, trigger: CodeActionTriggerKind? = nil) -> [String] {
        CodeActionCatalog.actions(
            for: CodeActionRequest(
                textDocument: TextDocumentIdentifier(uri: uri), range: range,
                context: CodeActionContext(diagnostics: diagnostics, only: only, triggerKind: trigger))
        ).map(\.title)
    }

    @Test func aQuickFixPerDiagnosticWithTheFirstLineOfItsMessage() {
        #expect(titles(range: caret, diagnostics: [diagnostic, diagnostic]) == ["Spark: fix — unused variable", "Spark: fix — unused variable"])
    }

    @Test func aSelectionAddsRefactorExplainTestsAndReview() {
        #expect(
            titles(range: selection, diagnostics: [diagnostic]) == [
                "Spark: fix — unused variable", "Spark: refactor", "Spark: explain", "Spark: generate tests", "Spark: review",
            ])
        #expect(titles(range: caret, diagnostics: []).isEmpty)
    }

    @Test func onlyFiltersByKindPrefix() {
        #expect(titles(range: selection, diagnostics: [diagnostic], only: [.refactor]) == ["Spark: refactor"])
        #expect(titles(range: selection, diagnostics: [diagnostic], only: [.quickFix]) == ["Spark: fix — unused variable"])
        #expect(titles(range: selection, diagnostics: [diagnostic], only: [CodeActionKind(rawValue: "spark")]).count == 3)
        #expect(titles(range: selection, diagnostics: [diagnostic], only: [.source]).isEmpty)
    }

    @Test func automaticTriggersGetOnlyQuickFixes() {
        #expect(titles(range: selection, diagnostics: [diagnostic], trigger: .automatic) == ["Spark: fix — unused variable"])
        #expect(titles(range: selection, diagnostics: [diagnostic], trigger: .invoked).count == 5)
    }

    @Test func eachActionCarriesTheSparkCommandWithItsArguments() throws {
        let actions = CodeActionCatalog.actions(
            for: CodeActionRequest(
                textDocument: TextDocumentIdentifier(uri: uri), range: selection,
                context: CodeActionContext(diagnostics: [diagnostic])))
        let arguments = try actions.map { action in
            try #require(action.command?.arguments?.first).decode(as: CodeActionArguments.self)
        }
        #expect(actions.allSatisfy { $0.command?.command == "spark.codeAction" })
        #expect(arguments.map(\.action) == [.fix, .refactor, .explain, .generateTests, .review])
        #expect(arguments[0].diagnostic == diagnostic && arguments[0].range == diagnostic.range)
        #expect(arguments[1].range == selection && arguments[1].uri == uri)
    }

    @Test func theServerAnswersWithoutAModelCall() async throws {
        let fixture = try await EditorFixture()
        let actions = try await fixture.client.send(
            CodeActionRequest(
                textDocument: TextDocumentIdentifier(uri: uri), range: selection,
                context: CodeActionContext(diagnostics: [diagnostic])))
        #expect(actions?.count == 5)
        #expect(fixture.model.requests.isEmpty)
    }
}
