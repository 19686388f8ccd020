import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension WorkspaceRoot {
    /// The longest path accepted, in bytes (Linux `PATH_MAX`).
    public static let maximumPathLength = 4096
    /// The longest component accepted, in bytes (Linux `NAME_MAX`).
    public static let maximumComponentLength = 255

    /// Resolves a path the model gave (relative to the root, or absolute inside it).
    ///
    /// Refuses NUL bytes, over-long paths, `~`, URL-encoded separators or dots, `..` that leaves
    /// the root, absolute paths outside it, and symbolic links (in any component) that resolve
    /// outside it. Every existing component is resolved on disk, one at a time, so the result
    /// holds no symbolic link; components that do not exist yet are kept as given.
    ///
    /// The check alone cannot stop a link planted after it: open the result through
    /// `SecureFileSystem`, which refuses to follow links.
    public func resolve(_ raw: String) throws(WorkspacePathError) -> WorkspacePath {
        let components = try lexicalComponents(of: raw)
        var current = path
        var resolved: [String] = []
        for (index, component) in components.enumerated() {
            let candidate = current + "/" + component
            var info = stat()
            if lstat(candidate, &info) != 0 {
                let code = errno
                guard code == ENOENT || code == ENOTDIR else {
                    throw .failed(
                        "cannot inspect \(shown(resolved + [component])): \(SecureFileSystem.errorText(code))",
                        errno: code)
                }
                resolved += components[index...]
                current += "/" + components[index...].joined(separator: "/")
                break
            }
            guard (info.st_mode & S_IFMT) == S_IFLNK else {
                resolved.append(component)
                current = candidate
                continue
            }
            guard let target = realpath(candidate, nil) else {
                throw .refused(
                    "\(shown(resolved + [component])) is a symbolic link whose target cannot be resolved (\(SecureFileSystem.errorText(errno)))"
                )
            }
            let real = String(cString: target)
            free(target)
            guard contains(real) else {
                throw .refused("\(shown(resolved + [component])) is a symbolic link that leads outside the workspace")
            }
            current = real
            resolved = real == path ? [] : String(real.dropFirst(path.count + 1)).split(separator: "/").map(String.init)
        }
        return WorkspacePath(absolute: current, components: resolved)
    }

    /// The components below the root, after the purely textual checks and `..` handling.
    func lexicalComponents(of raw: String) throws(WorkspacePathError) -> [String] {
        if raw.utf8.contains(0) { throw .refused("the path contains a NUL byte") }
        if raw.utf8.count > Self.maximumPathLength {
            throw .refused("the path is longer than \(Self.maximumPathLength) bytes")
        }
        if raw.hasPrefix("~") {
            throw .refused("`~` (a home directory) is not expanded; give a path relative to the workspace")
        }
        let lowered = raw.lowercased()
        for encoded in ["%2e", "%2f", "%5c", "%00"] where lowered.contains(encoded) {
            throw .refused("the path looks URL-encoded (\(encoded)); give a plain path relative to the workspace")
        }
        var text = Substring(raw)
        if raw.hasPrefix("/") {
            let normalized = Self.lexicallyNormalized(raw)
            var relative: String?
            for base in [path, configuredPath] {
                if normalized == base {
                    relative = ""
                } else if normalized.hasPrefix(base + "/") {
                    relative = String(normalized.dropFirst(base.count + 1))
                }
                if relative != nil { break }
            }
            guard let relative else {
                throw .refused("\(raw) is outside the workspace \(path); use a path relative to it")
            }
            text = Substring(relative)
        }
        var stack: [String] = []
        for component in text.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
            if component == ".." {
                guard !stack.isEmpty else { throw .refused("`..` in \(raw) leads outside the workspace") }
                stack.removeLast()
                continue
            }
            if component.utf8.count > Self.maximumComponentLength {
                throw .refused("a component of the path is longer than \(Self.maximumComponentLength) bytes")
            }
            stack.append(String(component))
        }
        return stack
    }

    private func shown(_ components: [String]) -> String {
        components.joined(separator: "/")
    }
}
