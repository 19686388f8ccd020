import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The configuration, loaded once and again only when it changes: the JSON file's modification (checked
/// with one `stat` per request), the trust file's, another workspace, or other editor settings. The
/// environment is read once, when the store is made; the precedence is `SparkConfiguration.load`'s.
public final class ConfigurationStore: Sendable {
    private struct Key: Hashable {
        var workspace: String?
        var settings: [JSONValue]
        var file: FileStamp?
        var trust: FileStamp?
        /// The workspace's MCP files (`SparkConfiguration.workspaceMCPFiles`).
        var mcpFiles: [FileStamp?]
    }

    /// What identifies a version of the configuration file: its path, modification time and size.
    private struct FileStamp: Hashable {
        var path: String
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    private let configFile: String?
    private let environment: [String: String]
    /// The workspaces the user trusts (see `WorkspaceTrust`).
    public let trust: WorkspaceTrust
    /// The last configuration loaded and what it was loaded from; behind a mutex (requests run concurrently).
    private let cache = Mutex<(key: Key, configuration: SparkConfiguration)?>(nil)

    /// - Parameters:
    ///   - configFile: `--config`, if given (else `SPARK_CONFIG`, else `<workspace>/.spark/config.json`).
    ///   - environment: the process environment.
    ///   - trust: the trusted workspaces; `nil` is the user's (`WorkspaceTrust.user`).
    public init(configFile: String?, environment: [String: String], trust: WorkspaceTrust? = nil) {
        self.configFile = configFile
        self.environment = environment
        self.trust = trust ?? WorkspaceTrust.user(environment: environment)
    }

    /// The configuration for `workspace` (the editor's folder; it wins over `WORKSPACE_DIR`) with the editor
    /// `settings` layers applied last.
    /// - Throws: `ChatError` of code `configuration`, naming the file (or the environment) and the field.
    public func configuration(workspace: String? = nil, settings: [JSONValue] = []) throws(ChatError)
        -> SparkConfiguration
    {
        let key = Key(
            workspace: workspace, settings: settings, file: stamp(workspace: workspace),
            trust: Self.stamp(of: trust.file), mcpFiles: mcpStamps(workspace: workspace))
        if let cached = cache.withLock({ $0 }), cached.key == key { return cached.configuration }
        do {
            var configuration = try SparkConfiguration.load(
                configFile: configFile, workspace: workspace, environment: environment, trust: trust)
            if let workspace { configuration.workspaceDir = workspace }
            for layer in settings {
                configuration = try configuration.applying(editorSettings: layer)
            }
            cache.withLock { $0 = (key, configuration) }
            return configuration
        } catch {
            throw ChatError(.configuration, "bad configuration: \(error)")
        }
    }

    /// Trusts the workspace with the file whose settings were ignored; the next configuration applies them.
    public func trust(_ untrusted: UntrustedSettings) throws(ChatError) {
        do {
            try trust.trust(workspace: untrusted.workspace, configuration: untrusted.text)
        } catch {
            throw ChatError(.configuration, "cannot record the trusted workspace: \(error)")
        }
        cache.withLock { $0 = nil }
    }

    /// The configuration file `load` reads for `workspace`, with its modification time; `nil` when there is none.
    private func stamp(workspace: String?) -> FileStamp? {
        let explicit = configFile ?? environment["SPARK_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let root = workspace ?? environment["WORKSPACE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        return explicit.map(Self.stamp(of:)) ?? root.flatMap { Self.stamp(of: $0 + "/.spark/config.json") }
    }

    /// The workspace's MCP files, each with its modification time (`nil` when absent).
    private func mcpStamps(workspace: String?) -> [FileStamp?] {
        guard let root = workspace ?? environment["WORKSPACE_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) else { return [] }
        return SparkConfiguration.workspaceMCPFiles.map { Self.stamp(of: root + "/" + $0) }
    }

    /// A file's path, modification time and size; `nil` when it does not exist.
    private static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return FileStamp(
            path: path, seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec), size: Int(info.st_size))
    }
}
