import AgentCore
import SparkTestSupport
import Synchronization
import Testing

/// `JSONHTTPClient.stream` (the MCP helper's streamable-HTTP transport reads with it): the response's status and
/// headers come first, then its body as it arrives.
@Suite struct JSONHTTPClientStreamTests {
    @Test func theHeadComesFirstThenTheBodyAndTheHeadersGoOut() async throws {
        let server = try ScriptedModelServer()
        let stream = "event: message\r\ndata: one\r\n\r\ndata: two\r\n\r\n"
        server.enqueue(.rawSSE(Array(stream.utf8)))
        let seen = Mutex<[String]>([])
        let response = try await JSONHTTPClient().stream(
            "POST", server.endpoint.baseURL + "/chat/completions", body: Array("{\"stream\":true}".utf8),
            headers: ["Content-Type: application/json", "X-Spark-Test: sent"],
            head: { status, headers in
                seen.withLock { $0.append("head \(status) \(headers["content-type"] ?? "-")") }
            },
            receive: { bytes in
                seen.withLock { $0.append("body " + String(decoding: bytes, as: UTF8.self)) }
                return nil
            })
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/event-stream; charset=utf-8")
        let order = seen.withLock { $0 }
        #expect(order.first == "head 200 text/event-stream; charset=utf-8")
        #expect(order.dropFirst().map { $0.dropFirst("body ".count) }.joined() == stream)
        #expect(server.requests.first?.header("x-spark-test") == "sent")
    }

    @Test func aRefusedConnectionIsUnreachable() async throws {
        let endpoint = try ScriptedModelServer.refusingEndpoint()
        await #expect {
            _ = try await JSONHTTPClient().stream(
                "GET", endpoint.baseURL + "/models", body: nil, headers: [], head: { _, _ in }, receive: { _ in nil })
        } throws: { error in
            (error as? JSONHTTPClient.TransportError)?.kind == .unreachable
        }
    }

    @Test func aConnectionCutMidBodyIsCut() async throws {
        let server = try ScriptedModelServer()
        server.enqueue(.cutMidStream("partial answer", chunks: 4, after: 2))
        await #expect {
            _ = try await JSONHTTPClient().stream(
                "POST", server.endpoint.baseURL + "/chat/completions", body: Array("{\"stream\":true}".utf8),
                headers: ["Content-Type: application/json"], head: { _, _ in }, receive: { _ in nil })
        } throws: { error in
            (error as? JSONHTTPClient.TransportError)?.kind == .cut
        }
    }
}
