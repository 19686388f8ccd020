/// Where conversations live: each session's messages in order, the agent it continues with, its title and its
/// owner. ``SessionStore`` (a SQLite file, the default everywhere) and the service's PostgreSQL store
/// (`DATABASE_URL`, for several replicas) implement it with the same schema and migrations.
///
/// Every implementation keeps the same contract (SparkTestSupport's `SessionStorageContract` checks it): appends
/// are all or nothing and keep each writer's order; a session's owner is set when it is created and never changes;
/// an unknown session has no messages and no agent.
public protocol SessionStorage: Sendable {
    /// Appends `messages` to the end of `session` (creating it, owned by `owner`) and records `activeAgent` as
    /// the agent the conversation continues with. All or nothing.
    func append(_ messages: [ChatMessage], session: String, activeAgent: String, owner: String?) async throws
    /// The messages of `session` in order; empty for an unknown session.
    func messages(session: String) async throws -> [ChatMessage]
    /// The agent `session` continues with, or `nil` for an unknown session.
    func activeAgent(session: String) async throws -> String?
    /// Whether `session` exists, and who owns it (`nil`: no owner, made without an API key).
    func owner(session: String) async throws -> (exists: Bool, owner: String?)
    /// Every session, the most recently updated first.
    func sessions() async throws -> [SessionSummary]
    /// Forgets the messages, title and active agent of `session`; it stays listed, empty.
    func reset(session: String) async throws
    /// Deletes `session` and its messages.
    func delete(session: String) async throws
}

extension SessionStorage {
    /// Appends `messages` to `session`, made without an owner when it is new.
    public func append(_ messages: [ChatMessage], session: String, activeAgent: String) async throws {
        try await append(messages, session: session, activeAgent: activeAgent, owner: nil)
    }
}
