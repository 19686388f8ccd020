import AgentCore
import SparkJSON
import SparkTestSupport
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one conversation lifecycle: what a turn stores after success, failure and cancellation, the
/// answering agent, and the terminal event.
@Suite struct ChatServiceTests {
    /// A service over the scripted model server, with a `note` tool and a `see` tool (records that the
    /// conversation saw a file, says whether it had) on a throwaway `helper` agent.
    final class Fixture: Sendable {
        let model: ScriptedModelServer
        let directory: TemporaryDirectory
        let service: ChatService
        let surface: ChatSurface
        let events = Mutex<[ChatEvent]>([])

        init(sessionStorage: (any SessionStorage)? = nil) throws {
            model = try ScriptedModelServer(models: ["m"])
            directory = try TemporaryDirectory()
            let note = TypedTool<[String: String]>(name: "note", description: "Notes a word.") { arguments, _ in
                ToolResult("noted \(arguments["word"] ?? "")")
            }
            let helper = FixtureAgentModule(name: "helper", description: "Helps.") { run in
                let see = TypedTool<[String: String]>(name: "see", description: "Looks at a file.") {
                    arguments, context in
                    let path = arguments["path"] ?? ""
                    let before = run.seenFiles.seen(path, session: context.sessionID) != nil
                    run.seenFiles.record(
                        SeenFile(text: "x", version: nil, source: .read), path: path, session: context.sessionID)
                    return ToolResult(before ? "seen before" : "first sight")
                }
                return [note, see]
            }
            service = ChatService(
                client: HTTPModelClient(logger: .silent, options: HTTPModelClient.Options(maxRetries: 0)),
                modules: [helper],
                environment: [
                    "VLLM_ENDPOINT": model.endpoint.baseURL, "SUPERVISOR_MODEL": "m", "WORKSPACE_DIR": directory.path,
                    "SPARK_MODEL_FALLBACK": "false",
                ], sessionStorage: sessionStorage, sessionPrefix: "test", logger: .silent)
            surface = ChatSurface(
                editor: RecordingWorkspaceEditor(), approval: AllowAllPolicy(),
                settings: [["agents": ["helper": ["model": "m"]]]])
        }

        func run(_ request: ChatTurnRequest) async throws -> ChatTurnResult {
            try await service.run(request, on: surface) { event in self.events.withLock { $0.append(event) } }
        }

        func stored(_ session: String) async throws -> [ChatMessage] {
            try await service.history(of: session, on: surface).messages
        }
    }

    @Test func aFinishedTurnStoresEverythingAndTheLastAgentAnswersNext() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_helper", arguments: [:])]))
        fixture.model.enqueue(.text("hello"))
        let result = try await fixture.run(ChatTurnRequest(message: "hi", sessionID: "s"))
        #expect(result.agent == "helper" && result.content == "hello" && result.sessionID == "s")
        let stored = try await fixture.stored("s")
        #expect(stored.map(\.role) == [.user, .assistant, .tool, .assistant])
        #expect(try await fixture.service.history(of: "s", on: fixture.surface).agent == "helper")
        #expect(fixture.events.withLock { $0.last?.kind } == "done")

        fixture.model.enqueue(.text("again"))
        _ = try await fixture.run(ChatTurnRequest(message: "more", sessionID: "s"))
        #expect(fixture.model.requests.last?.body?["model"] == "m")
        #expect(try await fixture.stored("s").count == 6)
    }

    @Test func aFailedTurnKeepsOnlyItsAnsweredPartAndTheSessionStaysUsable() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        // The helper calls its tool, then the model server fails.
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(id: "n1", name: "note", arguments: ["word": "x"])]))
        fixture.model.enqueue(.error(status: 500, message: "boom"))
        let error = await #expect(throws: ChatError.self) {
            try await fixture.run(ChatTurnRequest(message: "note x", sessionID: "f", agent: "helper"))
        }
        #expect(error?.code == .run && error?.message.contains("agent helper") == true)
        #expect(try await fixture.stored("f").map(\.role) == [.user, .assistant, .tool])
        let last = fixture.events.withLock { $0.last }
        #expect(last?.kind == "error" && last?.agent == "helper")

        // A turn that fails before answering anything stores nothing.
        fixture.model.enqueue(.error(status: 500, message: "boom"))
        _ = await #expect(throws: ChatError.self) {
            try await fixture.run(ChatTurnRequest(message: "again", sessionID: "empty", agent: "helper"))
        }
        #expect(try await fixture.stored("empty").isEmpty)

        // The failed session goes on: its history is sent, without orphan tool calls.
        fixture.model.enqueue(.text("fine"))
        _ = try await fixture.run(ChatTurnRequest(message: "go on", sessionID: "f"))
        let sent = fixture.model.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
        #expect(sent == ["system", "user", "assistant", "tool", "user"])
    }

    @Test func aCancelledTurnEndsWithACancelledEventAndKeepsTheAnsweredPart() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        fixture.model.enqueue(.toolCalls([ScriptedToolCall(id: "n1", name: "note", arguments: ["word": "x"])]))
        fixture.model.enqueue(.stall(afterChunks: 1))
        let (started, signal) = AsyncStream<Void>.makeStream()
        let service = fixture.service
        let surface = fixture.surface
        let task = Task {
            try await service.run(ChatTurnRequest(message: "go", sessionID: "c", agent: "helper"), on: surface) {
                event in
                if case .delta = event { signal.yield() }
            }
        }
        for await _ in started { break }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await fixture.stored("c").map(\.role) == [.user, .assistant, .tool])
    }

    @Test func badRequestsAreRefusedBeforeAnyModelCall() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let empty = await #expect(throws: ChatError.self) { try await fixture.run(ChatTurnRequest(message: "")) }
        #expect(empty?.code == .invalidRequest)
        let unknown = await #expect(throws: ChatError.self) {
            try await fixture.run(ChatTurnRequest(message: "hi", agent: "poet"))
        }
        #expect(unknown?.code == .invalidRequest && unknown?.message.contains("supervisor, helper") == true)
        #expect(fixture.model.requests.isEmpty)
    }

    @Test func aTurnThatIsNotPersistentStoresNothing() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        fixture.model.enqueue(.text("hello"))
        let result = try await fixture.run(ChatTurnRequest(message: "hi", agent: "helper", persistent: false))
        #expect(result.sessionID.hasPrefix("test-"))
        #expect(try await fixture.service.sessions(on: fixture.surface).isEmpty)
    }

    @Test func whatASessionSawOfAFileLastsAcrossItsTurnsUntilItIsReset() async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        func see(in session: String) async throws -> String? {
            fixture.model.enqueue(.toolCalls([ScriptedToolCall(name: "see", arguments: ["path": "/ws/a.py"])]))
            fixture.model.enqueue(.text("ok"))
            _ = try await fixture.run(ChatTurnRequest(message: "look", sessionID: session, agent: "helper"))
            let request = fixture.model.requests.last?.body?["messages"]?.arrayValue
            return request?.last { $0["role"] == "tool" }?["content"]?.stringValue
        }
        #expect(try await see(in: "s") == "first sight")
        #expect(try await see(in: "s") == "seen before", "the next turn of the session remembers")
        #expect(try await see(in: "t") == "first sight", "another session has not seen it")
        try await fixture.service.reset(session: "s", on: fixture.surface)
        #expect(try await see(in: "s") == "first sight", "a reset session has seen nothing")
    }

    @Test func aTurnThatStartsItsSessionReadsNothingAndStoresItsTurn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let storage = ReadCountingStorage(try SessionStore(path: directory.path + "/sessions.sqlite"))
        let fixture = try Fixture(sessionStorage: storage)
        defer { fixture.directory.remove() }
        fixture.model.enqueue(.text("hello"))
        var first = ChatTurnRequest(message: "hi", sessionID: fixture.service.freshSessionID(), agent: "helper")
        first.startsSession = true
        let result = try await fixture.run(first)
        #expect(storage.reads == 0, "a session made for this turn has no history to read")
        #expect(try await fixture.stored(result.sessionID).map(\.role) == [.user, .assistant])

        // The next turn of that session reads it and sends it.
        fixture.model.enqueue(.text("again"))
        _ = try await fixture.run(ChatTurnRequest(message: "more", sessionID: result.sessionID))
        #expect(storage.reads > 0)
        let sent = fixture.model.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
        #expect(sent == ["system", "user", "assistant", "user"])
    }
}

/// A session storage that counts the reads of a run (messages and active agent) and forwards everything.
private final class ReadCountingStorage: SessionStorage {
    private let inner: SessionStore
    private let count = Mutex(0)

    init(_ inner: SessionStore) { self.inner = inner }

    var reads: Int { count.withLock { $0 } }

    func append(_ messages: [ChatMessage], session: String, activeAgent: String, owner: String?) async throws {
        try await inner.append(messages, session: session, activeAgent: activeAgent, owner: owner)
    }

    func messages(session: String) async throws -> [ChatMessage] {
        count.withLock { $0 += 1 }
        return try await inner.messages(session: session)
    }

    func activeAgent(session: String) async throws -> String? {
        count.withLock { $0 += 1 }
        return try await inner.activeAgent(session: session)
    }

    func owner(session: String) async throws -> (exists: Bool, owner: String?) {
        try await inner.owner(session: session)
    }
    func sessions() async throws -> [SessionSummary] { try await inner.sessions() }
    func reset(session: String) async throws { try await inner.reset(session: session) }
    func delete(session: String) async throws { try await inner.delete(session: session) }
}
