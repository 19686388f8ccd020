import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The install directories of the toolchains on `PATH` outside the system directories (`/opt/swift`,
/// `~/.cargo` with `~/.rustup`, `~/.pyenv`), which the sandbox binds read-only, and the variables that
/// let them find themselves once `HOME` points elsewhere (`RUSTUP_HOME`, `CARGO_HOME`, `PYENV_ROOT`).
public struct ToolchainInstallations: Sendable, Equatable {
    /// Absolute, resolved, none inside another.
    public var directories: [String]
    /// Variables children get so the toolchains work inside the sandbox.
    public var environment: [String: String]

    static let systemPrefixes = ["/usr", "/bin", "/sbin", "/lib", "/lib64", "/etc", "/proc", "/dev"]

    public init(searchPath: String, baseEnvironment: [String: String]) {
        let home = baseEnvironment["HOME"].flatMap(Self.resolve)
        var found: [String] = []
        for entry in searchPath.split(separator: ":").map(String.init) where entry.hasPrefix("/") {
            guard let directory = Self.resolve(entry), !Self.isSystem(directory) else { continue }
            found.append(Self.installRoot(of: directory, home: home))
        }
        var environment: [String: String] = [:]
        for (name, fallback) in [("CARGO_HOME", ".cargo"), ("RUSTUP_HOME", ".rustup"), ("PYENV_ROOT", ".pyenv")] {
            let candidate = baseEnvironment[name] ?? home.map { $0 + "/" + fallback }
            guard let candidate, let resolved = Self.resolve(candidate) else { continue }
            // Only for toolchains in use: rustup's home comes with cargo's proxies on PATH.
            let inUse =
                found.contains { $0 == resolved || $0.hasPrefix(resolved + "/") }
                || (name == "RUSTUP_HOME" && environment["CARGO_HOME"] != nil)
            guard inUse else { continue }
            environment[name] = resolved
            found.append(resolved)
        }
        for name in ["GOROOT", "JAVA_HOME", "PYENV_VERSION"] {
            if let value = baseEnvironment[name] { environment[name] = value }
        }
        directories = Self.outermost(found)
        self.environment = environment
    }

    static func isSystem(_ path: String) -> Bool {
        ["/", "/tmp", "/var", "/home", "/root", "/run"].contains(path)
            || systemPrefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// `/opt/swift/usr/bin` -> `/opt/swift`, `~/.cargo/bin` -> `~/.cargo`, `~/.pyenv/shims` -> `~/.pyenv`;
    /// never a home directory itself or a top-level directory (the bin directory is kept then).
    static func installRoot(of directory: String, home: String?) -> String {
        var root = directory
        for suffix in ["/bin", "/shims", "/sbin"] where root.hasSuffix(suffix) {
            root = String(root.dropLast(suffix.count))
            break
        }
        if root.hasSuffix("/usr") || root.hasSuffix("/local") { root = String(root.dropLast(4)) }
        if root.hasSuffix("/") { root.removeLast() }
        let depth = root.split(separator: "/").count
        if root == home || depth < 2 || isSystem(root) { return directory }
        return root
    }

    static func outermost(_ paths: [String]) -> [String] {
        let unique = Array(Set(paths)).sorted()
        return unique.filter { path in !unique.contains { $0 != path && path.hasPrefix($0 + "/") } }
    }

    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
