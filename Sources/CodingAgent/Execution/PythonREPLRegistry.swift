import AgentCore
import Logging

/// The Python REPL sessions, one per conversation session id, at most `maximumSessions` at a time: opening
/// one more stops the one used least recently (its variables are gone; its next call starts a fresh process
/// and says so). Code actions open a session each, so without a bound a day's work would leave dozens of idle
/// interpreters behind.
actor PythonREPLRegistry {
    private struct Entry {
        var session: PythonREPLSession
        var directory: String
        var lastUse: UInt64
    }

    private var sessions: [String: Entry] = [:]
    /// Sessions closed to make room, so their next call can say the variables are gone.
    private var closedForRoom: Set<String> = []
    private var uses: UInt64 = 0
    private let maximumSessions: Int
    private let discard: @Sendable (_ directory: String) -> Void
    private let logger: Logger

    /// - Parameter discard: removes a closed session's private directory.
    init(maximumSessions: Int, logger: Logger, discard: @escaping @Sendable (_ directory: String) -> Void) {
        self.maximumSessions = max(1, maximumSessions)
        self.discard = discard
        self.logger = logger
    }

    /// The session for `id`, made with `make` (which returns it and its private directory) when new;
    /// `reopened` when an earlier session of `id` was closed to make room.
    func session(
        _ id: String, make: () throws -> (session: PythonREPLSession, directory: String)
    ) rethrows -> (session: PythonREPLSession, reopened: Bool) {
        uses += 1
        if let entry = sessions[id] {
            sessions[id]?.lastUse = uses
            return (entry.session, false)
        }
        let made = try make()
        sessions[id] = Entry(session: made.session, directory: made.directory, lastUse: uses)
        let reopened = closedForRoom.remove(id) != nil
        if sessions.count > maximumSessions,
            let (oldest, entry) = sessions.min(by: { $0.value.lastUse < $1.value.lastUse })
        {
            sessions[oldest] = nil
            closedForRoom.insert(oldest)
            logger.info("Closed the Python session of \(oldest) to make room (at most \(maximumSessions) at a time)")
            // Stopping waits for a statement still running there; this call need not.
            let discard = discard
            Task {
                await entry.session.stop()
                discard(entry.directory)
            }
        }
        return (made.session, reopened)
    }

    /// Stops and forgets the session for `id`, and removes its directory.
    func remove(_ id: String) async {
        closedForRoom.remove(id)
        guard let entry = sessions.removeValue(forKey: id) else { return }
        await entry.session.stop()
        discard(entry.directory)
    }

    /// Stops every session and removes their directories.
    func shutdownAll() async {
        for id in Array(sessions.keys) { await remove(id) }
    }
}
