import AgentCore

/// The sessions database after the soak, read with the project's own SQLite layer (not through `spark/session`,
/// which cuts a session before unanswered tool calls and would hide a half-stored turn).
struct SoakStorageCheck {
    /// How an operation ended, as the client saw it.
    enum Outcome: Sendable {
        /// Answered with a result: its turn is stored in full, once.
        case finished(session: String)
        /// Failed after the given number of tool results: stored up to its last complete tool exchange when it
        /// had one, else not at all.
        case failed(toolResults: Int)
        /// Cancelled: stored up to its last complete tool exchange, which may hold results the client never saw
        /// (the run ends at its next await after the cancel; events still buffered then are not sent).
        case cancelled
        /// The server was killed or lost its client during the operation: stored whole, in part or not at all.
        case unknown
    }

    var integrity = ""
    var sessions = 0
    var messages = 0
    /// Finished operations whose turn is missing.
    var lostRows: [String] = []
    /// Turns that break the storage rule (a tool call without its result, a lone user message, a turn stored twice).
    var halfStored: [String] = []

    /// Checks the database at `path` against the outcomes of the chat operations (by operation id).
    init(path: String, chats: [String: (SoakOperation, Outcome)]) async throws {
        let database = try SQLiteDatabase(path: path, mode: .readOnly)
        integrity = try database.query("PRAGMA integrity_check").map { $0[0].stringValue ?? "" }.joined(separator: "; ")
        let store = try SessionStore(path: path)
        var stored: [String: Int] = [:]
        var storedIn: [String: String] = [:]
        for summary in try await store.sessions() {
            sessions += 1
            let history = try await store.messages(session: summary.id)
            messages += history.count
            for (index, turn) in Self.turns(history).enumerated() {
                let label = "\(summary.id) turn \(index)"
                if let problem = Self.problem(in: turn) { halfStored.append("\(label): \(problem)") }
                let text = turn.first?.text ?? ""
                if text.hasPrefix("soak op-"), let id = text.dropFirst(5).split(separator: ":").first {
                    stored[String(id), default: 0] += 1
                    storedIn[String(id)] = summary.id
                }
            }
        }
        for (id, (operation, outcome)) in chats {
            let count = stored[id] ?? 0
            if count > 1 { halfStored.append("\(id) stored \(count) times") }
            switch outcome {
            case .finished(let session):
                if count == 0 { lostRows.append("\(id) finished but is not stored") }
                if count == 1, storedIn[id] != session {
                    lostRows.append("\(id) is stored in \(storedIn[id] ?? "?"), not \(session)")
                }
                _ = operation
            case .failed(let toolResults):
                if toolResults == 0, count > 0 { halfStored.append("\(id) answered nothing but is stored") }
            case .cancelled, .unknown: break
            }
        }
    }

    /// The turns of a history: each user message with what follows it up to the next user message.
    static func turns(_ history: [ChatMessage]) -> [[ChatMessage]] {
        var turns: [[ChatMessage]] = []
        for message in history {
            if message.role == .user || turns.isEmpty {
                turns.append([message])
            } else {
                turns[turns.count - 1].append(message)
            }
        }
        return turns
    }

    /// What breaks the storage rule in `turn`, if anything.
    static func problem(in turn: [ChatMessage]) -> String? {
        guard turn.first?.role == .user else { return "does not start with a user message" }
        guard turn.count > 1 else { return "a user message with nothing after it" }
        var open: Set<String> = []
        for message in turn.dropFirst() {
            switch message.role {
            case .assistant:
                if !open.isEmpty { return "an assistant message before the results of \(open.sorted())" }
                open = Set((message.toolCalls ?? []).map(\.id))
            case .tool:
                guard let id = message.toolCallID, open.remove(id) != nil else {
                    return "a tool result for \(message.toolCallID ?? "nil") that no open call made"
                }
            case .user, .system:
                return "a \(message.role.rawValue) message inside the turn"
            }
        }
        return open.isEmpty ? nil : "tool calls without results: \(open.sorted())"
    }
}
