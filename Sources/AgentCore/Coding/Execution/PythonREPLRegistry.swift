import Logging

/// The Python REPL sessions, one per conversation session id.
actor PythonREPLRegistry {
    private var sessions: [String: (session: PythonREPLSession, directory: String)] = [:]
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The session for `id`, made with `make` (which returns it and its private directory) when new.
    func session(
        _ id: String, make: () throws -> (session: PythonREPLSession, directory: String)
    ) rethrows -> PythonREPLSession {
        if let existing = sessions[id] { return existing.session }
        let made = try make()
        sessions[id] = made
        return made.session
    }

    /// Stops and forgets the session for `id`; returns its directory to remove.
    func remove(_ id: String) async -> String? {
        guard let entry = sessions.removeValue(forKey: id) else { return nil }
        await entry.session.stop()
        return entry.directory
    }

    /// Stops every session; returns their directories.
    func shutdownAll() async -> [String] {
        var directories: [String] = []
        for id in Array(sessions.keys) {
            if let directory = await remove(id) { directories.append(directory) }
        }
        return directories
    }
}
