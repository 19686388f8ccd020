import SparkHTTP
import SparkJSON
import SparkTestSupport
import Testing

/// API keys, the per-key concurrency limit, CORS, and the refusal to listen beyond loopback without keys.
@Suite struct SecurityTests {
    static let keys = "alice:alice-key-0123456789abcdef"

    @Test func keysAreRequiredExceptForProbes() async throws {
        let service = try await ServiceHarness { $0.apiKeys = try! APIKeys(parsing: Self.keys) }
        defer { service.stop() }
        let missing = try await service.get("/agents")
        #expect(missing.status == 401)
        #expect(missing.errorCode == "unauthorized")
        #expect(missing.headers["www-authenticate"] == "Bearer")
        #expect(
            try await service.get("/agents", headers: ["Authorization": "Bearer alice-key-0123456789abcdeX"]).status
                == 401)
        #expect(
            try await service.get("/agents", headers: ["Authorization": "Bearer alice-key-0123456789abcde"]).status
                == 401)
        #expect(
            try await service.get("/agents", headers: ["Authorization": "alice-key-0123456789abcdef"]).status == 401)
        #expect(try await service.post("/chat", json: #"{"message": "hi"}"#).status == 401)
        #expect(try await service.get("/metrics").status == 401)
        #expect(
            try await service.get("/agents", headers: ["Authorization": "Bearer alice-key-0123456789abcdef"]).status
                == 200)
        #expect(
            try await service.get("/agents", headers: ["Authorization": "bearer alice-key-0123456789abcdef"]).status
                == 200)
        #expect(try await service.get("/health").status == 200)
        #expect(try await service.get("/openapi.json").status == 200)
    }

    @Test func keysAreParsedAndChecked() throws {
        let keys = try APIKeys(parsing: "alice:alice-key-0123456789abcdef, bare-key-0123456789abcdef")
        #expect(keys.keys.map(\.owner) == ["alice", "key2"])
        #expect(throws: ServiceSettings.Invalid.self) { try APIKeys(parsing: "short") }
        #expect(throws: ServiceSettings.Invalid.self) {
            try APIKeys(parsing: "a:0123456789abcdef0,a:0123456789abcdef1")
        }
        #expect(throws: ServiceSettings.Invalid.self) { try APIKeys(parsing: "a:0123456789abcdef0,,") }
    }

    @Test func anyAddressButLoopbackNeedsKeys() throws {
        #expect(throws: ServiceSettings.Invalid.self) {
            try ServiceSettings(environment: [:], host: "0.0.0.0", port: 8000)
        }
        let exposed = try ServiceSettings(
            environment: ["SPARK_API_KEYS": Self.keys], host: "0.0.0.0", port: 8000)
        #expect(!exposed.isLoopback)
        #expect(try ServiceSettings(environment: [:], host: "127.0.0.1", port: 8000).isLoopback)
        #expect(throws: ServiceSettings.Invalid.self) {
            try ServiceSettings(environment: ["SPARK_HTTP_MAX_BODY_BYTES": "lots"], host: nil, port: nil)
        }
    }

    @Test func onePlaceTooManyIs429WithRetryAfter() async throws {
        let service = try await ServiceHarness { $0.maxConcurrentChats = 1 }
        defer { service.stop() }
        service.model.enqueue(.stall(afterChunks: 1))
        let (stream, head) = try await service.openStream(#"{"message": "long"}"#)
        #expect(head.status == 200)
        for await event in stream.events() where event.event == "delta" { break }
        let refused = try await service.post("/chat", json: #"{"message": "another"}"#)
        #expect(refused.status == 429)
        #expect(refused.errorCode == "too_many_requests")
        #expect(refused.headers["retry-after"] == "1")
        stream.hangUp()
        #expect(await service.model.waitForDisconnect())
    }

    @Test func noCORSUnlessConfigured() async throws {
        let plain = try await ServiceHarness()
        defer { plain.stop() }
        let reply = try await plain.get("/health", headers: ["Origin": "https://example.org"])
        #expect(reply.headers["access-control-allow-origin"] == nil)

        let cors = try await ServiceHarness { $0.corsOrigins = ["https://app.example.org"] }
        defer { cors.stop() }
        let allowed = try await cors.get("/health", headers: ["Origin": "https://app.example.org"])
        #expect(allowed.headers["access-control-allow-origin"] == "https://app.example.org")
        let other = try await cors.get("/health", headers: ["Origin": "https://evil.example.org"])
        #expect(other.headers["access-control-allow-origin"] == nil)
        let preflight = try await HTTPTestClient.send(
            port: cors.port, "OPTIONS", "/chat",
            headers: ["Origin": "https://app.example.org", "Access-Control-Request-Method": "POST"])
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-methods"]?.contains("POST") == true)
    }
}
