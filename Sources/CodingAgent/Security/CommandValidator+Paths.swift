import AgentCore

extension CommandValidator {
    /// Where a path argument points, judged from its text.
    enum PathClass: Hashable {
        /// Inside the workspace (not the root itself).
        case inside
        /// The workspace root itself.
        case workspaceRoot
        /// Outside the workspace; the normalized absolute path.
        case outside(String)
        /// Begins with `~`.
        case home
        /// Contains an expansion, so only known at run time.
        case computed
    }

    /// Classifies a path relative to the workspace root. Relative paths are resolved against the
    /// root itself (not a `cd` target), so `..` is judged conservatively.
    func classify(_ word: ShellWord) -> PathClass {
        if word.startsWithTilde { return .home }
        if word.hasExpansion || word.hasBrace { return .computed }
        let root = Self.components(workspaceRoot)
        let components = lexicalComponents(word.literal)
        if components == root { return .workspaceRoot }
        if components.count > root.count, Array(components.prefix(root.count)) == root {
            // A symbolic link already in the workspace may point outside it.
            if let resolved = SymlinkResolver.resolve(components),
                !SymlinkResolver.isWithin(resolved, root: workspaceRoot)
            {
                return .outside(resolved)
            }
            return .inside
        }
        return .outside("/" + components.joined(separator: "/"))
    }

    /// The absolute components `text` names, read against the workspace root without the disk.
    func lexicalComponents(_ text: String) -> [String] {
        var components = text.hasPrefix("/") ? [] : Self.components(workspaceRoot)
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part))
            }
        }
        return components
    }

    /// Whether a command may change `path` (outside the workspace) that `word` names: only inside an
    /// extra writable root, and never through a symbolic link in the workspace (`touch link` writes
    /// to wherever the link leads, which the command's text does not show).
    func mayChangeOutside(_ path: String, namedBy word: ShellWord) -> Bool {
        guard isInsideExtraRoot(path) else { return false }
        let root = Self.components(workspaceRoot)
        let named = lexicalComponents(word.literal)
        return !(named.count > root.count && Array(named.prefix(root.count)) == root)
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
    }

    /// Whether `path` lies strictly inside one of the policy's extra writable roots.
    func isInsideExtraRoot(_ path: String) -> Bool {
        let target = Self.components(path)
        return policy.extraWritableRoots.contains { root in
            let base = Self.components(root)
            return target.count > base.count && Array(target.prefix(base.count)) == base
        }
    }

    private static let safeDevices: Set<String> = ["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty"]
    private static let systemRoots: Set<String> = [
        "etc", "boot", "usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "sys", "proc", "root", "var", "opt",
        "srv", "home", "dev", "run", "snap", "mnt", "media",
    ]

    /// Refuses writes to devices, system paths, the home directory and anywhere outside the workspace.
    func checkWriteTarget(_ word: ShellWord, verb: String) throws(Refusal) {
        switch classify(word) {
        case .inside, .workspaceRoot:
            return
        case .home:
            throw Refusal("\(verb) the home directory (`\(word.raw)`), outside the workspace")
        case .computed:
            throw Refusal("\(verb) a path only known at run time (`\(word.raw)`)")
        case .outside(let path):
            if Self.safeDevices.contains(path) || path.hasPrefix("/dev/fd/") { return }
            if path.hasPrefix("/dev/") { throw Refusal("\(verb) the device `\(path)`") }
            if mayChangeOutside(path, namedBy: word) { return }
            if let top = Self.components(path).first, Self.systemRoots.contains(top) {
                throw Refusal("\(verb) the system path `\(path)`")
            }
            throw Refusal("\(verb) `\(path)`, outside the workspace")
        }
    }

    /// Refuses deletes of `/`, the home directory, the workspace root (unless `allowingRoot`: `find . -delete`
    /// only deletes what it matches inside it) and anything outside the workspace.
    func checkDeleteTarget(_ word: ShellWord, recursive: Bool, allowingRoot: Bool = false) throws(Refusal) {
        let what = recursive ? "recursive delete" : "delete"
        switch classify(word) {
        case .home:
            throw Refusal("\(what) in the home directory (`\(word.raw)`) is not allowed")
        case .computed:
            if word.raw.contains("HOME") {
                throw Refusal("\(what) of `\(word.raw)` (the home directory) is not allowed")
            }
            throw Refusal("\(what) of a path only known at run time (`\(word.raw)`) cannot be checked")
        case .workspaceRoot:
            if allowingRoot { return }
            throw Refusal("\(what) of the whole workspace is not allowed")
        case .inside:
            if recursive, Self.components(word.literal).last?.hasPrefix(".*") == true {
                throw Refusal("\(what) of `\(word.raw)`: the pattern can match `..`")
            }
        case .outside(let path):
            let parts = Self.components(path)
            if parts.isEmpty { throw Refusal("\(what) of `/` is not allowed") }
            if parts.count == 1, word.hasGlob {
                throw Refusal("\(what) of everything under `/` (`\(word.raw)`) is not allowed")
            }
            if mayChangeOutside(path, namedBy: word) { return }
            throw Refusal("\(what) outside the workspace (`\(path)`) is not allowed")
        }
    }

    /// `cd` must stay inside the workspace.
    func checkChangeDirectory(_ operands: [ShellWord]) throws(Refusal) {
        guard let target = operands.first else {
            throw Refusal("`cd` without a directory goes to the home directory, outside the workspace")
        }
        switch classify(target) {
        case .inside, .workspaceRoot:
            return
        case .computed:
            throw Refusal("`cd` to a directory only known at run time (`\(target.raw)`) cannot be checked")
        case .home:
            throw Refusal("`cd` to the home directory leaves the workspace")
        case .outside(let path):
            throw Refusal("`cd \(path)` leaves the workspace")
        }
    }
}
