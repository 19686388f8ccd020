import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds programs on a search path, like `which`.
public struct ToolchainLocator: Sendable {
    /// The `PATH` searched.
    public var searchPath: String

    public init(searchPath: String) {
        self.searchPath = searchPath
    }

    /// The absolute path of the first executable called `name`, or `nil`.
    public func locate(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The first of `names` found, with its path.
    public func locateFirst(_ names: [String]) -> (name: String, path: String)? {
        for name in names {
            if let path = locate(name) { return (name, path) }
        }
        return nil
    }
}
