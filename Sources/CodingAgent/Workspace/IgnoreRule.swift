import AgentCore

/// One line of a `.gitignore` file.
///
/// Follows git's rules: `#` comments, `\` escapes, `!` negation, a trailing `/` for directories
/// only, a `/` at the start or in the middle anchors the pattern to the file's directory
/// (otherwise it matches a name at any depth), and `**` for any number of directories.
package struct IgnoreRule: Hashable, Sendable {
    package var negated: Bool
    package var directoryOnly: Bool
    /// A single component matched against the name alone (patterns without an inner `/`).
    private var basename: WildcardPattern?
    /// An anchored pattern matched against the path relative to the `.gitignore`'s directory.
    private var anchored: PathGlob?

    /// Parses one line; `nil` for blank lines and comments.
    package init?(line rawLine: some StringProtocol) {
        var line = Substring(rawLine)
        if line.hasSuffix("\r") { line = line.dropLast() }
        while line.hasSuffix(" "), !line.hasSuffix("\\ ") { line = line.dropLast() }
        guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
        negated = line.hasPrefix("!")
        if negated { line = line.dropFirst() }
        if line.hasPrefix("\\!") || line.hasPrefix("\\#") { line = line.dropFirst() }
        directoryOnly = line.hasSuffix("/")
        while line.hasSuffix("/") { line = line.dropLast() }
        guard !line.isEmpty else { return nil }
        if line.contains("/") {
            while line.hasPrefix("/") { line = line.dropFirst() }
            anchored = PathGlob(String(line))
        } else if line == "**" {
            anchored = PathGlob(segments: [.anyDepth])
        } else {
            basename = WildcardPattern(line)
        }
    }

    /// Whether the rule matches the path `components` (relative to the `.gitignore`'s directory).
    package func matches(_ components: ArraySlice<String>, isDirectory: Bool) -> Bool {
        if directoryOnly, !isDirectory { return false }
        if let basename {
            guard let last = components.last else { return false }
            return basename.matches(last)
        }
        return anchored?.matches(components) ?? false
    }
}
