import SparkJSON
import SparkTestSupport
import Testing

/// `POST /chat/stream`: server-sent events in `spark/chatEvent`'s shape, in order, ending with `done`.
@Suite struct StreamRouteTests {
    @Test func eventsComeInOrderAndEndWithDone() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_coding", arguments: [:])]))
        service.model.enqueue(.text("Coding here.", chunks: 2))
        let (client, head) = try await service.openStream(#"{"message": "Fix the bug", "stream": true}"#)
        #expect(head.status == 200)
        #expect(head.headers["content-type"] == "text/event-stream")
        let events = try await withDeadline(.seconds(30)) { await client.remainingEvents() }
        #expect(events.map(\.event) == ["toolCall", "toolResult", "handoff", "delta", "delta", "done"])
        #expect(events.allSatisfy { $0.data["kind"]?.stringValue == $0.event }, "each event is named by its kind")
        let session = try #require(events.first?.data["sessionId"]?.stringValue)
        #expect(events.allSatisfy { $0.data["sessionId"]?.stringValue == session })
        #expect(events[0].data["name"] == "transfer_to_coding")
        #expect(events[2].data["from"] == "supervisor")
        #expect(events[2].data["to"] == "coding")
        #expect(events[3...4].compactMap { $0.data["text"]?.stringValue }.joined() == "Coding here.")
        let done = events[5].data
        #expect(done["agent"] == "coding")
        #expect(done["content"] == "Coding here.")
        #expect(done["status"] == "ok")
        #expect(done["usage"]?["total_tokens"]?.intValue ?? 0 > 0)
    }

    @Test func aFailedRunEndsWithErrorThenDone() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.modelNotFound("gpt-oss-120b"))
        let (client, _) = try await service.openStream(#"{"message": "hi"}"#)
        let events = try await withDeadline(.seconds(30)) { await client.remainingEvents() }
        #expect(events.map(\.event).suffix(2) == ["error", "done"])
        #expect(events.last?.data["status"] == "error")
        #expect(events.dropLast().last?.data["message"]?.stringValue?.contains("gpt-oss-120b") == true)
    }

    @Test func aClientThatHangsUpCancelsTheModelStream() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.stall(afterChunks: 2))
        let (client, head) = try await service.openStream(#"{"message": "Talk", "session_id": "gone"}"#)
        #expect(head.status == 200)
        for await event in client.events() where event.event == "delta" { break }
        client.hangUp()
        #expect(await service.model.waitForDisconnect(), "the model's stream was aborted")
        // The cancelled run stored nothing it did not answer, and the service still answers.
        let sessions = try await service.get("/sessions")
        #expect(sessions.status == 200)
    }

    @Test func aStreamThatStartsASessionStoresItsTurnBeforeDoneAndTheSessionContinues() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.text("First answer."))
        let (client, _) = try await service.openStream(#"{"message": "Start", "agent_type": "coding"}"#)
        let events = try await withDeadline(.seconds(30)) { await client.remainingEvents() }
        #expect(events.map(\.event) == ["delta", "done"])
        let session = try #require(events.last?.data["sessionId"]?.stringValue)
        #expect(session.hasPrefix("http-"))
        // `done` comes after the turn is stored.
        let history = try await service.get("/sessions/\(session)")
        #expect(history.json["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue } == ["user", "assistant"])
        #expect(history.json["agent"] == "coding")

        service.model.enqueue(.text("Second answer."))
        let (next, _) = try await service.openStream(#"{"message": "Go on", "session_id": "\#(session)"}"#)
        let more = try await withDeadline(.seconds(30)) { await next.remainingEvents() }
        #expect(more.last?.data["status"] == "ok")
        let sent = service.model.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
        #expect(sent == ["system", "user", "assistant", "user"], "the second turn sends the first")
    }
}
