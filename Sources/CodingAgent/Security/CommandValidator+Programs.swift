import AgentCore

extension CommandValidator {
    /// Refuses programs that are dangerous whatever the allowlist says, with a specific reason.
    func checkForbiddenProgram(_ name: String, _ arguments: [ShellWord]) throws(Refusal) {
        switch name {
        case "sudo", "su", "doas", "pkexec", "runuser":
            throw Refusal("privilege escalation (`\(name)`) is not allowed")
        case "shutdown", "reboot", "halt", "poweroff", "init", "telinit":
            throw Refusal("`\(name)` would shut down or restart the machine")
        case "mkfs", "mke2fs", "mkswap", "fdisk", "sfdisk", "cfdisk", "parted", "wipefs":
            throw Refusal("`\(name)` formats or partitions a disk")
        case _ where name.hasPrefix("mkfs."):
            throw Refusal("`\(name)` formats a disk")
        case "eval":
            if arguments.contains(where: { $0.hasExpansion }) {
                throw Refusal("`eval` of a command substitution or variable runs code that cannot be checked")
            }
            throw Refusal("`eval` is not allowed; run the command directly")
        case "source", ".":
            throw Refusal("`\(name)` runs a script inside the shell, where it cannot be checked")
        case "setsid", "disown", "nohup":
            throw Refusal("`\(name)` detaches processes from the tool's process group, beyond its timeout")
        case "systemctl", "service":
            throw Refusal("managing system services (`\(name)`) is not allowed")
        case "killall", "pkill":
            throw Refusal("`\(name)` can stop processes outside this command")
        case "crontab", "at", "batch":
            throw Refusal("scheduling commands (`\(name)`) is not allowed")
        case "dd":
            for argument in arguments where argument.literal.hasPrefix("of=") {
                var target = argument
                target.literal.removeFirst(3)
                try checkWriteTarget(target, verb: "`dd` writes to")
            }
        case "chmod", "chown", "chgrp":
            try checkOwnership(name, arguments)
        case "rm":
            try checkRemove(arguments)
        default:
            break
        }
        if CommandPolicy.networkPrograms.contains(name), !policy.allowNetwork {
            throw Refusal("`\(name)` is a network tool and network access is not allowed")
        }
    }

    /// The command a wrapper runs (`env A=b cmd`, `timeout 5 cmd`, `xargs cmd`, ...): `nil` when
    /// `name` is not a wrapper, empty when the wrapper runs nothing.
    func unwrap(_ name: String, _ arguments: [ShellWord]) throws(Refusal) -> [ShellWord]? {
        var rest = arguments[...]
        func options(withValues: Set<String>, flagsOnly: Bool = false) {
            while let next = rest.first, next.literal.hasPrefix("-"), next.literal != "-" || name == "env" {
                rest.removeFirst()
                if next.literal == "--" { return }
                if withValues.contains(next.literal) { rest = rest.dropFirst() }
            }
        }
        switch name {
        case "env":
            if arguments.contains(where: { ["-S", "--split-string", "-C", "--chdir"].contains($0.literal) }) {
                throw Refusal("`env -S` and `env -C` are not supported")
            }
            options(withValues: ["-u", "--unset"])
            while let next = rest.first, ShellParser.isAssignment(next) {
                try checkAssignment(next)
                rest.removeFirst()
            }
        case "time", "command":
            if name == "command", rest.contains(where: { $0.literal == "-v" || $0.literal == "-V" }) { return [] }
            options(withValues: [])
        case "exec":
            options(withValues: ["-a"])
        case "nice":
            options(withValues: ["-n"])
        case "stdbuf":
            options(withValues: ["-i", "-o", "-e"])
        case "timeout":
            options(withValues: ["-s", "-k", "--signal", "--kill-after"])
            rest = rest.dropFirst()
        case "xargs":
            options(withValues: ["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter"])
        default:
            return nil
        }
        return Array(rest)
    }

    /// Checks what a program's arguments would do (shell scripts, `find -exec`, write targets).
    func checkArguments(_ name: String, _ arguments: [ShellWord], depth: Int) throws(Refusal) {
        switch name {
        case "bash", "sh":
            try checkShell(name, arguments, depth: depth)
        case "find":
            try checkFind(arguments, depth: depth)
        case "cd":
            try checkChangeDirectory(Self.operands(arguments))
        case "cp", "mv", "ln", "tee", "touch", "mkdir", "rmdir", "sed":
            try checkFileOperation(name, arguments)
        case "git":
            try checkGit(arguments)
        case "awk", "gawk", "tar", "zip", "rg":
            try checkEmbeddedCommands(name, arguments)
        case "export", "local":
            for argument in arguments where ShellParser.isAssignment(argument) {
                try checkAssignment(argument)
            }
        default:
            break
        }
    }

    /// The arguments that are not options.
    static func operands(_ arguments: [ShellWord]) -> [ShellWord] {
        arguments.filter { !$0.literal.hasPrefix("-") || $0.literal == "-" || $0.hasExpansion }
    }

    /// Whether `word` is a short option cluster such as `-c`, `-ec` or `-xc`.
    static func isShortOption(_ word: ShellWord, containing letter: Character) -> Bool {
        let text = word.literal
        return text.hasPrefix("-") && !text.hasPrefix("--") && text.dropFirst().contains(letter)
    }

    private func checkFind(_ arguments: [ShellWord], depth: Int) throws(Refusal) {
        let starts = arguments.prefix { !$0.literal.hasPrefix("-") && $0.literal != "(" && $0.literal != "!" }
        let startPaths = starts.isEmpty ? [ShellWord(raw: ".", literal: ".")] : Array(starts)
        var index = starts.count
        while index < arguments.count {
            let argument = arguments[index].literal
            index += 1
            switch argument {
            case "-delete":
                for path in startPaths { try checkDeleteTarget(path, recursive: true, allowingRoot: true) }
            case "-exec", "-execdir", "-ok", "-okdir":
                guard let end = arguments[index...].firstIndex(where: { $0.literal == ";" || $0.literal == "+" }) else {
                    throw Refusal("`find \(argument)` is not terminated by `;` or `+`")
                }
                let inner = Array(arguments[index..<end])
                let innerName = try checkInvocation(inner, depth: depth + 1)
                if innerName == "rm" {
                    for path in startPaths { try checkDeleteTarget(path, recursive: true, allowingRoot: true) }
                }
                index = end + 1
            case "-fprint", "-fprint0", "-fprintf", "-fls":
                if index < arguments.count { try checkWriteTarget(arguments[index], verb: "`find` writes to") }
            default:
                break
            }
        }
    }

    private func checkOwnership(_ name: String, _ arguments: [ShellWord]) throws(Refusal) {
        let recursive = arguments.contains { $0.literal == "--recursive" || Self.isShortOption($0, containing: "R") }
        let operands = arguments.filter { !$0.literal.hasPrefix("-") || $0.hasExpansion }.dropFirst()
        for target in operands {
            switch classify(target) {
            case .inside, .workspaceRoot:
                continue
            case .outside(let path) where path == "/":
                throw Refusal("`\(name)\(recursive ? " -R" : "")` on `/` changes the whole system")
            case .outside(let path):
                if mayChangeOutside(path, namedBy: target) { continue }
                throw Refusal("`\(name)` changes permissions outside the workspace (`\(path)`)")
            case .home:
                throw Refusal("`\(name)` changes permissions in the home directory (`\(target.raw)`)")
            case .computed:
                throw Refusal("`\(name)` on a path only known at run time (`\(target.raw)`) cannot be checked")
            }
        }
    }

    private func checkRemove(_ arguments: [ShellWord]) throws(Refusal) {
        if arguments.contains(where: { $0.literal == "--no-preserve-root" }) {
            throw Refusal("`rm --no-preserve-root` is not allowed")
        }
        let recursive = Self.isRecursiveRemove(arguments)
        var endOfOptions = false
        for argument in arguments {
            if !endOfOptions, argument.literal == "--" {
                endOfOptions = true
            } else if endOfOptions || !argument.literal.hasPrefix("-") || argument.literal == "-"
                || argument.hasExpansion
            {
                try checkDeleteTarget(argument, recursive: recursive)
            }
        }
    }

    /// Whether `rm` arguments ask for a recursive delete.
    static func isRecursiveRemove(_ arguments: [ShellWord]) -> Bool {
        arguments.prefix { $0.literal != "--" }.contains {
            $0.literal == "--recursive" || isShortOption($0, containing: "r") || isShortOption($0, containing: "R")
        }
    }

    func checkAssignment(_ word: ShellWord) throws(Refusal) {
        let name = String(word.raw.prefix { $0 != "=" && $0 != "+" })
        let dangerous: Set<String> = [
            "PATH", "BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS", "PS4", "PROMPT_COMMAND", "IFS", "GIT_SSH_COMMAND",
            "GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "EDITOR", "VISUAL", "GIT_EDITOR", "GIT_ASKPASS",
            "SSH_ASKPASS", "PYTHONSTARTUP", "NODE_OPTIONS", "PERL5OPT", "HOME", "GIT_CONFIG_GLOBAL",
        ]
        if dangerous.contains(name) || name.hasPrefix("LD_") || name.hasPrefix("BASH_FUNC_") {
            throw Refusal("setting `\(name)` can change which programs run")
        }
    }
}
