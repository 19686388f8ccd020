import AgentCore

/// A text split into lines, for numbering, quoting and counting changes.
struct LineNumberedText {
    /// The lines, without their `\n` (a final newline does not make an extra empty line).
    let lines: [Substring]

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.isEmpty || text.hasSuffix("\n") { lines.removeLast() }
        self.lines = lines
    }

    var count: Int { lines.count }

    /// Lines `range` (1-based, clamped) as `number\ttext`, each cut at `maxLineLength` characters.
    func numbered(_ range: ClosedRange<Int>, maxLineLength: Int = 2000) -> String {
        let lower = max(1, range.lowerBound)
        let upper = min(count, range.upperBound)
        guard lower <= upper else { return "" }
        let width = max(6, String(upper).count)
        var output = ""
        for number in lower...upper {
            let label = String(number)
            output += String(repeating: " ", count: width - label.count) + label + "\t"
            let line = lines[number - 1]
            if line.count > maxLineLength {
                output += line.prefix(maxLineLength) + " … [line cut at \(maxLineLength) characters]\n"
            } else {
                output += line + "\n"
            }
        }
        return output
    }

    /// Lines removed and added between `old` and `new` (common leading and trailing lines aside),
    /// and the 1-based line in `new` where the change starts.
    static func change(from old: String, to new: String) -> (removed: Int, added: Int, firstLine: Int) {
        let before = LineNumberedText(old).lines
        let after = LineNumberedText(new).lines
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
            before[before.count - 1 - suffix] == after[after.count - 1 - suffix]
        {
            suffix += 1
        }
        return (before.count - prefix - suffix, after.count - prefix - suffix, prefix + 1)
    }
}
