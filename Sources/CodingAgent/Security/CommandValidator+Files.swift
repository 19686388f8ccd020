import AgentCore
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CommandValidator {
    /// `bash`/`sh`: a `-c` script is validated; a script file is validated from disk when the policy
    /// asks for it; reading commands from standard input is refused, since they cannot be seen.
    func checkShell(_ name: String, _ arguments: [ShellWord], depth: Int) throws(Refusal) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let text = argument.literal
            guard !argument.hasExpansion else {
                throw Refusal("`\(name)` with arguments only known at run time cannot be checked")
            }
            if text == "--" {
                index += 1
                break
            }
            guard text.count > 1, text.hasPrefix("-") || text.hasPrefix("+") else { break }
            if ["-o", "+o", "-O", "+O", "--rcfile", "--init-file"].contains(text) {
                index += 2
                continue
            }
            if !text.hasPrefix("--"), text.dropFirst().contains("c") {
                guard index + 1 < arguments.count else { throw Refusal("`\(name) -c` needs a command") }
                let script = arguments[index + 1]
                guard !script.hasExpansion else {
                    throw Refusal("`\(name) -c` with a script only known at run time cannot be checked")
                }
                try check(script.literal, depth: depth + 1)
                return
            }
            if !text.hasPrefix("--"), text.dropFirst().contains("s") { break }
            index += 1
        }
        let reads = arguments.contains { !$0.literal.hasPrefix("--") && Self.isShortOption($0, containing: "s") }
        guard index < arguments.count, !reads else {
            throw Refusal("`\(name)` reading commands from standard input cannot be checked; use `\(name) -c '...'`")
        }
        guard policy.checkScriptContents else { return }
        try checkScriptFile(arguments[index], shell: name, depth: depth)
    }

    private func checkScriptFile(_ word: ShellWord, shell: String, depth: Int) throws(Refusal) {
        let path: String
        switch classify(word) {
        case .inside, .workspaceRoot:
            path = word.literal.hasPrefix("/") ? word.literal : workspaceRoot + "/" + word.literal
        case .outside(let absolute):
            path = absolute
        case .home, .computed:
            throw Refusal("`\(shell) \(word.raw)`: the script's path cannot be checked")
        }
        guard let text = Self.readScript(path, limit: 65536) else {
            throw Refusal(
                "`\(shell) \(word.raw)`: the script does not exist yet (or is unreadable or over 64 KiB), so it "
                    + "cannot be checked; create it first, then run it")
        }
        do {
            try check(text, depth: depth + 1)
        } catch {
            throw Refusal("the script `\(word.raw)` would be refused: \(error.reason)")
        }
    }

    private static func readScript(_ path: String, limit: Int) -> String? {
        POSIX.readFile(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Write targets of file commands: destinations, `mv` sources (they disappear), `ln` targets
    /// (no links to outside the workspace) and `sed -i` files.
    func checkFileOperation(_ name: String, _ arguments: [ShellWord]) throws(Refusal) {
        let verb = "`\(name)` writes to"
        var operands = Self.operands(arguments)
        switch name {
        case "cp", "mv", "ln":
            var explicitTarget: ShellWord?
            for (index, argument) in arguments.enumerated() {
                if argument.literal == "-t", index + 1 < arguments.count {
                    explicitTarget = arguments[index + 1]
                    operands.removeAll { $0 == arguments[index + 1] }
                } else if argument.literal.hasPrefix("--target-directory=") {
                    var target = argument
                    target.literal.removeFirst("--target-directory=".count)
                    explicitTarget = target
                }
            }
            if explicitTarget == nil, operands.count >= 2 { explicitTarget = operands.removeLast() }
            if let explicitTarget { try checkWriteTarget(explicitTarget, verb: verb) }
            if name == "mv" {
                for source in operands { try checkWriteTarget(source, verb: "`mv` removes") }
            }
            if name == "ln" {
                for source in operands { try checkLinkSource(source) }
            }
        case "sed":
            try checkInPlaceEdit(arguments)
        default:
            for operand in operands { try checkWriteTarget(operand, verb: verb) }
        }
    }

    private func checkLinkSource(_ word: ShellWord) throws(Refusal) {
        switch classify(word) {
        case .inside, .workspaceRoot:
            return
        case .outside(let path):
            throw Refusal("`ln` would link to `\(path)`, outside the workspace")
        case .home, .computed:
            throw Refusal("`ln` to `\(word.raw)` cannot be checked")
        }
    }

    private func checkInPlaceEdit(_ arguments: [ShellWord]) throws(Refusal) {
        let inPlace = arguments.contains {
            $0.literal.hasPrefix("--in-place") || Self.isShortOption($0, containing: "i")
        }
        guard inPlace else { return }
        var files: [ShellWord] = []
        var scriptGiven = false
        var index = 0
        while index < arguments.count {
            let text = arguments[index].literal
            if ["-e", "-f", "--expression", "--file", "-l"].contains(text) {
                scriptGiven = scriptGiven || text != "-l"
                index += 2
                continue
            }
            if text.hasPrefix("--expression=") || text.hasPrefix("--file=") { scriptGiven = true }
            if !text.hasPrefix("-") || arguments[index].hasExpansion { files.append(arguments[index]) }
            index += 1
        }
        for file in scriptGiven ? files : Array(files.dropFirst()) {
            try checkWriteTarget(file, verb: "`sed -i` writes to")
        }
    }
}
