import AgentCore

/// Paths inside the workspace that the agent's tools never write, because writing them would change what
/// SparkLSP trusts or make tools run code on their own: SparkLSP's own directory (configuration, MCP
/// definitions, sessions, memory; memory only through the memory tool), git's hooks and configuration,
/// editor task and launch files, MCP definitions other tools read, direnv files.
///
/// A pattern is a path relative to the workspace root, matched by components: `.git/hooks` protects that
/// directory and everything below it. The file tools refuse writes to a protected path with `refused:`; the
/// sandbox mounts them read-only (and `hidden` ones not at all, since they may hold secrets).
public struct ProtectedPaths: Hashable, Sendable {
    /// The built-in list.
    public static let defaults = [
        ".spark", ".git/hooks", ".git/config", ".git/info", ".gitmodules", ".vscode", ".idea", ".mcp.json",
        ".cursor", ".envrc", ".env", ".devcontainer", ".github/workflows",
    ]
    /// Protected paths the sandbox hides entirely (they may hold API keys and conversations).
    public static let hiddenDefaults = [".spark"]

    /// The patterns, relative to the workspace root, without `.`, `..` or empty components.
    public let patterns: [[String]]
    /// The patterns hidden from sandboxed processes.
    public let hidden: [[String]]

    /// The built-in list plus `additional` patterns (a configuration can add paths, never remove one).
    public init(additional: [String] = []) {
        patterns = additional.isEmpty ? Self.parsedDefaults : Self.parse(Self.defaults + additional)
        hidden = Self.parsedHiddenDefaults
    }

    // Parsed once: every run builds each agent's tools, and most tools hold a `ProtectedPaths`.
    private static let parsedDefaults = parse(defaults)
    private static let parsedHiddenDefaults = parse(hiddenDefaults)

    /// The protected pattern `components` (a path relative to the root) falls under, if any, as text.
    public func protectingPattern(of components: [String]) -> String? {
        patterns.first { pattern in
            pattern.count <= components.count && zip(pattern, components).allSatisfy { $0 == $1 }
        }?.joined(separator: "/")
    }

    /// Whether writing the path relative to the root is refused.
    public func isProtected(_ components: [String]) -> Bool { protectingPattern(of: components) != nil }

    /// The absolute paths of the patterns below `root` (whether or not they exist).
    public func absolutePaths(in root: String, hiddenOnly: Bool = false) -> [String] {
        (hiddenOnly ? hidden : patterns).map { root + "/" + $0.joined(separator: "/") }
    }

    private static func parse(_ patterns: [String]) -> [[String]] {
        var seen: Set<[String]> = []
        return patterns.compactMap { pattern in
            let components = pattern.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty }
            guard !components.isEmpty, !components.contains(".."), seen.insert(components).inserted else { return nil }
            return components
        }
    }
}
