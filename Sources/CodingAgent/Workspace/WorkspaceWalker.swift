import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A depth-first walk of a directory tree with `readdir`, honouring `.gitignore` files and `.git/info/exclude`.
///
/// Directories are opened with `openat(O_NOFOLLOW)` relative to their parent, so the walk never
/// leaves the tree through a link; links are reported as `.symbolicLink` and not entered.
/// Entries of each directory are visited in byte order of their names unless `sortsEntries` is off.
package struct WorkspaceWalker {
    /// An entry the walk reached.
    package struct Entry {
        /// The open descriptor of the entry's directory (valid during the visit only).
        package var directory: Int32
        package var name: String
        /// The components from the root, ending with `name`.
        package var components: [String]
        package var kind: SecureFileSystem.Kind

        package var relativePath: String { components.joined(separator: "/") }
        package var isDirectory: Bool { kind == .directory }
    }

    package var root: WorkspaceRoot
    /// Whether `.gitignore` files (and the always-skipped directories) apply.
    package var respectsIgnoreFiles: Bool
    /// Whether each directory's entries are visited in byte order of their names (else in
    /// `readdir` order, for callers that sort their results anyway).
    package var sortsEntries: Bool
    /// Polled between entries; the walk stops when it returns `true`.
    package var isCancelled: () -> Bool

    package init(
        root: WorkspaceRoot,
        respectsIgnoreFiles: Bool = true,
        sortsEntries: Bool = true,
        isCancelled: @escaping () -> Bool = { false }
    ) {
        self.root = root
        self.respectsIgnoreFiles = respectsIgnoreFiles
        self.sortsEntries = sortsEntries
        self.isCancelled = isCancelled
    }

    /// Walks the tree below `start` (a directory below the root); `visit` returns whether to enter
    /// a directory entry (its return value is ignored for other entries).
    package func walk(from start: [String] = [], visit: (Entry) -> Bool) throws(WorkspacePathError) {
        var rules = IgnoreRules()
        if respectsIgnoreFiles {
            // The repository's own excludes, below every `.gitignore` (git's order).
            if let (bytes, _) = try? SecureFileSystem.readFile(
                root: root.path, components: [".git", "info", "exclude"], limit: 1 << 20)
            {
                rules.push(excludes: String(decoding: bytes, as: UTF8.self))
            }
            for depth in 0..<start.count {
                let components = Array(start[..<depth]) + [".gitignore"]
                if let (bytes, _) = try? SecureFileSystem.readFile(
                    root: root.path, components: components, limit: 1 << 20)
                {
                    rules.push(gitignore: String(decoding: bytes, as: UTF8.self), depth: depth)
                }
            }
        }
        let directory = try SecureFileSystem.openDirectory(root: root.path, components: start)
        walkDirectory(directory, components: start, rules: &rules, visit: visit)
    }

    /// Walks the open `directory` (and closes it).
    private func walkDirectory(
        _ directory: Int32,
        components: [String],
        rules: inout IgnoreRules,
        visit: (Entry) -> Bool
    ) {
        guard let stream = fdopendir(directory) else {
            close(directory)
            return
        }
        defer { closedir(stream) }
        var names: [(name: String, type: UInt8)] = []
        var hasGitignore = false
        while let pointer = readdir(stream) {
            let name = Self.name(of: pointer)
            if name == "." || name == ".." { continue }
            if name == ".gitignore" { hasGitignore = true }
            names.append((name, pointer.pointee.d_type))
        }
        if sortsEntries { names.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) } }
        if respectsIgnoreFiles, hasGitignore,
            let (bytes, _) = try? SecureFileSystem.readFile(
                in: directory, name: ".gitignore", shownAs: ".gitignore", limit: 1 << 20)
        {
            rules.push(gitignore: String(decoding: bytes, as: UTF8.self), depth: components.count)
        }
        defer { rules.pop(deeperThan: components.count - 1) }
        var path = components
        path.append("")
        for (name, type) in names {
            if isCancelled() { return }
            path[path.count - 1] = name
            let kind = Self.kind(type: type, name: name, in: directory)
            if respectsIgnoreFiles, rules.isIgnored(path, isDirectory: kind == .directory) { continue }
            let entry = Entry(directory: directory, name: name, components: path, kind: kind)
            guard visit(entry), kind == .directory else { continue }
            let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                walkDirectory(child, components: path, rules: &rules, visit: visit)
            }
        }
    }

    private static func kind(type: UInt8, name: String, in directory: Int32) -> SecureFileSystem.Kind {
        switch Int32(type) {
        case Int32(DT_REG): return .file(size: -1)
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_UNKNOWN): return SecureFileSystem.kindAt(directory, name) ?? .other
        default: return .other
        }
    }

    /// The name in a `dirent`.
    package static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
    }
}
