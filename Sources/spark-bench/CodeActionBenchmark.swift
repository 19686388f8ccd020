import AgentCore
import ArgumentParser
import SparkLSP
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-bench code-actions`: listing Spark's code actions on a 10,000-line document with 100
/// diagnostics and a selection.
///
/// 1. Server cost: parse the request, decode its params, list the actions, encode the reply (what the
///    server does besides framing and the write).
/// 2. Round trip: the same request through an in-process server (pipes, framing, both sides' JSON).
struct CodeActionBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code-actions",
        abstract: "Code-action listing, 10,000 lines and 100 diagnostics: p50/p99 (target p99 < 2 ms).")

    @Option(help: "Measured requests per part.") var requests = 2_000
    @Option(help: "Lines in the document.") var lines = 10_000
    @Option(help: "Diagnostics in the request.") var diagnostics = 100

    func run() async throws {
        let uri = "file:///bench/big.py"
        let request = makeRequest(uri: uri)
        let body = try MessageCoding.request(id: .number(1), method: CodeActionRequest.method, params: request)
        let clock = ContinuousClock()
        var handler: [Double] = []
        var parts: [[Double]] = [[], [], []]
        for index in 0..<(requests + 100) {
            let start = clock.now
            guard case .request(_, _, let params) = IncomingMessage.parse(body) else {
                throw BenchError("not a request")
            }
            let decoded = try MessageCoding.decodeParams(SparkCodeActionRequest.self, from: params)
            let decodedAt = clock.now
            let actions = CodeActionCatalog.actions(for: decoded)
            let listedAt = clock.now
            let reply = try MessageCoding.response(id: .number(1), result: actions)
            let end = clock.now
            guard actions.count == diagnostics + 4, !reply.isEmpty else {
                throw BenchError("listed \(actions.count) actions")
            }
            if index >= 100 {  // the first 100 warm up
                handler.append(Statistics.milliseconds(end - start))
                parts[0].append(Statistics.milliseconds(decodedAt - start))
                parts[1].append(Statistics.milliseconds(listedAt - decodedAt))
                parts[2].append(Statistics.milliseconds(end - listedAt))
            }
        }
        print(
            "code actions (\(diagnostics) diagnostics + selection), server: p50 \(Statistics.format(Statistics.median(handler))) ms, p99 \(Statistics.format(Statistics.percentile(handler, 0.99))) ms (target p99 < 2 ms)"
        )
        print(
            "  p50 parse+decode \(Statistics.format(Statistics.median(parts[0]))) ms, list \(Statistics.format(Statistics.median(parts[1]))) ms, encode \(Statistics.format(Statistics.median(parts[2]))) ms"
        )

        var configuration = ServerConfiguration()
        configuration.codeActionKinds = CodeActionCatalog.kinds
        let client = try TestLSPClient.inProcess(configuration: configuration) { server in
            let service = ChatService(client: UnusedModelClient(), modules: [], environment: [:], logger: .silent)
            ChatFrontEnd(service: service).install(on: server)
        }
        try await client.initialize()
        let text = (0..<lines).map { "value_\($0) = compute(\($0))  # a line of Python code" }.joined(separator: "\n")
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(uri: uri, languageId: "python", version: 1, text: text)))
        var roundTrip: [Double] = []
        for index in 0..<(requests + 100) {
            let start = clock.now
            let actions = try await client.send(request)
            let elapsed = Statistics.milliseconds(clock.now - start)
            guard actions.count == diagnostics + 4 else { throw BenchError("listed \(actions.count) actions") }
            if index >= 100 { roundTrip.append(elapsed) }
        }
        print(
            "code actions, in-process round trip: p50 \(Statistics.format(Statistics.median(roundTrip))) ms, p99 \(Statistics.format(Statistics.percentile(roundTrip, 0.99))) ms"
        )
    }

    private func makeRequest(uri: String) -> SparkCodeActionRequest {
        let step = max(1, lines / diagnostics)
        let found = (0..<diagnostics).map { index in
            Diagnostic(
                range: LSPRange(
                    start: Position(line: index * step, character: 0), end: Position(line: index * step, character: 12)),
                severity: .warning, code: .string("W\(index)"), source: "bench",
                message: "value_\(index * step) is assigned but never used")
        }
        let selection = LSPRange(start: Position(line: 0, character: 0), end: Position(line: lines - 1, character: 10))
        return SparkCodeActionRequest(
            textDocument: TextDocumentIdentifier(uri: uri), range: selection,
            context: CodeActionContext(diagnostics: found, triggerKind: .invoked))
    }
}

/// A model client the code-action benchmark never calls.
private struct UnusedModelClient: ModelClient {
    private var error: LLMError { LLMError(.connectionFailed, "not used") }
    func streamChat(_ request: ChatRequest, endpoint: ModelEndpoint) -> AsyncThrowingStream<ChatStreamEvent, any Error>
    {
        AsyncThrowingStream { $0.finish(throwing: error) }
    }
    func chat(_ request: ChatRequest, endpoint: ModelEndpoint) async throws -> ChatCompletion { throw error }
    func listModels(endpoint: ModelEndpoint) async throws -> [String] { throw error }
    func embeddings(model: String, inputs: [String], truncatePromptTokens: Int?, endpoint: ModelEndpoint) async throws
        -> [[Double]]
    { throw error }
}
