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
            let (range, found) = try matchParenthesis(openAt: index + 1)
            let inner = text(range)
            if Self.isArithmetic(inner) {
                // Arithmetic `$((...))`: only substitutions inside it run anything.
                word.substitutions += found
            } else {
                word.substitutions.append(inner)
            }
            word.hasExpansion = true
        case "{":
            // A parameter expansion names a parameter (or starts with `#` or `!`); anything else is a "bad
            // substitution" when it runs, refused now.
            guard let first = peek(2),
                Self.isNameStart(first) || Self.isDigit(first) || "@*#?$!-".unicodeScalars.contains(first)
            else { throw ShellSyntaxError("bad substitution `${`: a parameter name must follow") }
            let (inner, found) = try matchBrace(openAt: index + 1)
            if inner.upperBound - inner.lowerBound >= 2, chars[inner.upperBound - 2] == "@",
                chars[inner.upperBound - 1] == "P"
            {
                throw ShellSyntaxError(
                    "prompt expansion `${...@P}` runs command substitutions held in a variable, which cannot be checked"
                )
            }
            word.substitutions += found
            word.hasExpansion = true
        case "'" where !inDoubleQuotes:
            index += 2
            try readANSIQuoted(into: &word)
            return
        case "\"" where !inDoubleQuotes:
            index += 1
            try readDoubleQuoted(into: &word)
            return
        case let character where Self.isNameStart(character):
            index += 1
            while let name = peek(), Self.isNameStart(name) || Self.isDigit(name) { index += 1 }
            word.hasExpansion = true
        case let character where Self.isDigit(character) || "@*#?$!-".unicodeScalars.contains(character):
            index += 2
            word.hasExpansion = true
        default:
            index += 1
        }
        word.literal += text(start..<index)
    }

    /// Whether the inside of `$(...)` is `(expression)`: its first parenthesis closes at its very end.
    static func isArithmetic(_ inner: String) -> Bool {
        let scalars = inner.unicodeScalars
        guard scalars.first == "(" else { return false }
        var depth = 0
        for index in scalars.indices {
            if scalars[index] == "(" { depth += 1 }
            if scalars[index] == ")" {
                depth -= 1
                if depth == 0 { return scalars.index(after: index) == scalars.endIndex }
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
                word.literal.unicodeScalars.append(character)
                continue
            }
            guard let escaped = peek() else { break }
            index += 1
            switch escaped {
            case "n": word.literal.append("\n")
            case "t": word.literal.append("\t")
            case "\\", "'", "\"": word.literal.unicodeScalars.append(escaped)
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
                word.literal += text(start..<index)
                return
            }
            if character == "\\", let next = peek(1) {
                inner += "$`\\".unicodeScalars.contains(next) ? String(next) : "\\" + String(next)
                index += 2
            } else {
                inner.unicodeScalars.append(character)
                index += 1
            }
        }
        throw ShellSyntaxError("unterminated backtick substitution")
    }

    /// The range between the parenthesis at `openAt` and its match, and the substitutions inside it;
    /// moves `index` past the match.
    mutating func matchParenthesis(openAt: Int) throws(ShellSyntaxError) -> (Range<Int>, [String]) {
        try matchClosing(openAt: openAt, open: "(", close: ")", name: "$(")
    }

    /// The range between the brace at `openAt` and its match, and the substitutions inside it; moves
    /// `index` past the match.
    mutating func matchBrace(openAt: Int) throws(ShellSyntaxError) -> (Range<Int>, [String]) {
        try matchClosing(openAt: openAt, open: "{", close: "}", name: "${")
    }

    /// One forward pass: nested substitutions are collected on the way (never by scanning the text again,
    /// which made nested `${...}` exponential). Inside `${...}` and what may be `$((...))`, a single quote
    /// is an ordinary character, so a `$(...)` between single quotes there is still found (bash expands
    /// it inside double quotes and arithmetic).
    private mutating func matchClosing(
        openAt: Int, open: Unicode.Scalar, close: Unicode.Scalar, name: String
    ) throws(ShellSyntaxError) -> (Range<Int>, [String]) {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else { throw ShellSyntaxError("substitutions nest too deeply") }
        index = openAt + 1
        var depth = 1
        var found = ShellWord()
        let quotesAreOrdinary = close == "}" || peek() == "("
        while let character = peek() {
            switch character {
            case "\\":
                index += 2
            case "'" where !quotesAreOrdinary:
                guard let end = chars[(index + 1)...].firstIndex(of: "'") else {
                    throw ShellSyntaxError("unterminated single quote")
                }
                index = end + 1
            case "\"":
                try readDoubleQuoted(into: &found)
            case "`":
                try readBacktick(into: &found)
            case "$" where peek(1) == "(" || peek(1) == "{":
                try readDollar(into: &found, inDoubleQuotes: true)
            case open:
                depth += 1
                index += 1
            case close:
                depth -= 1
                index += 1
                if depth == 0 { return ((openAt + 1)..<(index - 1), found.substitutions) }
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
