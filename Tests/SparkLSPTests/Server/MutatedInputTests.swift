import SparkLSP
import SparkTestSupport
import Testing

/// Valid messages mangled at random (bytes flipped, dropped, duplicated, cut short) and sent as frames: whatever
/// the server makes of them, it keeps serving and answers the next proper request correctly.
@Suite struct MutatedInputTests {
    private static let corpus = [
        #"{"jsonrpc":"2.0","id":"fuzz","method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.py"},"range":{"start":{"line":0,"character":0},"end":{"line":2,"character":4}},"context":{"diagnostics":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":5}},"severity":2,"code":"W1","message":"unused \"x\" é👋"}],"only":["quickfix"],"triggerKind":1}}}"#,
        #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz.py","languageId":"python","version":1,"text":"a = 1\n\tb = [1, 2.5e3, -0]\n"}}}"#,
        #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///fuzz.py","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"text":"\u00e9\ud83d\ude00"}]}}"#,
        #"{"jsonrpc":"2.0","id":7,"method":"spark/debug/document","params":{"uri":"file:///fuzz.py"}}"#,
        #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"nothing"}}"#,
        #"{"jsonrpc":"2.0","id":8,"result":{"applied":true}}"#,
    ]

    private static func mutate(_ text: String, using random: inout SplitMix64) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + random.next(below: 4)) {
            guard !bytes.isEmpty else { break }
            let position = random.next(below: bytes.count)
            switch random.next(below: 5) {
            case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.remove(at: position)
            case 2: bytes.insert(bytes[position], at: position)
            case 3: bytes.removeLast(random.next(below: bytes.count))
            default: bytes.insert(contentsOf: Array(#"{["\,:"#.utf8).shuffled(using: &random).prefix(2), at: position)
            }
        }
        return bytes
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func mangledMessagesNeverStopTheServer(seed: UInt64) async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        var random = SplitMix64(seed: seed)
        for _ in 0..<300 {
            let source = Self.corpus[random.next(below: Self.corpus.count)]
            let body = Self.mutate(source, using: &random)
            client.writeRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        }
        #expect(try await client.send(CodeActionRequest.sample) == [], "seed \(seed)")
        let uri = "file:///after-the-noise.py"
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(uri: uri, languageId: "python", version: 1, text: "x = 1\n")))
        let document = try await client.send(DebugDocumentRequest(uri: uri))
        #expect(document.text == "x = 1\n" && document.version == 1, "seed \(seed)")
    }
}
