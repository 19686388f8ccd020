#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where SparkLSP keeps its databases: `SPARK_DATA_DIR`, else `<workspace>/.spark/` when there is a workspace,
/// else the user's cache directory (`XDG_CACHE_HOME`, or `~/.cache`) `/spark-lsp`.
public struct DataDirectory: Hashable, Sendable {
    /// The directory (it may not exist yet; ``create()`` makes it).
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// Resolves the directory: `configured` (the `dataDir` setting) when given, else from `environment`
    /// and the workspace folder's path, if any.
    public init(configured: String? = nil, environment: [String: String], workspace: String? = nil) {
        if let configured, !configured.isEmpty {
            path = configured
        } else if let explicit = environment["SPARK_DATA_DIR"], !explicit.isEmpty {
            path = explicit
        } else if let workspace, !workspace.isEmpty {
            path = Self.join(workspace, ".spark")
        } else if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            path = Self.join(cache, "spark-lsp")
        } else {
            path = Self.join(Self.join(Self.homeDirectory(environment), ".cache"), "spark-lsp")
        }
    }

    /// The user's own data directory, outside every workspace: `$XDG_DATA_HOME/spark-lsp`, else
    /// `~/.local/share/spark-lsp` (what the user decided, such as which workspaces they trust).
    public static func userData(environment: [String: String]) -> DataDirectory {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return DataDirectory(path: join(data, "spark-lsp"))
        }
        return DataDirectory(path: join(join(homeDirectory(environment), ".local/share"), "spark-lsp"))
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { Self.join(path, name) }

    /// The sessions database.
    public var sessionsDatabase: String { file("sessions.sqlite") }

    /// Creates the directory and its parents when missing.
    public func create() throws { try Self.createDirectory(path) }

    static func createDirectory(_ path: String) throws {
        guard !path.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StorageError(
                code: .cantOpen, message: "cannot create the directory", operation: "create directory", path: path,
                underlying: error)
        }
    }

    /// The directory part of a file path ("" for a bare name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func homeDirectory(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { return String(cString: directory) }
        return "/tmp"
    }
}
