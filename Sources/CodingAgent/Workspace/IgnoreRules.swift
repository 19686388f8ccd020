import AgentCore

/// The `.gitignore` files in force at one point of a walk, outermost first.
///
/// Deeper files override shallower ones and, within a file, the last matching rule wins;
/// a negated rule (`!`) re-includes. A directory that is ignored is not entered, so (as in git)
/// nothing below it can be re-included.
package struct IgnoreRules: Sendable {
    /// Directories that are always skipped, whatever the ignore files say.
    package static let alwaysSkipped: Set<String> = [".git", ".build", "node_modules"]

    private struct File: Sendable {
        var depth: Int
        var rules: [IgnoreRule]
    }

    private var files: [File] = []

    package init() {}

    /// Adds the rules of a `.gitignore` found in the directory `depth` components below the root.
    package mutating func push(gitignore text: String, depth: Int) {
        // Lines end at each `\n` byte (splitting the `String` would keep `\r\n`, one `Character`, whole).
        let rules = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap {
            IgnoreRule(line: String(decoding: $0, as: UTF8.self))
        }
        files.append(File(depth: depth, rules: rules))
    }

    /// Adds the rules of a repository-wide exclude file (`.git/info/exclude`, `core.excludesFile`): they apply
    /// from the root and lose to every `.gitignore`, so push them first (the user's file, then the
    /// repository's), as git orders them.
    package mutating func push(excludes text: String) {
        push(gitignore: text, depth: 0)
    }

    /// Drops the rules of files deeper than `depth` (call when the walk leaves a directory).
    package mutating func pop(deeperThan depth: Int) {
        while let last = files.last, last.depth > depth { files.removeLast() }
    }

    /// Whether the entry at `components` (relative to the root) is ignored.
    package func isIgnored(_ components: [String], isDirectory: Bool) -> Bool {
        if isDirectory, let name = components.last, Self.alwaysSkipped.contains(name) { return true }
        for file in files.reversed() where file.depth < components.count {
            let relative = components[file.depth...]
            for rule in file.rules.reversed() where rule.matches(relative, isDirectory: isDirectory) {
                return !rule.negated
            }
        }
        return false
    }
}
