import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last workspace root opened, for a front end that needs one for every request (the HTTP service's editor).
///
/// `WorkspaceRoot(path:)` creates the directory and its parents when missing and resolves it with `realpath`: a
/// `mkdir` per path component, a `readlink` per component and a `stat`. Kept here, the root of an unchanged path
/// costs one `stat` of its resolved directory; another path (another configured workspace) opens anew, and so
/// does the same path when its resolved directory is no longer a directory (removed: it is created again). The
/// coding tools hold their workspace root for the process the same way (`CodingAgentModule`), so a symbolic link
/// retargeted while the process runs is not followed here either.
public final class WorkspaceRootCache: Sendable {
    /// The last root and the path it was opened from; behind a mutex (requests run concurrently).
    private let last = Mutex<(path: String, root: WorkspaceRoot)?>(nil)

    public init() {}

    /// The workspace root of `path`: the kept one when `path` is the last one asked for and its directory is still
    /// there, else a new one (as `WorkspaceRoot(path:)`, which may throw), kept for the next call.
    public func root(path: String) throws(WorkspacePathError) -> WorkspaceRoot {
        if let kept = last.withLock({ $0 }), kept.path == path, Self.isDirectory(kept.root.path) {
            return kept.root
        }
        let root = try WorkspaceRoot(path: path)
        last.withLock { $0 = (path, root) }
        return root
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
