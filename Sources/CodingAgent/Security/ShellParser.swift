import AgentCore

/// Parses shell input into pipelines of simple commands, flattening subshells, `{ }` groups,
/// `if`/`while`/`until`/`for` and `[[ ]]`, so every command the input would run can be checked.
/// What it does not understand (`case`, functions, `(( ))`, `coproc`) is a syntax error.
struct ShellParser {
    private let tokens: [ShellToken]
    private var position = 0
    private var depth = 0

    private static let separators: Set<String> = [";", "&", "\n", "&&", "||"]
    private static let reservedStarts: Set<String> = ["then", "do", "done", "fi", "elif", "else", "esac", "}", "]]"]
    private static let unsupported: Set<String> = ["case", "function", "coproc", "select"]

    /// The pipelines of `text`.
    static func parse(_ text: String) throws(ShellSyntaxError) -> [ShellPipeline] {
        var parser = ShellParser(tokens: try ShellTokenizer.tokenize(text))
        let pipelines = try parser.parseList(terminators: [])
        if let token = parser.current { throw ShellSyntaxError("syntax error near \(Self.describe(token))") }
        return pipelines
    }

    private init(tokens: [ShellToken]) {
        self.tokens = tokens
    }

    private var current: ShellToken? { position < tokens.count ? tokens[position] : nil }

    private static func describe(_ token: ShellToken) -> String {
        switch token {
        case .word(let word): "`\(word.raw)`"
        case .control("\n"): "newline"
        case .control(let op): "`\(op)`"
        case .redirection(let op, _): "`\(op)`"
        }
    }

    private mutating func skipNewlines() {
        while case .control("\n")? = current { position += 1 }
    }

    private func isTerminator(_ terminators: Set<String>) -> Bool {
        switch current {
        case .control(")")?: return terminators.contains(")")
        case .word(let word)?: return terminators.contains(word.raw) && word.isBare(word.raw)
        default: return false
        }
    }

    private mutating func parseList(terminators: Set<String>) throws(ShellSyntaxError) -> [ShellPipeline] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 2 * ShellTokenizer.maximumNesting else { throw ShellSyntaxError("commands nest too deeply") }
        var pipelines: [ShellPipeline] = []
        while true {
            skipNewlines()
            if current == nil || isTerminator(terminators) { break }
            pipelines.append(try parsePipeline())
            guard case .control(let op)? = current, Self.separators.contains(op) else { break }
            position += 1
            if op == "&&" || op == "||" {
                skipNewlines()
                if current == nil || isTerminator(terminators) {
                    throw ShellSyntaxError("`\(op)` has no command after it")
                }
            }
        }
        return pipelines
    }

    private mutating func parsePipeline() throws(ShellSyntaxError) -> ShellPipeline {
        var stages = [try parseUnit()]
        while case .control(let op)? = current, op == "|" || op == "|&" {
            position += 1
            skipNewlines()
            stages.append(try parseUnit())
        }
        return ShellPipeline(stages: stages)
    }

    private mutating func parseUnit() throws(ShellSyntaxError) -> [ShellCommand] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 2 * ShellTokenizer.maximumNesting else { throw ShellSyntaxError("commands nest too deeply") }
        guard let token = current else { throw ShellSyntaxError("a command is missing at the end") }
        switch token {
        case .control("("):
            if position + 1 < tokens.count, case .control("(") = tokens[position + 1] {
                throw ShellSyntaxError("arithmetic commands `(( ))` are not supported; use `$(( ))`")
            }
            position += 1
            let inner = try parseList(terminators: [")"])
            try expectControl(")")
            guard !inner.isEmpty else { throw ShellSyntaxError("empty subshell `( )`") }
            return Self.flatten(inner) + (try trailingRedirections())
        case .control:
            throw ShellSyntaxError("syntax error near \(Self.describe(token))")
        case .word(let word) where !word.isQuoted && !word.hasExpansion:
            return try parseCompound(word)
        default:
            return [try parseSimple()]
        }
    }

    private mutating func parseCompound(_ word: ShellWord) throws(ShellSyntaxError) -> [ShellCommand] {
        let keyword = word.raw
        if Self.unsupported.contains(keyword) { throw ShellSyntaxError("`\(keyword)` is not supported") }
        if Self.reservedStarts.contains(keyword) { throw ShellSyntaxError("syntax error near `\(keyword)`") }
        switch keyword {
        case "{":
            position += 1
            let inner = try parseList(terminators: ["}"])
            try expectWord("}")
            return Self.flatten(inner) + (try trailingRedirections())
        case "!":
            position += 1
            // bash takes `! ! cmd`, but no grammar of it agrees (shfmt refuses it): refused, it is never needed.
            if case .word(let next)? = current, next.isBare("!") { throw ShellSyntaxError("`! !` is not supported") }
            return try parseUnit()
        case "if":
            return try parseIf()
        case "while", "until":
            position += 1
            var commands = Self.flatten(try parseList(terminators: ["do"]))
            try expectWord("do")
            commands += Self.flatten(try parseList(terminators: ["done"]))
            try expectWord("done")
            return commands + (try trailingRedirections())
        case "for":
            return try parseFor()
        case "[[":
            return try parseTest()
        default:
            return [try parseSimple()]
        }
    }

    private mutating func parseIf() throws(ShellSyntaxError) -> [ShellCommand] {
        position += 1
        var commands = Self.flatten(try parseList(terminators: ["then"]))
        try expectWord("then")
        commands += Self.flatten(try parseList(terminators: ["elif", "else", "fi"]))
        while case .word(let word)? = current, word.isBare("elif") || word.isBare("else") {
            position += 1
            if word.raw == "elif" {
                commands += Self.flatten(try parseList(terminators: ["then"]))
                try expectWord("then")
                commands += Self.flatten(try parseList(terminators: ["elif", "else", "fi"]))
            } else {
                commands += Self.flatten(try parseList(terminators: ["fi"]))
            }
        }
        try expectWord("fi")
        return commands + (try trailingRedirections())
    }

    private mutating func parseFor() throws(ShellSyntaxError) -> [ShellCommand] {
        position += 1
        guard case .word(let name)? = current, !name.isQuoted, !name.hasExpansion,
            name.raw.first.map({ $0 == "_" || $0.isLetter }) == true
        else { throw ShellSyntaxError("`for` needs a variable name (`for ((...))` is not supported)") }
        position += 1
        var listed = ShellCommand()
        skipNewlines()
        if case .word(let word)? = current, word.isBare("in") {
            position += 1
            while case .word(let item)? = current {
                listed.inertWords.append(item)
                position += 1
            }
        }
        if case .control(let op)? = current, op == ";" || op == "\n" { position += 1 }
        skipNewlines()
        try expectWord("do")
        let body = Self.flatten(try parseList(terminators: ["done"]))
        try expectWord("done")
        return [listed] + body + (try trailingRedirections())
    }

    private mutating func parseTest() throws(ShellSyntaxError) -> [ShellCommand] {
        position += 1
        var test = ShellCommand()
        try parseTestOr(into: &test)
        skipNewlines()
        guard case .word(let word)? = current, word.isBare("]]") else {
            throw ShellSyntaxError("syntax error in the conditional expression of `[[`" + Self.near(current))
        }
        position += 1
        return [test] + (try trailingRedirections())
    }

    /// bash's `[[ ]]` grammar (its words are kept in `inertWords`): `a || b`, `a && b`, `! a`, `( a )`,
    /// `-f word`, `word == word` (and the other binary tests, `<` and `>`), `word =~ regex`, or a lone word.
    /// Anything else is the syntax error bash reports, so no malformed test is ever taken apart loosely.
    private mutating func parseTestOr(into test: inout ShellCommand) throws(ShellSyntaxError) {
        try parseTestAnd(into: &test)
        while skipNewlinesThenCurrent() == .control("||") {
            position += 1
            try parseTestAnd(into: &test)
        }
    }

    private mutating func parseTestAnd(into test: inout ShellCommand) throws(ShellSyntaxError) {
        try parseTestTerm(into: &test)
        while skipNewlinesThenCurrent() == .control("&&") {
            position += 1
            try parseTestTerm(into: &test)
        }
    }

    private mutating func parseTestTerm(into test: inout ShellCommand) throws(ShellSyntaxError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 2 * ShellTokenizer.maximumNesting else { throw ShellSyntaxError("`[[` nests too deeply") }
        switch skipNewlinesThenCurrent() {
        case .word(let word)? where word.isBare("!"):
            position += 1
            try parseTestTerm(into: &test)
        case .control("(")?:
            position += 1
            try parseTestOr(into: &test)
            skipNewlines()
            try expectControl(")")
        case .word(let word)? where !word.isBare("]]"):
            position += 1
            test.inertWords.append(word)
            if Self.unaryTests.contains(word.raw), word.isBare(word.raw), case .word(let operand)? = current,
                !operand.isBare("]]")
            {
                position += 1
                test.inertWords.append(operand)
                return
            }
            switch current {
            case .word(let op)? where op.isBare(op.raw) && Self.binaryTests.contains(op.raw):
                position += 1
                test.inertWords.append(op)
                if op.raw == "=~" {
                    try parseTestRegex(into: &test)
                } else {
                    guard case .word(let right)? = current, !right.isBare("]]") else {
                        throw ShellSyntaxError("`\(op.raw)` in `[[` has no right operand")
                    }
                    position += 1
                    test.inertWords.append(right)
                }
            case .redirection(let op, nil)? where op == "<" || op == ">":
                position += 1
                guard case .word(let right)? = current, !right.isBare("]]") else {
                    throw ShellSyntaxError("`\(op)` in `[[` has no right operand")
                }
                position += 1
                test.inertWords.append(right)
            default:
                return
            }
        default:
            throw ShellSyntaxError("syntax error in the conditional expression of `[[`" + Self.near(current))
        }
    }

    /// The regular expression after `=~`: words, with balanced unquoted parentheses and `|` inside it.
    private mutating func parseTestRegex(into test: inout ShellCommand) throws(ShellSyntaxError) {
        var parentheses = 0
        var consumed = 0
        loop: while let token = current {
            switch token {
            case .word(let word) where !word.isBare("]]"):
                test.inertWords.append(word)
            case .control("("):
                parentheses += 1
            case .control(")") where parentheses > 0:
                parentheses -= 1
            case .control("|") where consumed > 0:
                break
            default:
                break loop
            }
            position += 1
            consumed += 1
        }
        guard consumed > 0, parentheses == 0 else { throw ShellSyntaxError("malformed regular expression after `=~`") }
    }

    private mutating func skipNewlinesThenCurrent() -> ShellToken? {
        skipNewlines()
        return current
    }

    private static func near(_ token: ShellToken?) -> String {
        token.map { " near " + describe($0) } ?? " at the end"
    }

    private static let unaryTests: Set<String> = [
        "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G", "-L",
        "-N", "-O", "-S", "-z", "-n", "-o", "-v", "-R",
    ]
    private static let binaryTests: Set<String> = [
        "==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-ef", "-nt", "-ot",
    ]

    private mutating func parseSimple() throws(ShellSyntaxError) -> ShellCommand {
        var command = ShellCommand()
        loop: while let token = current {
            switch token {
            case .word(let word):
                if command.words.isEmpty, Self.isAssignment(word) {
                    command.assignments.append(word)
                } else {
                    command.words.append(word)
                }
                position += 1
            case .redirection:
                command.redirections.append(try parseRedirection())
            case .control("(") where !command.words.isEmpty:
                throw ShellSyntaxError("function definitions are not allowed")
            default:
                break loop
            }
        }
        guard !command.isEmpty else { throw ShellSyntaxError("a command is missing") }
        return command
    }

    private mutating func parseRedirection() throws(ShellSyntaxError) -> ShellRedirection {
        guard case .redirection(let op, let descriptor)? = current else {
            throw ShellSyntaxError("expected a redirection")
        }
        position += 1
        guard case .word(let target)? = current else { throw ShellSyntaxError("redirection `\(op)` has no target") }
        position += 1
        return ShellRedirection(op: op, descriptor: descriptor, target: target)
    }

    private mutating func trailingRedirections() throws(ShellSyntaxError) -> [ShellCommand] {
        var command = ShellCommand()
        while case .redirection? = current {
            command.redirections.append(try parseRedirection())
        }
        return command.isEmpty ? [] : [command]
    }

    private mutating func expectWord(_ keyword: String) throws(ShellSyntaxError) {
        guard case .word(let word)? = current, word.isBare(keyword) else {
            throw ShellSyntaxError(
                "expected `\(keyword)`" + (current.map { " near " + Self.describe($0) } ?? " at the end"))
        }
        position += 1
    }

    private mutating func expectControl(_ op: String) throws(ShellSyntaxError) {
        guard case .control(op)? = current else {
            throw ShellSyntaxError("expected `\(op)`" + (current.map { " near " + Self.describe($0) } ?? " at the end"))
        }
        position += 1
    }

    private static func flatten(_ pipelines: [ShellPipeline]) -> [ShellCommand] {
        pipelines.flatMap { $0.stages.flatMap { $0 } }
    }

    /// `NAME=value` or `NAME+=value` with an unquoted name.
    static func isAssignment(_ word: ShellWord) -> Bool {
        guard let equals = word.raw.firstIndex(of: "=") else { return false }
        var name = word.raw[..<equals]
        if name.hasSuffix("+") { name = name.dropLast() }
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
