import AgentCore

/// The file tools' rules over `ProtectedPaths`.
///
/// Writes: a path under a protected pattern, or one that is an ancestor of a pattern (writing a file
/// `.git` or `.github` would replace what holds the protected path), is refused. The path checked is the
/// resolved one (`WorkspaceRoot.resolve` follows symbolic links and applies `..`), so links and `..` cannot
/// reach a protected path under another name.
///
/// Reads: allowed, except `.spark/config.json` (it may hold the API key) and `.spark/sessions.sqlite*`
/// (conversations). The memory tool reads and writes its own notes through its own root, never these.
///
/// Case: components compare exactly on Linux, where file names are case-sensitive and `.SPARK` is another
/// directory than `.spark`; on Darwin, whose file systems usually ignore case, they compare ignoring case.
extension ProtectedPaths {
    /// Why the default patterns are protected, shown in refusals.
    static let reasons: [String: String] = [
        ".spark": "SparkLSP's configuration, sessions and memory",
        ".git/hooks": "programs git runs on its own",
        ".git/config": "git's configuration, which can make git run programs",
        ".git/info": "git's local attributes and excludes",
        ".gitmodules": "git's submodule definitions",
        ".vscode": "editor tasks, launch and settings files",
        ".idea": "editor run configurations and settings",
        ".mcp.json": "MCP server definitions other tools start",
        ".cursor": "editor rules and MCP definitions",
        ".envrc": "a script direnv runs on its own",
        ".env": "environment values other tools load",
        ".devcontainer": "container definitions editors build and run",
        ".github/workflows": "CI workflows that run with the repository's secrets",
    ]

    /// The refusal for writing the path with `components` (relative to the root), or `nil` when allowed.
    public func writeRefusal(for components: [String]) -> String? {
        let path = components.joined(separator: "/")
        for pattern in patterns {
            let shared = min(pattern.count, components.count)
            guard !components.isEmpty, zip(pattern, components).allSatisfy(Self.sameName) else { continue }
            let text = pattern.joined(separator: "/")
            let reason = Self.reasons[text] ?? "added by the `protectedPaths` setting"
            if shared == pattern.count {
                return "\(path) is a protected path (\(reason)); the agent's tools never write it"
            }
            return "\(path) holds the protected path \(text) (\(reason)); the agent's tools never write it"
        }
        return nil
    }

    /// The refusal for reading the path with `components`, or `nil` when allowed.
    public static func readRefusal(for components: [String]) -> String? {
        guard components.count == 2, sameName(components[0], ".spark") else { return nil }
        let name = components[1]
        #if canImport(Darwin)
            let lowered = name.lowercased()
        #else
            let lowered = name
        #endif
        if lowered == "config.json" {
            return ".spark/\(name) is a protected path (SparkLSP's configuration, which may hold the API key); "
                + "the agent's tools never read it"
        }
        if lowered.hasPrefix("sessions.sqlite") {
            return ".spark/\(name) is a protected path (SparkLSP's stored conversations); "
                + "the agent's tools never read it"
        }
        return nil
    }

    /// Whether two path components name the same file here (exact on Linux, ignoring case on Darwin).
    static func sameName(_ first: String, _ second: String) -> Bool {
        #if canImport(Darwin)
            first.lowercased() == second.lowercased()
        #else
            first == second
        #endif
    }
}
