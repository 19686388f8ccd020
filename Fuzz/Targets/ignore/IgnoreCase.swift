@testable import CodingAgent

/// A small workspace with ignore files, decoded from fuzz bytes: a tree of files and directories, and
/// `.gitignore` files (in the root or any directory), `.git/info/exclude` and a `core.excludesFile` whose
/// lines are built from tokens that matter to git's rules (wildcards, `**`, `/`, `!`, `#`, escapes,
/// brackets, trailing blanks, braces that git does not expand).
///
/// Shared by the `ignore` fuzz target (which checks our side alone) and the `ignore-differential` driver
/// (which builds the workspace in a git repository and asks `git check-ignore`).
struct IgnoreCase {
    enum Location: Hashable {
        case gitignore(directory: [String])
        case infoExclude
        case excludesFile
    }

    struct Entry: Hashable {
        var components: [String]
        var isDirectory: Bool
        var path: String { components.joined(separator: "/") }
    }

    /// Every entry, parents before children (a `.gitignore` file is an entry too).
    var entries: [Entry] = []
    /// The text of each ignore file.
    var files: [Location: String] = [:]

    static let names = [
        "a", "b", "c", "ab", "a.txt", "b.log", ".x", "d e", "é", "[a]", "a*", "!a", "#a", "a ", "A", "a\\b",
    ]
    static let tokens = [
        "a", "b", "c", "*", "**", "?", "/", "!", "#", "\\", "[a-c]", "[!a]", "[^b]", "[]a]", "]", "[", "x", ".txt",
        ".log", " ", "\\ ", "{a,b}", "é", "-", "\r", "ab", "d e", "[[:alpha:]]", "\\*", "\\!", "\\#", "*.txt",
    ]

    init(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        var directories: Set<[String]> = [[]]
        var files: Set<[String]> = []
        for _ in 0..<(1 + input.number(below: 12)) {
            let depth = 1 + input.number(below: 3)
            let components = (0..<depth).map { _ in Self.names[input.number(below: Self.names.count)] }
            for end in 1..<components.count { directories.insert(Array(components[..<end])) }
            if input.byte() & 1 == 0 { files.insert(components) } else { directories.insert(components) }
        }
        files.subtract(directories)  // a path that is a parent of another is a directory
        let sortedDirectories = directories.sorted { $0.lexicographicallyPrecedes($1) }
        for _ in 0..<(1 + input.number(below: 4)) {
            let location: Location
            switch input.number(below: 5) {
            case 3: location = .infoExclude
            case 4: location = .excludesFile
            default:
                let directory = sortedDirectories[input.number(below: sortedDirectories.count)]
                location = .gitignore(directory: directory)
                files.insert(directory + [".gitignore"])
            }
            var lines: [String] = []
            for _ in 0..<(1 + input.number(below: 4)) {
                lines.append(
                    (0..<(1 + input.number(below: 5))).map { _ in Self.tokens[input.number(below: Self.tokens.count)] }
                        .joined())
            }
            self.files[location, default: ""] += lines.joined(separator: "\n") + "\n"
        }
        entries =
            (directories.subtracting([[]]).map { Entry(components: $0, isDirectory: true) }
            + files.map { Entry(components: $0, isDirectory: false) })
            .sorted { $0.components.lexicographicallyPrecedes($1.components) }
    }

    /// The paths we ignore, as the workspace walker decides: an entry is ignored when the rules in force in
    /// its directory ignore it or when its directory is ignored (the walker does not enter it).
    ///
    /// The rules in force: `core.excludesFile`, then `.git/info/exclude`, then each `.gitignore` from the
    /// root down, later ones winning (git's order).
    func ignoredByUs() -> Set<String> {
        var ignored: Set<String> = []
        for entry in entries {
            let parent = Array(entry.components.dropLast())
            if !parent.isEmpty, ignored.contains(parent.joined(separator: "/")) {
                ignored.insert(entry.path)
                continue
            }
            var rules = IgnoreRules()
            if let text = files[.excludesFile] { rules.push(excludes: text) }
            if let text = files[.infoExclude] { rules.push(excludes: text) }
            for depth in 0...parent.count {
                if let text = files[.gitignore(directory: Array(parent[..<depth]))] {
                    rules.push(gitignore: text, depth: depth)
                }
            }
            if rules.isIgnored(entry.components, isDirectory: entry.isDirectory) { ignored.insert(entry.path) }
        }
        return ignored
    }

    /// A readable account of the case, for a failure message.
    var description: String {
        var lines = entries.map { "  \($0.path)\($0.isDirectory ? "/" : "")" }
        for (location, text) in files.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            lines.append("  \(location): \(text.debugDescription)")
        }
        return lines.joined(separator: "\n")
    }
}
