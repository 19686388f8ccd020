import AgentCore

extension ShellTokenizer {
    /// Reads `$...` at `index`: parameter expansions, `$(...)`, `$((...))`, `${...}`, `$'...'`, `$"..."`.
    mutating func readDollar(into word: inout ShellWord, inDoubleQuotes: Bool) throws(ShellSyntaxError) {
        let start = index
        guard let next = peek(1) else {
            word.literal.append("$")
            index += 1
            return
        }
        switch next {
        case "(":
            let inner = try matchParenthesis(openAt: index + 1)
            if Self.isArithmetic(inner) {
                // Arithmetic `$((...))`: only substitutions inside it run anything.
                word.substitutions += try Self.substitutions(in: inner)
            } else {
                word.substitutions.append(inner)
            }
            word.hasExpansion = true
        case "{":
            let inner = try matchBrace(openAt: index + 1)
            word.substitutions += try Self.substitutions(in: inner)
            word.hasExpansion = true
        case "'" where !inDoubleQuotes:
            index += 2
            try readANSIQuoted(into: &word)
            return
        case "\"" where !inDoubleQuotes:
            index += 1
            try readDoubleQuoted(into: &word)
            return
        case let character where character == "_" || (character.isASCII && character.isLetter):
            index += 1
            while let name = peek(), name == "_" || (name.isASCII && (name.isLetter || name.isNumber)) { index += 1 }
            word.hasExpansion = true
        case let character where character.isASCII && character.isNumber || "@*#?$!-".contains(character):
            index += 2
            word.hasExpansion = true
        default:
            index += 1
        }
        word.literal += String(chars[start..<index])
    }

    /// Whether the inside of `$(...)` is `(expression)`: its first parenthesis closes at its very end.
    static func isArithmetic(_ inner: String) -> Bool {
        guard inner.first == "(" else { return false }
        var depth = 0
        for (offset, character) in inner.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" {
                depth -= 1
                if depth == 0 { return offset == inner.count - 1 }
            }
        }
        return false
    }

    /// Reads `$'...'` (the opening already consumed), decoding the simple escapes; any other escape
    /// makes the word opaque (`hasExpansion`), so it can never pass as a command name.
    private mutating func readANSIQuoted(into word: inout ShellWord) throws(ShellSyntaxError) {
        word.isQuoted = true
        while let character = peek() {
            index += 1
            if character == "'" { return }
            guard character == "\\" else {
                word.literal.append(character)
                continue
            }
            guard let escaped = peek() else { break }
            index += 1
            switch escaped {
            case "n": word.literal.append("\n")
            case "t": word.literal.append("\t")
            case "\\", "'", "\"": word.literal.append(escaped)
            default:
                word.literal += "\\" + String(escaped)
                word.hasExpansion = true
            }
        }
        throw ShellSyntaxError("unterminated $'...' quote")
    }

    /// Reads a backtick substitution at `index`.
    mutating func readBacktick(into word: inout ShellWord) throws(ShellSyntaxError) {
        let start = index
        index += 1
        var inner = ""
        while let character = peek() {
            if character == "`" {
                index += 1
                word.substitutions.append(inner)
                word.hasExpansion = true
                word.literal += String(chars[start..<index])
                return
            }
            if character == "\\", let next = peek(1) {
                inner += "$`\\".contains(next) ? String(next) : "\\" + String(next)
                index += 2
            } else {
                inner.append(character)
                index += 1
            }
        }
        throw ShellSyntaxError("unterminated backtick substitution")
    }

    /// The text between the parenthesis at `openAt` and its match; moves `index` past the match.
    mutating func matchParenthesis(openAt: Int) throws(ShellSyntaxError) -> String {
        try matchClosing(openAt: openAt, open: "(", close: ")", name: "$(")
    }

    /// The text between the brace at `openAt` and its match; moves `index` past the match.
    mutating func matchBrace(openAt: Int) throws(ShellSyntaxError) -> String {
        try matchClosing(openAt: openAt, open: "{", close: "}", name: "${")
    }

    private mutating func matchClosing(
        openAt: Int, open: Character, close: Character, name: String
    ) throws(ShellSyntaxError) -> String {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else { throw ShellSyntaxError("substitutions nest too deeply") }
        index = openAt + 1
        var depth = 1
        while let character = peek() {
            switch character {
            case "\\":
                index += 2
            case "'":
                guard let end = chars[(index + 1)...].firstIndex(of: "'") else {
                    throw ShellSyntaxError("unterminated single quote")
                }
                index = end + 1
            case "\"":
                var ignored = ShellWord()
                try readDoubleQuoted(into: &ignored)
            case "`":
                var ignored = ShellWord()
                try readBacktick(into: &ignored)
            case "$" where peek(1) == "(" || peek(1) == "{":
                var ignored = ShellWord()
                try readDollar(into: &ignored, inDoubleQuotes: true)
            case open:
                depth += 1
                index += 1
            case close:
                depth -= 1
                index += 1
                if depth == 0 { return String(chars[(openAt + 1)..<(index - 1)]) }
            default:
                index += 1
            }
        }
        throw ShellSyntaxError("unterminated \(name)")
    }

    /// The command substitutions found in text that is expanded like a double-quoted string
    /// (here-document bodies, `${...}` and `$((...))` contents).
    static func substitutions(in text: String) throws(ShellSyntaxError) -> [String] {
        var scanner = ShellTokenizer(text)
        var word = ShellWord()
        while let character = scanner.peek() {
            switch character {
            case "\\": scanner.index += 2
            case "$": try scanner.readDollar(into: &word, inDoubleQuotes: true)
            case "`": try scanner.readBacktick(into: &word)
            default: scanner.index += 1
            }
        }
        return word.substitutions
    }
}
