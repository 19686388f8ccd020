import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The directory the coding tools are confined to.
///
/// The path is resolved with `realpath` once, at creation; every path the model gives is
/// resolved against it with `resolve(_:)`, which refuses anything that leads outside.
public struct WorkspaceRoot: Hashable, Sendable, CustomStringConvertible {
    /// The default when neither `WORKSPACE_DIR` nor an LSP workspace folder is given.
    public static let defaultPath = SparkConfiguration.defaultWorkspace

    /// The resolved absolute path (no symbolic links, no trailing slash).
    public let path: String
    /// The path as configured, before resolution (accepted as an alias in absolute paths).
    public let configuredPath: String

    /// Opens (creating it and its parents when missing) the directory at `path`.
    ///
    /// Throws when the directory cannot be created or resolved, or when it resolves to `/`.
    public init(path: String) throws(WorkspacePathError) {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw .failed("the workspace path is empty or contains a NUL byte")
        }
        try WorkspaceRoot.makeDirectories(path)
        guard let resolved = realpath(path, nil) else {
            throw .failed(
                "cannot resolve the workspace directory \(path): \(SecureFileSystem.errorText(errno))", errno: errno)
        }
        defer { free(resolved) }
        let real = String(cString: resolved)
        guard real != "/" else { throw .refused("the workspace cannot be the file system root /") }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .failed("the workspace \(real) is not a directory")
        }
        self.path = real
        self.configuredPath = WorkspaceRoot.lexicallyNormalized(path)
    }

    /// The workspace for this process: `WORKSPACE_DIR` when set, else the LSP workspace folder,
    /// else `/tmp/coding_workspace`.
    public static func fromEnvironment(
        _ environment: [String: String],
        workspaceFolder: String? = nil
    ) throws(WorkspacePathError) -> WorkspaceRoot {
        if let directory = environment["WORKSPACE_DIR"], !directory.isEmpty {
            return try WorkspaceRoot(path: directory)
        }
        if let folder = workspaceFolder, !folder.isEmpty {
            return try WorkspaceRoot(path: folder)
        }
        return try WorkspaceRoot(path: defaultPath)
    }

    public var description: String { path }

    /// Whether the absolute, resolved `candidate` is the root or below it.
    public func contains(_ candidate: String) -> Bool {
        candidate == path || candidate.hasPrefix(path + "/")
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(WorkspacePathError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .failed("cannot create \(prefix): \(SecureFileSystem.errorText(errno))", errno: errno)
            }
        }
    }

    /// Removes `.` and empty components and applies `..` without touching the disk.
    static func lexicallyNormalized(_ path: String) -> String {
        var stack: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                if !stack.isEmpty { stack.removeLast() }
            } else {
                stack.append(component)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + stack.joined(separator: "/")
    }
}
