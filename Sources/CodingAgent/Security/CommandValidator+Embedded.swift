import AgentCore

extension CommandValidator {
    /// Configuration keys through which git runs programs.
    private static let gitProgramKeys = [
        "fsmonitor", "pager", "editor", "sshcommand", "hookspath", "external", "textconv", "filter.", "alias.",
        "helper", "program", "askpass", "command", "gitproxy", "receivepack", "uploadpack",
    ]

    /// `git -c`, `git config` of keys that run programs, and `git -C` outside the workspace.
    func checkGit(_ arguments: [ShellWord]) throws(Refusal) {
        if arguments.contains(where: { $0.literal == "-c" || $0.literal.hasPrefix("--config-env") }) {
            throw Refusal("`git -c` can run arbitrary programs through configuration")
        }
        if let flag = arguments.firstIndex(where: { $0.literal == "-C" }), flag + 1 < arguments.count {
            try checkChangeDirectory([arguments[flag + 1]])
        }
        guard let config = arguments.firstIndex(where: { $0.literal == "config" }) else { return }
        for argument in arguments[(config + 1)...] {
            let key = argument.literal.lowercased()
            if let risky = Self.gitProgramKeys.first(where: { key.contains($0) }), !key.hasPrefix("-") {
                throw Refusal("`git config \(argument.literal)` can make git run programs (`\(risky)`)")
            }
        }
    }

    /// Tools with a way to run other commands: awk's `system()` and pipes, tar's and zip's command
    /// options, ripgrep's `--pre`.
    func checkEmbeddedCommands(_ name: String, _ arguments: [ShellWord]) throws(Refusal) {
        switch name {
        case "awk", "gawk":
            for argument in arguments where Self.awkRunsCommands(argument.literal) {
                throw Refusal("an `\(name)` program that runs commands (`system`, pipes) cannot be checked")
            }
        case "tar":
            let risky = [
                "--to-command", "--checkpoint-action", "--use-compress-program", "--rsh-command",
                "--info-script", "--new-volume-script", "-I", "-F",
            ]
            if let option = arguments.first(where: { argument in
                risky.contains { argument.literal == $0 || argument.literal.hasPrefix($0 + "=") }
            }) {
                throw Refusal("`tar \(option.literal)` runs a program")
            }
        case "zip":
            if let option = arguments.first(where: { $0.literal == "-TT" || $0.literal.hasPrefix("--unzip-command") }) {
                throw Refusal("`zip \(option.literal)` runs a program")
            }
        case "rg":
            if let option = arguments.first(where: { $0.literal == "--pre" || $0.literal.hasPrefix("--pre=") }) {
                throw Refusal("`rg \(option.literal)` runs a program on every file")
            }
        default:
            break
        }
    }

    /// Whether awk program text calls `system()`, pipes to or from a command, or uses a coprocess.
    ///
    /// A forward scan (it was the regular expression `system\s*\(|\|\s*getline|\|&|\|\s*"|"\s*\|`): each
    /// run of blanks is crossed only from the character before it, so the work is linear.
    static func awkRunsCommands(_ program: String) -> Bool {
        // `||` is logical or, not a pipe.
        let text = Array(program.replacing("||", with: "  ").unicodeScalars)
        func afterBlanks(_ start: Int) -> Int {
            var index = start
            while index < text.count, text[index].properties.isWhitespace { index += 1 }
            return index
        }
        func has(_ word: String, at start: Int) -> Bool {
            let scalars = Array(word.unicodeScalars)
            return start + scalars.count <= text.count && text[start..<start + scalars.count].elementsEqual(scalars)
        }
        for index in text.indices {
            switch text[index] {
            case "s":
                let next = afterBlanks(index + 6)
                if has("system", at: index), next < text.count, text[next] == "(" { return true }
            case "|":
                if index + 1 < text.count, text[index + 1] == "&" { return true }
                let next = afterBlanks(index + 1)
                if has("getline", at: next) || has("\"", at: next) { return true }
            case "\"":
                if has("|", at: afterBlanks(index + 1)) { return true }
            default:
                break
            }
        }
        return false
    }
}
