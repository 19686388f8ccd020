import AgentCore

/// Splits shell input into words, control operators and redirections, the way bash does:
/// quotes, escapes, comments, line continuations, here-documents, and nested `$(...)`,
/// `${...}`, `$((...))`, backticks and process substitutions (kept whole for the validator).
struct ShellTokenizer {
    let chars: [Character]
    var index = 0
    /// How deeply `$(...)`, `${...}` and quotes inside them are nested right now.
    var nesting = 0
    /// Deeper nesting is refused rather than risk the stack.
    static let maximumNesting = 64
    private var tokens: [ShellToken] = []
    private var pendingHeredocs: [(tokenIndex: Int, stripTabs: Bool)] = []

    init(_ text: String) {
        chars = Array(text)
    }

    /// The tokens of `text`.
    static func tokenize(_ text: String) throws(ShellSyntaxError) -> [ShellToken] {
        var tokenizer = ShellTokenizer(text)
        try tokenizer.run()
        return tokenizer.tokens
    }

    func peek(_ offset: Int = 0) -> Character? {
        let position = index + offset
        return position < chars.count ? chars[position] : nil
    }

    static func isNewline(_ character: Character?) -> Bool {
        character == "\n" || character == "\r\n"
    }

    private mutating func run() throws(ShellSyntaxError) {
        while let character = peek() {
            switch character {
            case " ", "\t", "\r":
                index += 1
            case "\\" where Self.isNewline(peek(1)):
                index += 2
            case "\n", "\r\n":
                index += 1
                tokens.append(.control("\n"))
                try readHeredocBodies()
            case "#":
                while let next = peek(), !Self.isNewline(next) { index += 1 }
            case "|":
                let op = peek(1) == "|" ? "||" : peek(1) == "&" ? "|&" : "|"
                index += op.count
                tokens.append(.control(op))
            case "&":
                if peek(1) == ">" {
                    let op = peek(2) == ">" ? "&>>" : "&>"
                    index += op.count
                    tokens.append(.redirection(op, descriptor: nil))
                } else {
                    let op = peek(1) == "&" ? "&&" : "&"
                    index += op.count
                    tokens.append(.control(op))
                }
            case ";":
                let op = peek(1) == ";" ? ";;" : ";"
                index += op.count
                tokens.append(.control(op))
            case "(", ")":
                index += 1
                tokens.append(.control(String(character)))
            case "<" where peek(1) != "(", ">" where peek(1) != "(":
                readRedirection(descriptor: nil)
            default:
                try readWordOrDescriptorRedirection()
            }
        }
        if !pendingHeredocs.isEmpty { throw ShellSyntaxError("unterminated here-document") }
    }

    private mutating func readRedirection(descriptor: String?) {
        let ops = ["<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">&", ">|", ">"]
        let rest = String(chars[index..<min(index + 3, chars.count)])
        let op = ops.first { rest.hasPrefix($0) } ?? String(chars[index])
        index += op.count
        if op == "<<" || op == "<<-" {
            pendingHeredocs.append((tokens.count + 1, op == "<<-"))
        }
        tokens.append(.redirection(op, descriptor: descriptor))
    }

    private mutating func readWordOrDescriptorRedirection() throws(ShellSyntaxError) {
        var digits = 0
        while let next = peek(digits), next.isASCII, next.isNumber { digits += 1 }
        if digits > 0, let after = peek(digits), after == "<" || after == ">", peek(digits + 1) != "(" {
            let descriptor = String(chars[index..<index + digits])
            index += digits
            readRedirection(descriptor: descriptor)
            return
        }
        tokens.append(.word(try readWord()))
    }

    private mutating func readWord() throws(ShellSyntaxError) -> ShellWord {
        var word = ShellWord()
        let start = index
        loop: while let character = peek() {
            switch character {
            case " ", "\t", "\r", "\n", "\r\n", "|", "&", ";", "(", ")":
                break loop
            case "<", ">":
                guard peek(1) == "(" else { break loop }
                let substitutionStart = index
                let inner = try matchParenthesis(openAt: index + 1)
                word.substitutions.append(inner)
                word.hasExpansion = true
                word.literal += String(chars[substitutionStart..<index])
            case "\\":
                if Self.isNewline(peek(1)) {
                    index += 2
                } else if let next = peek(1) {
                    word.literal.append(next)
                    word.isQuoted = true
                    index += 2
                } else {
                    word.literal.append("\\")
                    index += 1
                }
            case "'":
                guard let close = chars[(index + 1)...].firstIndex(of: "'") else {
                    throw ShellSyntaxError("unterminated single quote")
                }
                word.literal += String(chars[(index + 1)..<close])
                word.isQuoted = true
                index = close + 1
            case "\"":
                try readDoubleQuoted(into: &word)
            case "$":
                try readDollar(into: &word, inDoubleQuotes: false)
            case "`":
                try readBacktick(into: &word)
            case "*", "?", "[", "{", "}":
                word.hasGlob = true
                if character == "{" { word.hasBrace = true }
                word.literal.append(character)
                index += 1
            case "~":
                if index == start { word.startsWithTilde = true }
                word.literal.append(character)
                index += 1
            default:
                word.literal.append(character)
                index += 1
            }
        }
        word.raw = String(chars[start..<index])
        // Brace expansion needs a comma or a `..` sequence inside the braces (`{}` stays literal).
        word.hasBrace = word.hasBrace && word.raw.contains("}") && (word.raw.contains(",") || word.raw.contains(".."))
        return word
    }

    mutating func readDoubleQuoted(into word: inout ShellWord) throws(ShellSyntaxError) {
        word.isQuoted = true
        index += 1
        while let character = peek() {
            switch character {
            case "\"":
                index += 1
                return
            case "\\":
                guard let next = peek(1) else { throw ShellSyntaxError("unterminated double quote") }
                if Self.isNewline(next) {
                } else if "$`\"\\".contains(next) {
                    word.literal.append(next)
                } else {
                    word.literal += "\\" + String(next)
                }
                index += 2
            case "$":
                try readDollar(into: &word, inDoubleQuotes: true)
            case "`":
                try readBacktick(into: &word)
            default:
                word.literal.append(character)
                index += 1
            }
        }
        throw ShellSyntaxError("unterminated double quote")
    }

    private mutating func readHeredocBodies() throws(ShellSyntaxError) {
        let pending = pendingHeredocs
        pendingHeredocs = []
        for (tokenIndex, stripTabs) in pending {
            guard tokenIndex < tokens.count, case .word(var delimiter) = tokens[tokenIndex] else {
                throw ShellSyntaxError("here-document without a delimiter")
            }
            var body = ""
            var terminated = false
            while index < chars.count {
                var lineEnd = index
                while lineEnd < chars.count, !Self.isNewline(chars[lineEnd]) { lineEnd += 1 }
                var line = String(chars[index..<lineEnd])
                index = min(lineEnd + 1, chars.count)
                if stripTabs { line = String(line.drop(while: { $0 == "\t" })) }
                if line == delimiter.literal {
                    terminated = true
                    break
                }
                body += line + "\n"
            }
            guard terminated else {
                throw ShellSyntaxError("unterminated here-document (missing `\(delimiter.literal)`)")
            }
            if !delimiter.isQuoted {
                let found = try Self.substitutions(in: body)
                delimiter.substitutions += found
                delimiter.hasExpansion = delimiter.hasExpansion || !found.isEmpty
                tokens[tokenIndex] = .word(delimiter)
            }
        }
    }
}
