import AgentCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct SessionStoreTests {
    /// One message of every shape the engine stores.
    static let conversation: [ChatMessage] = [
        .system("You are the supervisor."),
        ChatMessage(
            role: .user,
            content: .parts([
                .text("What is in this picture?"), .imageURL(url: "data:image/png;base64,iVBORw0KGgo=", detail: "low"),
            ]),
            name: "ana"),
        ChatMessage(
            role: .assistant, content: nil,
            toolCalls: [
                ToolCall(id: "call_1", name: "transfer_to_image", arguments: "{}"),
                ToolCall(id: "call_2", name: "read_file", arguments: "{\"path\": \"a b/ü.swift\",\r\n \"line\": 3}"),
            ],
            reasoningContent: "The image agent should answer.", agent: "supervisor"),
        .tool(callID: "call_1", name: "transfer_to_image", "{\"assistant\": \"image\"}"),
        ChatMessage(role: .tool, content: .text(""), toolCallID: "call_2"),
        .assistant("A cat on a \"mat\".\n\u{0}end", agent: "image"),
        .user("  \n  Thanks!  \nBye"),
    ]

    @Test func roundTripsEveryMessageShape() async throws {
        let directory = try StorageTestDirectory()
        let store = try SessionStore(path: directory.file("sessions.sqlite"))
        try await store.append(Self.conversation, session: "s1", activeAgent: "image")
        #expect(try await store.messages(session: "s1") == Self.conversation)
        #expect(try await store.activeAgent(session: "s1") == "image")
        #expect(try await store.messages(session: "other").isEmpty)
        #expect(try await store.activeAgent(session: "other") == nil)
    }

    @Test func resumesAfterReopening() async throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("nested/dirs/sessions.sqlite")
        do {
            let store = try SessionStore(path: path)
            try await store.append(Array(Self.conversation.prefix(3)), session: "s1", activeAgent: "supervisor")
        }
        let reopened = try SessionStore(path: path)
        try await reopened.append(Array(Self.conversation.dropFirst(3)), session: "s1", activeAgent: "image")
        #expect(try await reopened.messages(session: "s1") == Self.conversation)
        #expect(try await reopened.activeAgent(session: "s1") == "image")
    }

    @Test func listsSessionsWithTitlesTimesAndCounts() async throws {
        let directory = try StorageTestDirectory()
        let clock = StorageTestClock()
        let store = try SessionStore(path: directory.file("s.sqlite"), now: clock.now)
        clock.set(1_000)
        try await store.append([.system("rules"), .assistant("hi")], session: "a", activeAgent: "supervisor")
        clock.set(2_000)
        try await store.append([.user("Fix the build\nplease")], session: "b", activeAgent: "coding")
        clock.set(3_000)
        try await store.append([.user(String(repeating: "x", count: 200))], session: "a", activeAgent: "rag")
        try await store.append([.user("second question")], session: "a", activeAgent: "rag")

        let sessions = try await store.sessions()
        #expect(sessions.map(\.id) == ["a", "b"])
        let a = sessions[0]
        #expect(a.title == String(repeating: "x", count: 79) + "…")
        #expect(a.createdAt == Date(timeIntervalSince1970: 1_000))
        #expect(a.updatedAt == Date(timeIntervalSince1970: 3_000))
        #expect(a.messageCount == 4)
        #expect(a.activeAgent == "rag")
        #expect(
            sessions[1]
                == SessionSummary(
                    id: "b", title: "Fix the build", createdAt: Date(timeIntervalSince1970: 2_000),
                    updatedAt: Date(timeIntervalSince1970: 2_000), messageCount: 1, activeAgent: "coding"))
    }

    @Test func resetEmptiesASessionAndDeleteRemovesIt() async throws {
        let directory = try StorageTestDirectory()
        let store = try SessionStore(path: directory.file("s.sqlite"))
        try await store.append(Self.conversation, session: "keep", activeAgent: "image")
        try await store.append(Self.conversation, session: "gone", activeAgent: "image")

        try await store.reset(session: "keep")
        #expect(try await store.messages(session: "keep").isEmpty)
        #expect(try await store.activeAgent(session: "keep") == nil)
        #expect(try await store.sessions().first { $0.id == "keep" }?.messageCount == 0)
        try await store.append([.user("again")], session: "keep", activeAgent: "supervisor")
        #expect(try await store.messages(session: "keep") == [.user("again")])
        #expect(try await store.sessions().first { $0.id == "keep" }?.title == "again")

        try await store.delete(session: "gone")
        #expect(try await store.messages(session: "gone").isEmpty)
        #expect(try await store.sessions().map(\.id) == ["keep"])
    }

    @Test func keepsEveryConcurrentAppendInOrderPerWriter() async throws {
        let directory = try StorageTestDirectory()
        let path = directory.file("s.sqlite")
        let stores = [try SessionStore(path: path), try SessionStore(path: path)]
        try await withThrowingTaskGroup { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<25 {
                        try await stores[writer % 2].append(
                            [.user("w\(writer)-\(index)"), .assistant("r\(writer)-\(index)")], session: "shared",
                            activeAgent: "agent\(writer)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let messages = try await stores[0].messages(session: "shared")
        #expect(messages.count == 200)
        for writer in 0..<4 {
            let own = messages.map(\.text).filter { $0.hasPrefix("w\(writer)-") }
            #expect(own == (0..<25).map { "w\(writer)-\($0)" })
        }
        // Each append is atomic: a reply always follows its question.
        for pair in stride(from: 0, to: messages.count, by: 2) {
            #expect(messages[pair + 1].text == "r" + messages[pair].text.dropFirst())
        }
    }
}
