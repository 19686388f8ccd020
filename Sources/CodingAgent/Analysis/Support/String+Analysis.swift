import AgentCore

extension StringProtocol {
    /// The number of leading spaces (a tab counts as four).
    var indentationWidth: Int {
        var width = 0
        for character in self {
            if character == " " {
                width += 1
            } else if character == "\t" {
                width += 4
            } else {
                break
            }
        }
        return width
    }
}

extension String {
    /// The lines of the text, split on `\n` (a trailing `\r` is dropped), keeping empty lines.
    var analysisLines: [Substring] {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }
}
