import AgentCore
import SparkJSON
import SparkLSP
import Testing

/// The hand-built JSON of code actions is exactly what their `Encodable` conformance writes.
@Suite struct CodeActionJSONTests {
    @Test func handBuiltJSONMatchesTheEncoder() throws {
        let range = LSPRange(start: Position(line: 3, character: 1), end: Position(line: 3, character: 9))
        let diagnostics = [
            Diagnostic(
                range: range, severity: .error, code: "E0425", source: "rustc", message: "cannot find `prnt`",
                data: ["fix": [1, 2]]),
            Diagnostic(range: range, code: 42, message: "bare\nminimum"),
        ]
        let request = SparkCodeActionRequest(
            textDocument: TextDocumentIdentifier(uri: "file:///w/a.rs"), range: range,
            context: CodeActionContext(diagnostics: diagnostics))
        let actions = CodeActionCatalog.actions(for: request)
        #expect(actions.count == diagnostics.count + 4)
        #expect(try JSONValue(parsing: actions.jsonBytes()) == JSONValue(encoding: actions))
    }
}
