extension ChatService {
    /// The stored sessions, most recently updated first.
    public func sessions(on surface: ChatSurface) async throws(ChatError) -> [SessionSummary] {
        let store = try sessionStore(try configuration(on: surface))
        do {
            return try await store.sessions()
        } catch {
            throw ChatError(.storage, "cannot list the sessions: \(error)")
        }
    }

    /// A session's stored messages and the agent that answers its next message.
    public func history(of session: String, on surface: ChatSurface) async throws(ChatError)
        -> (agent: String?, messages: [ChatMessage])
    {
        let store = try sessionStore(try configuration(on: surface))
        do {
            return (try await store.activeAgent(session: session), try await store.messages(session: session))
        } catch {
            throw ChatError(.storage, "cannot read session \(session): \(error)")
        }
    }

    /// Empties a session and ends what it kept outside the store: its "Always for this session" approvals, what
    /// its agent saw of the files, and each module's state (its Python REPL).
    public func reset(session: String, on surface: ChatSurface) async throws(ChatError) {
        let store = try sessionStore(try configuration(on: surface))
        do {
            try await store.reset(session: session)
        } catch {
            throw ChatError(.storage, "cannot reset session \(session): \(error)")
        }
        await approvals.forget(session: session)
        seenFiles.forget(session: session)
        for module in modules { await module.endSession(session) }
    }

    /// Whether `session` exists and who owns it (see `SessionSummary.owner`).
    public func owner(of session: String, on surface: ChatSurface) async throws(ChatError)
        -> (exists: Bool, owner: String?)
    {
        let store = try sessionStore(try configuration(on: surface))
        do {
            return try await store.owner(session: session)
        } catch {
            throw ChatError(.storage, "cannot read session \(session): \(error)")
        }
    }

    /// Deletes a session: its messages, its entry in the list, and what `reset(session:on:)` also ends.
    public func delete(session: String, on surface: ChatSurface) async throws(ChatError) {
        let store = try sessionStore(try configuration(on: surface))
        do {
            try await store.delete(session: session)
        } catch {
            throw ChatError(.storage, "cannot delete session \(session): \(error)")
        }
        await approvals.forget(session: session)
        for module in modules { await module.endSession(session) }
    }

    /// The shared session storage if there is one (the service's PostgreSQL), else the SQLite store of the
    /// configuration's data directory, opened on first use.
    func sessionStore(_ configuration: SparkConfiguration) throws(ChatError) -> any SessionStorage {
        if let sessionStorage { return sessionStorage }
        let path = sessionsDatabase ?? configuration.dataDirectory(environment: environment).sessionsDatabase
        do {
            return try stores.withLock { stores in
                if let store = stores[path] { return store }
                let store = try SessionStore(path: path)
                stores[path] = store
                return store
            }
        } catch {
            throw ChatError(.storage, "cannot open the sessions database \(path): \(error)")
        }
    }
}
