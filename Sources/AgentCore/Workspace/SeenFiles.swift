import Synchronization

/// What the agent of each conversation last saw of each file (`SeenFile`), by session id and absolute path: the
/// memory behind the read-before-write contract (`ReadBeforeWriteCheck`).
///
/// `ChatService` keeps one for every front end of the process, so a session's file tools share it across its turns
/// (and the agents it hands over to): `file_read` records what it read, `file_write` hands the record to the editor
/// with its change and records what it wrote. `ChatService.reset(session:)` forgets a session. Nothing is stored on
/// disk: after a restart every file is unseen, and the agent reads a file again before it overwrites it.
public final class SeenFiles: Sendable {
    /// Sessions by id, then files by absolute path; behind a mutex (tools of concurrent runs record at once).
    private let sessions = Mutex<[String: [String: SeenFile]]>([:])

    public init() {}

    /// What the agent of `session` last saw of the file at the absolute `path`; `nil` when it has not seen it.
    public func seen(_ path: String, session: String) -> SeenFile? {
        sessions.withLock { $0[session]?[path] }
    }

    /// Records that the agent of `session` saw `seen` of the file at `path` (replacing what it saw before).
    public func record(_ seen: SeenFile, path: String, session: String) {
        sessions.withLock { $0[session, default: [:]][path] = seen }
    }

    /// Forgets the file at `path` in `session` (the agent deleted it).
    public func forget(_ path: String, session: String) {
        _ = sessions.withLock { $0[session]?.removeValue(forKey: path) }
    }

    /// Forgets everything `session` saw (it was reset).
    public func forget(session: String) {
        _ = sessions.withLock { $0.removeValue(forKey: session) }
    }
}
