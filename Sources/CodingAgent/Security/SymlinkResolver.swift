import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves symbolic links on disk for the validator, so a link planted in the workspace that points
/// outside it is judged by where it leads.
enum SymlinkResolver {
    /// The real path of the longest existing prefix of `components`, with the rest appended;
    /// `nil` when nothing of it exists.
    static func resolve(_ components: [String]) -> String? {
        var existing = components.count
        while existing > 0 {
            let prefix = "/" + components.prefix(existing).joined(separator: "/")
            if let real = realPath(prefix) {
                let rest = components.dropFirst(existing)
                return ([real == "/" ? "" : real] + rest).joined(separator: "/")
            }
            existing -= 1
        }
        return nil
    }

    /// Whether `path` is `root` (resolved) or inside it.
    static func isWithin(_ path: String, root: String) -> Bool {
        let base = realPath(root) ?? root
        return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
