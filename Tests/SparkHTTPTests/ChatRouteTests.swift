import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `POST /chat` through real HTTP against the scripted vLLM server.
@Suite struct ChatRouteTests {
    @Test func answersWithTheOriginalShape() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.text("Hello there.", chunks: 3))
        let reply = try await service.post("/chat", json: #"{"message": "Say hello"}"#)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.headers["content-type"] == "application/json")
        let json = reply.json
        #expect(json["response"] == "Hello there.")
        #expect(json["agent"] == "supervisor")
        #expect(json["session_id"]?.stringValue?.hasPrefix("http-") == true)
        #expect(json["edits"] == .array([]))
        #expect(json["usage"]?["completion_tokens"] == 3)
        #expect(service.model.requests.last?.body?["model"] == "gpt-oss-120b")
    }

    @Test func aRagAnswerCarriesItsCitations() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        let docs = service.directory + "/workspace/docs"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try Data("# Logging\n\n## Handlers\n\nAdd a handler with `addHandler(FileHandler(\"app.log\"))`.\n".utf8)
            .write(to: URL(fileURLWithPath: docs + "/logging.md"))
        service.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_rag", arguments: [:])]))
        service.model.enqueue(
            .toolCalls([
                ScriptedToolCall(name: "search_knowledge_base", arguments: ["query": "logging handler", "top_k": 1])
            ]))
        service.model.enqueue(.text("Call `addHandler` (docs/logging.md:1-5)."))
        let reply = try await service.post("/chat", json: #"{"message": "How do I add a log handler?"}"#)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.json["agent"] == "rag")
        let citations = try #require(reply.json["citations"]?.arrayValue)
        #expect(citations.count == 1)
        let citation = try #require(citations.first)
        #expect(citation["uri"] == .string("file://" + docs + "/logging.md"))
        #expect(citation["range"] == ["start": ["line": 0, "character": 0], "end": ["line": 5, "character": 0]])
        #expect(citation["title"] == "docs/logging.md › Logging › Handlers")
        #expect(citation["snippet"]?.stringValue?.hasPrefix("# Logging") == true)
        #expect(citation["documentId"]?.stringValue != nil && citation["score"]?.doubleValue != nil)

        // An answer that cites nothing has an empty list, and the OpenAPI document describes the field.
        service.model.enqueue(.text("Hello."))
        #expect(
            try await service.post("/chat", json: #"{"message": "hi", "agent_type": "coding"}"#).json["citations"]
                == .array([]))
        let schema = try await service.get("/openapi.json").json["components"]?["schemas"]?["ChatResponse"]
        #expect(schema?["properties"]?["citations"]?["items"]?["$ref"] == "#/components/schemas/Citation")
        #expect(schema?["required"]?.arrayValue?.contains("citations") == true)
    }

    @Test func agentTypeCodingSkipsTheSupervisorAndSessionsContinue() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.text("First."))
        let first = try await service.post(
            "/chat", json: #"{"message": "One", "agent_type": "coding", "session_id": "s1"}"#)
        #expect(first.status == 200, "\(first.text)")
        #expect(first.json["agent"] == "coding")
        #expect(first.json["session_id"] == "s1")
        #expect(service.model.requests.count == 1)
        #expect(service.model.requests.last?.body?["model"] == "meta-llama/Llama-3.1-8B-Instruct")

        service.model.enqueue(.text("Second."))
        let second = try await service.post("/chat", json: #"{"message": "Two", "session_id": "s1", "stream": true}"#)
        #expect(second.status == 200, "\(second.text)")
        // The session's agent answers, and sees the first exchange.
        #expect(second.json["agent"] == "coding")
        let contents = service.model.requests.last?.body?["messages"]?.arrayValue?.compactMap {
            $0["content"]?.stringValue
        }
        #expect(contents?.suffix(3) == ["One", "First.", "Two"])
    }

    @Test func aKeptAliveConnectionCarriesTheNextChat() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.text("First."))
        service.model.enqueue(.text("Second."))
        let connection = try KeepAliveConnection(port: service.port)
        let first = try await connection.post("/chat", json: #"{"message": "One", "session_id": "kept"}"#)
        #expect(first?.status == 200, "\(first?.text ?? "the connection was closed")")
        #expect(first?.headers["connection"] != "close")
        let second = try await connection.post("/chat", json: #"{"message": "Two", "session_id": "kept"}"#)
        #expect(second?.status == 200, "\(second?.text ?? "the connection was closed after the first chat")")
        #expect(second?.json["response"] == "Second.")
    }

    @Test func aClientThatHangsUpCancelsTheModelStream() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.stall(afterChunks: 1))
        let client = try HTTPTestClient(
            port: service.port, method: "POST", path: "/chat", headers: ["Content-Type": "application/json"],
            body: Array(#"{"message": "Talk", "session_id": "gone"}"#.utf8))
        #expect(await service.model.waitForRequests(), "the chat reached the model")
        client.hangUp()
        #expect(await service.model.waitForDisconnect(), "the model's stream was aborted")
        service.model.enqueue(.text("Yes."))
        let after = try await service.post("/chat", json: #"{"message": "Still there?"}"#)
        #expect(after.status == 200)
    }

    @Test(arguments: [
        (#"{"message": "hi""#, "invalid_json"),
        (#"not json"#, "invalid_json"),
        (#"["hi"]"#, "invalid_request"),
        (#"{}"#, "invalid_request"),
        (#"{"message": null}"#, "invalid_request"),
        (#"{"message": 3}"#, "invalid_request"),
        (#"{"message": "   "}"#, "invalid_request"),
        (#"{"message": "hi", "session_id": 5}"#, "invalid_request"),
        (#"{"message": "hi", "session_id": ""}"#, "invalid_request"),
        (#"{"message": "hi", "agent_type": ["coding"]}"#, "invalid_request"),
        (#"{"message": "hi", "stream": "yes"}"#, "invalid_request"),
        (#"{"message": "hi", "agent_type": "astrologer"}"#, "unknown_agent"),
    ])
    func badInputIsA400WithAJSONError(body: String, code: String) async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        for path in ["/chat", "/chat/stream"] {
            let reply = try await service.post(path, json: body)
            #expect(reply.status == 400, "\(path) \(body): \(reply.text)")
            #expect(reply.errorCode == code, "\(path) \(body): \(reply.text)")
            #expect(reply.json["error"]?["message"]?.stringValue?.isEmpty == false)
        }
        #expect(service.model.requests.isEmpty, "no bad request reaches the model")
    }

    @Test(arguments: [
        #"{"message": "look", "images": [""]}"#,
        #"{"message": "look", "images": ["missing.png"]}"#,
        #"{"message": "look", "images": ["/etc/hostname"]}"#,
        #"{"message": "look", "images": ["data:image/png;base64,AAAA"]}"#,
    ])
    func anImageThatIsMissingOrNotAnImageIs422(body: String) async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        for path in ["/chat", "/chat/stream"] {
            let reply = try await service.post(path, json: body)
            #expect(reply.status == 422, "\(path) \(body): \(reply.text)")
            #expect(reply.errorCode == "invalid_image", "\(path) \(body): \(reply.text)")
            #expect(reply.json["error"]?["message"]?.stringValue?.isEmpty == false)
        }
        #expect(service.model.requests.isEmpty, "no request with a bad image reaches the model")
    }

    @Test func anUnknownAgentNamesTheKnownOnes() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        let reply = try await service.post("/chat", json: #"{"message": "hi", "agent_type": "astrologer"}"#)
        #expect(reply.json["error"]?["message"]?.stringValue?.contains("supervisor, coding") == true, "\(reply.text)")
    }

    @Test func anOversizedBodyIs413() async throws {
        let service = try await ServiceHarness { $0.maxBodyBytes = 1024 }
        defer { service.stop() }
        let reply = try await service.post(
            "/chat", json: #"{"message": ""# + String(repeating: "x", count: 4096) + #""}"#)
        #expect(reply.status == 413, "\(reply.text)")
        #expect(reply.errorCode == "body_too_large")
    }

    @Test func aModelServerThatIsDownIsA502() async throws {
        let service = try await ServiceHarness(endpoint: try ScriptedModelServer.refusingEndpoint())
        defer { service.stop() }
        let reply = try await service.post("/chat", json: #"{"message": "hi"}"#)
        #expect(reply.status == 502, "\(reply.text)")
        #expect(reply.errorCode == "run_failed")
        #expect(reply.json["error"]?["message"]?.stringValue?.contains("127.0.0.1") == true)
    }

    @Test func unknownRoutesAndMethodsAnswerJSON() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        let missing = try await service.get("/nothing")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not_found")
        let wrongMethod = try await service.get("/chat")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.errorCode == "method_not_allowed")
        #expect(wrongMethod.headers["allow"] == "POST")
        #expect(try await service.send("PUT", "/sessions/s1").headers["allow"] == "DELETE, GET")
    }
}
