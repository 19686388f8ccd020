import AgentCore
import SparkLSP
import SparkTestSupport
import Testing

@Suite struct ChatCancellationTests {
    @Test func cancelMidStreamAbortsTheModelStreamRepliesCancelledAndKeepsTheSession() async throws {
        let fixture = try await EditorFixture()
        fixture.model.enqueue(.stall(afterChunks: 1))
        fixture.client.writeFrame(
            #"{"jsonrpc":"2.0","id":"chat-1","method":"spark/chat","params":{"message":"long","agent":"coding","sessionId":"s-1","token":"tk"}}"#
        )
        let first = try await fixture.client.nextNotification(ofType: ChatEventNotification.self)
        #expect(first.kind == "delta")
        fixture.client.notify(CancelRequestNotification(id: .string("chat-1")))
        let reply = try await fixture.client.nextUnmatchedResponse()
        #expect(reply.id == .string("chat-1"))
        #expect(reply.error?.code == .requestCancelled)
        #expect(await fixture.model.waitForDisconnect())
        let last = try await fixture.client.nextNotification(ofType: ChatEventNotification.self)
        #expect(last.kind == "error")

        fixture.model.enqueue(.text("still here"))
        let again = try await fixture.client.send(SparkChatRequest(message: "again", sessionId: "s-1", agent: "coding"))
        #expect(again.content == "still here")
        let history = try await fixture.client.send(SessionRequest(sessionId: "s-1"))
        #expect(history.messages.compactMap { $0["content"]?.stringValue } == ["again", "still here"])
    }
}
