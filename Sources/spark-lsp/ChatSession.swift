import AgentCore

/// The conversation `spark-lsp chat --session ID` continues: loaded from the `SessionStore` in the
/// data directory before the run, appended to after it. Without `--session` nothing is stored.
struct ChatSession {
    /// The session id the run uses (a fresh `cli-<uuid>` when none was given).
    let id: String
    private let store: SessionStore?

    /// Opens the sessions database of the data directory (`SPARK_DATA_DIR`, the workspace's
    /// `.spark/`, or the user's cache directory) when `id` is given.
    init(id: String?, dataDirectory: DataDirectory, freshID: () -> String) throws {
        guard let id else {
            self.id = freshID()
            store = nil
            return
        }
        self.id = id
        store = try SessionStore(directory: dataDirectory)
    }

    /// The stored conversation (empty for a new session), cut before any unanswered tool call.
    func history() async throws -> [ChatMessage] {
        guard let store else { return [] }
        return RunTranscript.answeredPrefix(of: try await store.messages(session: id))
    }

    /// The agent the stored conversation continues with, if any.
    func activeAgent() async throws -> String? {
        try await store?.activeAgent(session: id)
    }

    /// Appends a run: the user's message first, then the run's messages, and the agent the next
    /// message goes to. A run that added nothing answered (it failed at once) stores nothing,
    /// so retrying the same message does not repeat it in the history.
    func record(user: ChatMessage, run messages: [ChatMessage], finished: Bool, agent: String) async throws {
        guard let store, finished || !messages.isEmpty else { return }
        try await store.append([user] + messages, session: id, activeAgent: agent)
    }
}
