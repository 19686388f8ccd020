import SparkLSP
import SparkTestSupport
import Testing

/// Waiting for a buffer to move past a version: how an applied agent edit learns the version the editor gave it.
@Suite struct DocumentStoreWaitTests {
    let uri = "file:///tmp/wait.py"

    func store() async -> DocumentStore {
        let store = DocumentStore(logger: .silent)
        await store.open(TextDocumentItem(uri: uri, languageId: "python", version: 1, text: "a\n"))
        return store
    }

    func change(to version: Int, _ text: String) -> DidChangeTextDocumentNotification {
        DidChangeTextDocumentNotification(
            textDocument: VersionedTextDocumentIdentifier(uri: uri, version: version),
            contentChanges: [TextDocumentContentChangeEvent(text: text)])
    }

    @Test func aWaiterGetsTheFirstVersionPastTheOneItKnows() async throws {
        let store = await store()
        async let moved = store.document(uri, after: 1, timeout: .seconds(30))
        // The change may reach the store before or after the waiter: both answer version 2.
        _ = await store.change(change(to: 2, "b\n"))
        let document = try #require(await moved)
        #expect(document.version == 2 && document.buffer.text == "b\n")
        #expect(await store.document(uri, after: 1, timeout: .seconds(30))?.version == 2, "already past: at once")
    }

    @Test func closingOrWaitingTooLongAnswersNothing() async throws {
        let store = await store()
        async let closed = store.document(uri, after: 1, timeout: .seconds(30))
        await store.close(uri)
        #expect(await closed == nil)
        let other = await self.store()
        #expect(await other.document(uri, after: 1, timeout: .milliseconds(10)) == nil)
        #expect(await other.document("file:///tmp/not-open.py", after: 0, timeout: .seconds(30)) == nil)
    }
}
