import AgentCore

extension CommandValidator {
    /// Whether `text` has `( )` then `{`, and inside the braces a `|` followed by a `&` (a function that
    /// pipes into itself in the background, such as `:(){ :|:& };:`).
    ///
    /// This was the regular expression `\(\s*\)\s*\{[^}]*\|[^}]*&`, which backtracks: every `(){` start
    /// retried every `|` to the end, cubic on `(){|(){|...` and minutes for 64 KiB. The scan is linear: a
    /// body scanned without a match up to its `}` (or the end) cannot match from a later start inside it,
    /// since that start sees a suffix of the same text, so each character is scanned once.
    static func definesForkBomb(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func afterBlanks(_ start: Int) -> Int {
            var index = start
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            return index
        }
        var scannedUntil = 0
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "(" else { continue }
            let close = afterBlanks(index + 1)
            guard close < scalars.count, scalars[close] == ")" else { continue }
            let brace = afterBlanks(close + 1)
            guard brace < scalars.count, scalars[brace] == "{" else { continue }
            var body = max(brace + 1, scannedUntil)
            guard body == brace + 1 else { continue }
            var sawPipe = false
            while body < scalars.count, scalars[body] != "}" {
                if scalars[body] == "|" { sawPipe = true }
                if scalars[body] == "&", sawPipe { return true }
                body += 1
            }
            scannedUntil = body
        }
        return false
    }
}
