import SparkJSON
import SparkTestSupport
import Testing

/// `GET /sessions`, `GET /sessions/{id}`, `DELETE /sessions/{id}`, and sessions owned by API keys.
@Suite struct SessionRouteTests {
    static let alice = ["Authorization": "Bearer alice-key-0123456789abcdef"]
    static let bob = ["Authorization": "Bearer bob-key-0123456789abcdef00"]

    @Test func listShowAndDelete() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.text("Answer."))
        let chat = try await service.post("/chat", json: #"{"message": "Question\nmore", "session_id": "s1"}"#)
        #expect(chat.status == 200, "\(chat.text)")

        let list = try await service.get("/sessions")
        #expect(list.status == 200)
        let entry = try #require(list.json["sessions"]?.arrayValue?.first)
        #expect(entry["id"] == "s1")
        #expect(entry["title"] == "Question")
        #expect(entry["agent"] == "supervisor")
        #expect(entry["message_count"] == 2)
        #expect(entry["created_at"]?.stringValue?.hasSuffix("Z") == true)

        let history = try await service.get("/sessions/s1")
        #expect(history.status == 200)
        #expect(history.json["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue } == ["user", "assistant"])

        let deleted = try await service.delete("/sessions/s1")
        #expect(deleted.status == 200)
        #expect(deleted.json["deleted"] == true)
        #expect(try await service.get("/sessions/s1").status == 404)
        #expect(try await service.delete("/sessions/s1").status == 404)
        #expect(try await service.get("/sessions").json["sessions"] == .array([]))
    }

    @Test func anUnknownSessionIs404() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        let reply = try await service.get("/sessions/nope")
        #expect(reply.status == 404)
        #expect(reply.errorCode == "not_found")
    }

    @Test func aSessionBelongsToTheKeyThatMadeIt() async throws {
        let service = try await ServiceHarness {
            $0.apiKeys = try! .init(parsing: "alice:alice-key-0123456789abcdef,bob:bob-key-0123456789abcdef00")
        }
        defer { service.stop() }
        service.model.enqueue(.text("For Alice."))
        let made = try await service.post(
            "/chat", json: #"{"message": "Mine", "session_id": "a1"}"#, headers: Self.alice)
        #expect(made.status == 200, "\(made.text)")
        #expect(try await service.get("/sessions/a1", headers: Self.alice).status == 200)

        #expect(try await service.get("/sessions/a1", headers: Self.bob).status == 404)
        #expect(try await service.delete("/sessions/a1", headers: Self.bob).status == 404)
        let hijack = try await service.post(
            "/chat", json: #"{"message": "Yours?", "session_id": "a1"}"#, headers: Self.bob)
        #expect(hijack.status == 404)
        #expect(try await service.get("/sessions", headers: Self.bob).json["sessions"] == .array([]))
        #expect(try await service.get("/sessions", headers: Self.alice).json["sessions"]?.arrayValue?.count == 1)
        #expect(service.model.requests.count == 1, "Bob's attempt reached no model")
    }
}
