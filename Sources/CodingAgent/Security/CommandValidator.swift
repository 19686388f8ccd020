import AgentCore

/// Checks a shell command line before it runs.
///
/// The input is tokenized and parsed like bash would (quotes, escapes, pipelines, lists, subshells,
/// `{ }` groups, `if`/`while`/`for`, `$(...)`, backticks, process substitutions, redirections and
/// `NAME=value` prefixes). Every command word found anywhere, including inside substitutions,
/// `bash -c` strings, `find -exec` and wrappers such as `env`, `timeout` and `xargs`, must name an
/// allowlisted program; dangerous patterns are refused with the reason. Input it cannot parse is refused.
///
/// These checks are a courtesy layer, not the security boundary: they stop the common mistakes early, with a
/// reason the model can act on, but a shell has more ways to run code than any checker sees (a variable's
/// value evaluated in arithmetic, `a[$(...)]` subscripts, programs that run others). The boundary is the
/// sandbox the command runs in (see docs/security.md).
///
/// Every check is linear in the length of the command: the tokenizer and parser only move forward, the
/// pattern checks are hand-written forward scans (no backtracking regular expressions), and nested
/// substitutions are re-checked at most `CommandPolicy.maximumNesting` levels deep.
public struct CommandValidator: Sendable {
    /// What is allowed.
    public var policy: CommandPolicy
    /// The absolute workspace root commands run in.
    public var workspaceRoot: String

    public init(policy: CommandPolicy = CommandPolicy(), workspaceRoot: String) {
        self.policy = policy
        self.workspaceRoot = workspaceRoot
    }

    /// Whether `command` may run, and if not, why.
    public func validate(_ command: String) -> CommandVerdict {
        do {
            try check(command, depth: 0)
            return .allowed
        } catch {
            return .refused(reason: error.reason)
        }
    }

    struct Refusal: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static let downloaders: Set<String> = ["curl", "wget", "fetch", "aria2c", "http"]
    static let interpreters: Set<String> = [
        "sh", "bash", "zsh", "dash", "ksh", "fish", "source", ".", "eval", "python", "python3", "perl", "ruby",
        "node", "php",
    ]

    func check(_ text: String, depth: Int) throws(Refusal) {
        guard depth <= policy.maximumNesting else { throw Refusal("commands nest too deeply to be checked") }
        guard text.utf8.count <= 65536 else { throw Refusal("the command is longer than 64 KiB") }
        if text.unicodeScalars.contains(where: {
            ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7f
        }) {
            throw Refusal("the command contains control characters")
        }
        if Self.definesForkBomb(text) {
            throw Refusal("a fork bomb (a function that pipes into itself in the background) is not allowed")
        }
        let pipelines: [ShellPipeline]
        do {
            pipelines = try ShellParser.parse(text)
        } catch {
            throw Refusal("the command cannot be parsed safely: \(error.message)")
        }
        guard !pipelines.isEmpty else { throw Refusal("the command is empty") }
        for pipeline in pipelines {
            try checkDownloadPipeline(pipeline)
            for command in pipeline.stages.joined() {
                try checkCommand(command, depth: depth)
            }
        }
    }

    /// Refuses a downloader in a stage with an interpreter in the same or a later stage (one pass, linear).
    private func checkDownloadPipeline(_ pipeline: ShellPipeline) throws(Refusal) {
        var downloader: String?
        for stage in pipeline.stages {
            let names = stage.flatMap(invokedNames)
            downloader = downloader ?? names.first(where: Self.downloaders.contains)
            if let downloader, let shell = names.first(where: Self.interpreters.contains) {
                throw Refusal("piping a download (`\(downloader)`) into `\(shell)` runs code from the network")
            }
        }
    }

    private func checkCommand(_ command: ShellCommand, depth: Int) throws(Refusal) {
        if let shell = invokedNames(command).first(where: Self.interpreters.contains) {
            for source in command.substitutions {
                let inner = (try? ShellParser.parse(source)) ?? []
                let names = inner.flatMap { $0.stages.joined() }.flatMap(invokedNames)
                if let downloader = names.first(where: Self.downloaders.contains) {
                    throw Refusal("feeding a download (`\(downloader)`) to `\(shell)` runs code from the network")
                }
            }
        }
        for source in command.substitutions {
            try check(source, depth: depth + 1)
        }
        for assignment in command.assignments {
            try checkAssignment(assignment)
        }
        for redirection in command.redirections where redirection.writesFile {
            try checkWriteTarget(redirection.target, verb: "redirects output to")
        }
        guard !command.words.isEmpty else { return }
        _ = try checkInvocation(command.words, depth: depth)
    }

    /// The program names a command runs (its own, and the one a wrapper such as `env` runs).
    func invokedNames(_ command: ShellCommand) -> [String] {
        var words = command.words[...]
        var names: [String] = []
        while let first = words.first, !first.hasExpansion {
            let name = Self.baseName(first.literal)
            names.append(name)
            guard let inner = try? unwrap(name, Array(words.dropFirst())), !inner.isEmpty else { break }
            words = inner[...]
        }
        return names
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Checks a program and its arguments; returns the program name that finally runs.
    func checkInvocation(_ words: [ShellWord], depth: Int) throws(Refusal) -> String {
        guard let first = words.first else { throw Refusal("a command is missing") }
        guard !first.hasExpansion else {
            throw Refusal("the program name `\(first.raw)` is only known at run time; write the program literally")
        }
        guard !first.hasGlob || first.literal == "[", !first.startsWithTilde, !first.literal.isEmpty else {
            throw Refusal("`\(first.raw)` is not a program name the validator can check")
        }
        let name = try programName(first)
        let arguments = Array(words.dropFirst())
        try checkForbiddenProgram(name, arguments)
        guard policy.allowedPrograms.contains(name) else {
            throw Refusal("`\(name)` is not an allowed program (see the allowlist in the command policy)")
        }
        if let inner = try unwrap(name, arguments) {
            guard !inner.isEmpty else { return name }
            let innerName = try checkInvocation(inner, depth: depth)
            if name == "xargs", innerName == "rm", Self.isRecursiveRemove(Array(inner.dropFirst())) {
                throw Refusal("a recursive delete of paths read from input (`xargs rm -r`) cannot be checked")
            }
            return innerName
        }
        try checkArguments(name, arguments, depth: depth)
        return name
    }

    private func programName(_ word: ShellWord) throws(Refusal) -> String {
        let literal = word.literal
        guard literal.contains("/") else { return literal }
        let name = Self.baseName(literal)
        let directory = String(literal.dropLast(name.count)).execDroppingTrailingSlashes
        let systemDirectories: Set<String> = ["/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin"]
        guard literal.hasPrefix("/"), systemDirectories.contains(directory) else {
            throw Refusal("`\(literal)` runs a program by path; only allowlisted programs may run, by name")
        }
        return name
    }
}
