import AgentCore

/// Splits shell input into words, control operators and redirections, the way bash does:
/// quotes, escapes, comments, line continuations, here-documents, and nested `$(...)`,
/// `${...}`, `$((...))`, backticks and process substitutions (kept whole for the validator).
///
/// It reads Unicode scalars, not `Character`s: bash reads bytes, and a grapheme cluster would hide a quote
/// followed by a combining mark (`'\u{301}`) or turn `\r\n` into one character, so that a backslash before
/// CR-LF looked like a line continuation where bash escapes the CR and ends the line. A carriage return is
/// an ordinary word character, as in bash. Every scan moves forward: the work is linear in the input.
struct ShellTokenizer {
    let chars: [Unicode.Scalar]
    var index = 0
    /// How deeply `$(...)`, `${...}` and quotes inside them are nested right now.
    var nesting = 0
    /// Deeper nesting is refused rather than risk the stack.
    static let maximumNesting = 64
    private var tokens: [ShellToken] = []
    private var pendingHeredocs: [(tokenIndex: Int, stripTabs: Bool)] = []

    init(_ text: String) {
        chars = Array(text.unicodeScalars)
    }

    /// The tokens of `text`.
    static func tokenize(_ text: String) throws(ShellSyntaxError) -> [ShellToken] {
        var tokenizer = ShellTokenizer(text)
        try tokenizer.run()
        return tokenizer.tokens
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < chars.count ? chars[position] : nil
    }

    static func isNewline(_ character: Unicode.Scalar?) -> Bool {
        character == "\n"
    }

    /// The text of `chars[range]`.
    func text(_ range: Range<Int>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: chars[range])
        return result
    }

    static func isDigit(_ character: Unicode.Scalar) -> Bool { ("0"..."9").contains(character) }

    static func isNameStart(_ character: Unicode.Scalar) -> Bool {
        character == "_" || ("a"..."z").contains(character) || ("A"..."Z").contains(character)
    }

    private mutating func run() throws(ShellSyntaxError) {
        while let character = peek() {
            switch character {
            case " ", "\t":
                index += 1
            case "\\" where Self.isNewline(peek(1)):
                index += 2
            case "\n":
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
        let rest = text(index..<min(index + 3, chars.count))
        let op = ops.first { rest.hasPrefix($0) } ?? String(chars[index])
        index += op.count
        if op == "<<" || op == "<<-" {
            pendingHeredocs.append((tokens.count + 1, op == "<<-"))
        }
        tokens.append(.redirection(op, descriptor: descriptor))
    }

    private mutating func readWordOrDescriptorRedirection() throws(ShellSyntaxError) {
        var digits = 0
        while let next = peek(digits), Self.isDigit(next) { digits += 1 }
        if digits > 0, let after = peek(digits), after == "<" || after == ">", peek(digits + 1) != "(" {
            let descriptor = text(index..<index + digits)
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
            case " ", "\t", "\n", "|", "&", ";", "(", ")":
                break loop
            case "<", ">":
                guard peek(1) == "(" else { break loop }
                let substitutionStart = index
                let (inner, _) = try matchParenthesis(openAt: index + 1)
                word.substitutions.append(text(inner))
                word.hasExpansion = true
                word.literal += text(substitutionStart..<index)
            case "\\":
                if Self.isNewline(peek(1)) {
                    index += 2
                } else if let next = peek(1) {
                    word.literal.unicodeScalars.append(next)
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
                word.literal += text((index + 1)..<close)
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
                word.literal.unicodeScalars.append(character)
                index += 1
            case "~":
                if index == start { word.startsWithTilde = true }
                word.literal.unicodeScalars.append(character)
                index += 1
            default:
                word.literal.unicodeScalars.append(character)
                index += 1
            }
        }
        word.raw = text(start..<index)
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
                } else if "$`\"\\".unicodeScalars.contains(next) {
                    word.literal.unicodeScalars.append(next)
                } else {
                    word.literal += "\\" + String(next)
                }
                index += 2
            case "$":
                try readDollar(into: &word, inDoubleQuotes: true)
            case "`":
                try readBacktick(into: &word)
            default:
                word.literal.unicodeScalars.append(character)
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
                var line = text(index..<lineEnd)
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
