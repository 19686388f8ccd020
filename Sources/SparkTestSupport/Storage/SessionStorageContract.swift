import AgentCore
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What every `SessionStorage` must do, checked the same way on SQLite (AgentCoreTests) and PostgreSQL
/// (SparkPostgresTests). Each check throws a ``Violation`` that says what differed.
///
/// `open` opens a new store (a new connection) on the one, initially empty, database a check runs on, with `now`
/// stamping its times; opening it twice gives two writers on the same data.
public struct SessionStorageContract: Sendable {
    /// A difference between what a store did and the contract.
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    public typealias Open = @Sendable (_ now: @escaping @Sendable () -> Date) async throws -> any SessionStorage
    private let open: Open

    public init(open: @escaping Open) { self.open = open }

    /// One message of every shape the engine stores (multimodal parts, tool calls with reasoning, an empty tool
    /// result, quotes, newlines and a NUL character).
    public static let conversation: [ChatMessage] = [
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

    /// Every check, in turn.
    public func checkAll() async throws {
        try await roundTripsEveryMessageShape()
        try await resumesInAnotherStore()
        try await listsSessionsWithTitlesTimesAndCounts()
        try await resetEmptiesASessionAndDeleteRemovesIt()
        try await keepsTheOwnerItWasCreatedWith()
        try await keepsEveryConcurrentAppendInOrderPerWriter()
    }

    public func roundTripsEveryMessageShape() async throws {
        let store = try await open { Date() }
        try await store.append(Self.conversation, session: "s1", activeAgent: "image")
        try expect(try await store.messages(session: "s1"), Self.conversation, "the stored conversation")
        try expect(try await store.activeAgent(session: "s1"), "image", "the active agent")
        try expect(try await store.messages(session: "other"), [], "an unknown session's messages")
        try expect(try await store.activeAgent(session: "other"), nil, "an unknown session's agent")
    }

    public func resumesInAnotherStore() async throws {
        let first = try await open { Date() }
        try await first.append(Array(Self.conversation.prefix(3)), session: "r1", activeAgent: "supervisor")
        let second = try await open { Date() }
        try await second.append(Array(Self.conversation.dropFirst(3)), session: "r1", activeAgent: "image")
        try expect(try await first.messages(session: "r1"), Self.conversation, "the conversation both wrote")
        try expect(try await first.activeAgent(session: "r1"), "image", "the agent the second store set")
    }

    public func listsSessionsWithTitlesTimesAndCounts() async throws {
        let clock = Clock()
        let store = try await open(clock.now)
        clock.set(1_000)
        try await store.append([.system("rules"), .assistant("hi")], session: "a", activeAgent: "supervisor")
        clock.set(2_000)
        try await store.append([.user("Fix the build\nplease")], session: "b", activeAgent: "coding")
        clock.set(3_000)
        try await store.append([.user(String(repeating: "x", count: 200))], session: "a", activeAgent: "rag")
        try await store.append([.user("second question")], session: "a", activeAgent: "rag")

        let sessions = try await store.sessions().filter { ["a", "b"].contains($0.id) }
        try expect(sessions.map(\.id), ["a", "b"], "the most recently updated first")
        try expect(
            sessions[0],
            SessionSummary(
                id: "a", title: String(repeating: "x", count: 79) + "…", createdAt: Date(timeIntervalSince1970: 1_000),
                updatedAt: Date(timeIntervalSince1970: 3_000), messageCount: 4, activeAgent: "rag"),
            "session a")
        try expect(
            sessions[1],
            SessionSummary(
                id: "b", title: "Fix the build", createdAt: Date(timeIntervalSince1970: 2_000),
                updatedAt: Date(timeIntervalSince1970: 2_000), messageCount: 1, activeAgent: "coding"),
            "session b")
    }

    public func resetEmptiesASessionAndDeleteRemovesIt() async throws {
        let store = try await open { Date() }
        try await store.append(Self.conversation, session: "keep", activeAgent: "image")
        try await store.append(Self.conversation, session: "gone", activeAgent: "image")

        try await store.reset(session: "keep")
        try expect(try await store.messages(session: "keep"), [], "a reset session's messages")
        try expect(try await store.activeAgent(session: "keep"), nil, "a reset session's agent")
        try expect(try await store.sessions().first { $0.id == "keep" }?.messageCount, 0, "a reset session's count")
        try await store.append([.user("again")], session: "keep", activeAgent: "supervisor")
        try expect(try await store.messages(session: "keep"), [.user("again")], "messages after a reset")
        try expect(try await store.sessions().first { $0.id == "keep" }?.title, "again", "the title after a reset")

        try await store.delete(session: "gone")
        try expect(try await store.messages(session: "gone"), [], "a deleted session's messages")
        try expect(try await store.owner(session: "gone").exists, false, "whether a deleted session exists")
        try expect(
            try await store.sessions().contains { $0.id == "gone" }, false, "whether a deleted session is listed")
    }

    public func keepsTheOwnerItWasCreatedWith() async throws {
        let store = try await open { Date() }
        try await store.append([.user("mine")], session: "owned", activeAgent: "supervisor", owner: "key-a")
        try await store.append([.user("still mine")], session: "owned", activeAgent: "coding", owner: "key-b")
        try await store.append([.user("nobody's")], session: "free", activeAgent: "supervisor")
        let owned = try await store.owner(session: "owned")
        try expect(owned.exists, true, "whether the owned session exists")
        try expect(owned.owner, "key-a", "the owner after another key appended")
        let free = try await store.owner(session: "free")
        try expect(free.exists, true, "whether the free session exists")
        try expect(free.owner, nil, "the owner of a session made without a key")
        try expect(try await store.owner(session: "unknown").exists, false, "whether an unknown session exists")
        try expect(
            try await store.sessions().first { $0.id == "owned" }?.owner, "key-a", "the listed owner")
    }

    public func keepsEveryConcurrentAppendInOrderPerWriter() async throws {
        let stores = [try await open { Date() }, try await open { Date() }]
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
        try expect(messages.count, 200, "the number of messages four writers appended")
        for writer in 0..<4 {
            let own = messages.map(\.text).filter { $0.hasPrefix("w\(writer)-") }
            try expect(own, (0..<25).map { "w\(writer)-\($0)" }, "writer \(writer)'s order")
        }
        // Each append is atomic: a reply always follows its question.
        for pair in stride(from: 0, to: messages.count, by: 2) {
            try expect(messages[pair + 1].text, "r" + messages[pair].text.dropFirst(), "the reply at \(pair + 1)")
        }
    }

    private func expect<Value: Equatable>(_ actual: Value, _ expected: Value, _ what: String) throws {
        guard actual == expected else {
            throw Violation(description: "\(what): expected \(expected), got \(actual)")
        }
    }

    /// A clock a check moves by hand.
    private final class Clock: Sendable {
        private let seconds = Mutex<Double>(0)
        func set(_ value: Double) { seconds.withLock { $0 = value } }
        var now: @Sendable () -> Date { { [self] in Date(timeIntervalSince1970: seconds.withLock { $0 }) } }
    }
}
