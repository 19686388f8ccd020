import AgentCore

/// One line of a `.gitignore` file (or of `.git/info/exclude` and `core.excludesFile`).
///
/// Read as git reads it (`dir.c`, `wildmatch.c`), byte by byte: `#` comments, a CR before the line end and
/// unescaped trailing blanks dropped, `!` negation, one trailing `/` for directories only, a `/` at the start
/// or in the middle anchors the pattern to the file's directory (otherwise it matches a name at any depth),
/// `**` for any number of directories, and the wildcards of `WildcardPattern.Dialect.git` (no braces).
package struct IgnoreRule: Hashable, Sendable {
    package var negated: Bool
    package var directoryOnly: Bool
    /// A single component matched against the name alone (patterns without a `/`).
    private var basename: WildcardPattern?
    /// An anchored pattern matched against the path relative to the `.gitignore`'s directory.
    private var anchored: PathGlob?

    /// Parses one line; `nil` for blank lines, comments and lines that can match nothing.
    package init?(line rawLine: some StringProtocol) {
        var line = Array(rawLine.utf8)[...]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
        line = line.prefix(Self.lengthWithoutTrailingBlanks(line))
        negated = line.first == UInt8(ascii: "!")
        if negated { line = line.dropFirst() }
        // One trailing `/` only: `a//` keeps a `/` at its end, which no path has.
        directoryOnly = line.last == UInt8(ascii: "/")
        if directoryOnly { line = line.dropLast() }
        guard !line.isEmpty else { return nil }
        let pattern = String(decoding: line, as: UTF8.self)
        if !line.contains(UInt8(ascii: "/")) {
            basename = WildcardPattern(pattern, dialect: .git)
            return
        }
        // One leading `/` is dropped; an empty component left anywhere (`//a`, `a//b`, `a//`) never matches.
        let relative = pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern
        guard PathGlob.gitComponents(of: relative) != nil else { return nil }
        anchored = PathGlob(relative, dialect: .git)
    }

    /// The length of `line` without its trailing blanks, unless a `\` escapes one (git's
    /// `trim_trailing_spaces`: a `\` escapes the next byte; a lone `\` at the end keeps everything).
    private static func lengthWithoutTrailingBlanks(_ line: ArraySlice<UInt8>) -> Int {
        var lastBlank: Int?
        var index = line.startIndex
        while index < line.endIndex {
            switch line[index] {
            case UInt8(ascii: " "):
                if lastBlank == nil { lastBlank = index }
            case UInt8(ascii: "\\"):
                index += 1
                if index == line.endIndex { return line.count }
                lastBlank = nil
            default:
                lastBlank = nil
            }
            index += 1
        }
        return (lastBlank ?? line.endIndex) - line.startIndex
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
