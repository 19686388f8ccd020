import AgentCore

extension String {
    /// The text without leading and trailing whitespace and newlines.
    var execTrimmed: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// The text without one trailing newline.
    var execDroppingFinalNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }

    /// The text without trailing slashes (but `/` stays `/`).
    var execDroppingTrailingSlashes: String {
        var text = self
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
