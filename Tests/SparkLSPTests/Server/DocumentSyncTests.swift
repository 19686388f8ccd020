import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Testing

@Suite struct DocumentSyncTests {
    private let uri = "file:///tmp/doc.txt"

    private func change(_ version: Int, _ changes: [TextDocumentContentChangeEvent])
        -> DidChangeTextDocumentNotification
    {
        DidChangeTextDocumentNotification(
            textDocument: VersionedTextDocumentIdentifier(uri: uri, version: version), contentChanges: changes)
    }

    private func edit(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent(
            range: LSPRange(start: Position(line: l1, character: c1), end: Position(line: l2, character: c2)),
            text: text)
    }

    private func started(_ text: String, encodings: [JSONValue] = []) async throws -> TestLSPClient {
        let client = try TestLSPClient.inProcess()
        try await client.initialize(
            capabilities: ClientCapabilities(["general": ["positionEncodings": .array(encodings)]]))
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(uri: uri, languageId: "plaintext", version: 1, text: text)))
        return client
    }

    private func document(_ client: TestLSPClient) async throws -> DebugDocumentResult {
        try await client.send(DebugDocumentRequest(uri: uri))
    }

    @Test func incrementalEditsInUTF16WithEmojiCJKAndCombiningMarks() async throws {
        let client = try await started("a😀b 世界\ne\u{301}x\r\nlast")
        // UTF-16: "a" 1, "😀" 2 -> "b" is at 3.
        client.notify(change(2, [edit(0, 3, 0, 4, "B")]))
        // CJK: one UTF-16 unit each; replace 界 (character 6).
        client.notify(change(3, [edit(0, 6, 0, 7, "🌍")]))
        // Combining mark: "e" + U+0301 are two units; insert after them (character 2) across CRLF.
        client.notify(change(4, [edit(1, 2, 2, 0, "|\n"), edit(0, 0, 0, 0, "> ")]))
        let result = try await document(client)
        #expect(result.text == "> a😀B 世🌍\ne\u{301}|\nlast")
        #expect(result.version == 4)
    }

    @Test func utf8PositionsWhenNegotiated() async throws {
        let client = try await started("é😀z", encodings: ["utf-8"])
        client.notify(change(2, [edit(0, 6, 0, 7, "Z")]))
        #expect(try await document(client).text == "é😀Z")
    }

    @Test func fullTextChangesReplaceTheDocument() async throws {
        let client = try await started("old")
        client.notify(change(2, [TextDocumentContentChangeEvent(text: "new\ntext"), edit(1, 0, 1, 0, "the ")]))
        #expect(try await document(client).text == "new\nthe text")
    }

    @Test func outOfRangePositionsAreClamped() async throws {
        let client = try await started("ab\ncd")
        client.notify(change(2, [edit(0, 99, 0, 99, "!")]))  // past the end of line 0 -> end of line
        client.notify(change(3, [edit(7, 0, 9, 0, "?")]))  // past the last line -> end of document
        #expect(try await document(client).text == "ab!\ncd?")
    }

    @Test func staleVersionsAreIgnoredWithAWarning() async throws {
        let client = try await started("x")
        client.notify(change(5, [edit(0, 1, 0, 1, "y")]))
        client.notify(change(5, [edit(0, 0, 0, 0, "STALE")]))
        let warning = try await client.nextNotification(ofType: LogMessageNotification.self)
        #expect(warning.type == .warning && warning.message.contains("stale version 5"))
        let result = try await document(client)
        #expect(result.text == "xy" && result.version == 5)
    }

    @Test func changesToUnknownDocumentsAreWarnedAbout() async throws {
        let client = try await started("x")
        client.notify(
            DidChangeTextDocumentNotification(
                textDocument: VersionedTextDocumentIdentifier(uri: "file:///never-opened", version: 2),
                contentChanges: [TextDocumentContentChangeEvent(text: "z")]))
        let warning = try await client.nextNotification(ofType: LogMessageNotification.self)
        #expect(warning.message.contains("not open: file:///never-opened"))
        #expect(try await document(client).text == "x")
    }

    @Test func saveAndCloseForgetTheDocument() async throws {
        let client = try await started("x")
        client.notify(DidSaveTextDocumentNotification(textDocument: TextDocumentIdentifier(uri: uri)))
        client.notify(DidCloseTextDocumentNotification(textDocument: TextDocumentIdentifier(uri: uri)))
        let error = await #expect(throws: ResponseError.self) { try await document(client) }
        #expect(error?.message.contains("not open") == true)
        client.notify(DidCloseTextDocumentNotification(textDocument: TextDocumentIdentifier(uri: uri)))
        #expect(try await client.nextNotification(ofType: LogMessageNotification.self).message.contains("didClose"))
    }

    @Test func theStoreServesAgentsByPath() async throws {
        let client = try await started("agent text")
        _ = try await document(client)
        let open = await client.server?.context.documents.openDocument(atPath: "/tmp/doc.txt")
        #expect(open == OpenDocument(text: "agent text", version: 1))
    }
}
