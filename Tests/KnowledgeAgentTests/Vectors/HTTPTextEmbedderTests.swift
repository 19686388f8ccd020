import AgentCore
import KnowledgeAgent
import SparkJSON
import SparkTestSupport
import Testing

/// How `HTTPTextEmbedder` keeps to the model's input limit, against the scripted server over HTTP: vLLM cuts inputs
/// itself (`truncate_prompt_tokens: -1`); a server that refuses that gets windows, and only the texts it finds too
/// long are cut shorter.
@Suite struct HTTPTextEmbedderTests {
    /// A server that embeds inputs of at most `limit` characters (a vector of the input's length) and answers
    /// longer ones like vLLM without truncation: 400, "too long". With `knowsTruncation`, it cuts inputs itself
    /// when asked; without, it refuses the field as OpenAI does.
    static func serve(_ server: ScriptedModelServer, limit: Int, knowsTruncation: Bool) {
        server.respond { request in
            guard request.path == "/v1/embeddings" else { return nil }
            let cuts = request.body?["truncate_prompt_tokens"] != nil
            if cuts && !knowsTruncation {
                return .error(status: 400, message: "Unrecognized request argument supplied: truncate_prompt_tokens")
            }
            let inputs = (request.body?["input"]?.arrayValue ?? []).map { $0.stringValue ?? "" }
            if !cuts, inputs.contains(where: { $0.count > limit }) {
                return .error(
                    status: 400,
                    message: "This model's maximum context length is 256 tokens. However, you requested more")
            }
            let data: [JSONValue] = inputs.enumerated().map { index, input in
                ["index": .int(index), "embedding": [.double(Double(min(input.count, limit))), 1]]
            }
            return .json(["object": "list", "data": .array(data)])
        }
    }

    static func inputs(of request: RecordedRequest) -> [Int] {
        (request.body?["input"]?.arrayValue ?? []).map { $0.stringValue?.count ?? 0 }
    }

    @Test func vLLMCutsLongInputsItselfInOneRequest() async throws {
        let server = try ScriptedModelServer()
        Self.serve(server, limit: 300, knowsTruncation: true)
        let embedder = HTTPTextEmbedder(
            client: HTTPModelClient(logger: .silent), model: "m", endpoint: server.endpoint, maximumCharacters: 100)
        let vectors = try await embedder.embed(["short", String(repeating: "long ", count: 200)])
        #expect(vectors.count == 2)
        let requests = server.requests
        #expect(requests.count == 1)
        #expect(requests.first?.body?["truncate_prompt_tokens"] == .int(-1))
        // Sent up to four windows: the server decides where the model's limit falls.
        #expect(requests.first.map(Self.inputs) == [5, 400])
    }

    @Test func aServerThatRefusesTheFieldGetsWindowsAndOnlyTooLongTextsAreCutShorter() async throws {
        let server = try ScriptedModelServer()
        Self.serve(server, limit: 60, knowsTruncation: false)
        let embedder = HTTPTextEmbedder(
            client: HTTPModelClient(logger: .silent), model: "m", endpoint: server.endpoint, maximumCharacters: 100)
        let texts = [String(repeating: "a", count: 50), String(repeating: "b", count: 90), "c", "d"]
        let vectors = try await embedder.embed(texts)
        #expect(vectors.count == 4)
        let requests = server.requests
        // The field refused once, then windows of 100: too long for the server; split in halves, and the long
        // text's window halved.
        #expect(requests.first?.body?["truncate_prompt_tokens"] == .int(-1))
        #expect(requests.dropFirst().allSatisfy { $0.body?["truncate_prompt_tokens"] == nil })
        #expect(requests.dropFirst().map(Self.inputs) == [[50, 90, 1, 1], [50, 90], [50], [90], [50], [1, 1]])
        // Each text's vector is its own, in order (over the second component, the first is the length read).
        #expect(vectors.map { ($0[0] / $0[1]).rounded() } == [50, 50, 1, 1])

        // The refusal is remembered: the next batch goes straight to windows.
        server.forgetRequests()
        _ = try await embedder.embed(["e"])
        #expect(server.requests.map { $0.body?["truncate_prompt_tokens"] } == [nil])
    }

    @Test func aTextThatNoWindowFitsFailsWithTheServersMessage() async throws {
        let server = try ScriptedModelServer()
        Self.serve(server, limit: 10, knowsTruncation: false)
        let embedder = HTTPTextEmbedder(
            client: HTTPModelClient(logger: .silent), model: "m", endpoint: server.endpoint, maximumCharacters: 100,
            retries: 0)
        await #expect {
            try await embedder.embed([String(repeating: "x", count: 500)])
        } throws: { error in
            (error as? LLMError)?.httpStatus == 400 && (error as? LLMError)?.message.contains("maximum context") == true
        }
    }
}
