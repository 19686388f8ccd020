/// The section titles of reStructuredText (and of plain text written the same way): a line underlined (and
/// optionally overlined) with one punctuation character repeated at least as long as the title. Levels follow
/// the order in which the styles first appear, as in docutils.
enum UnderlinedHeadings {
    private static let adornments: Set<Character> = Set("=-~^\"'`*+#:.<>_")

    static func marks(in lines: [Substring]) -> [HeadingMark] {
        var marks: [HeadingMark] = []
        var styles: [String] = []
        var index = 1
        while index < lines.count {
            defer { index += 1 }
            guard let character = adornment(lines[index]) else { continue }
            let title = lines[index - 1].trimmingCharacters(" \t")
            guard !title.isEmpty, title.count <= 120, adornment(lines[index - 1]) == nil,
                lines[index].trimmingCharacters(" \t").count >= title.count
            else { continue }
            var titleLine = index - 1
            var style = String(character)
            if index >= 2, adornment(lines[index - 2]) == character {
                titleLine = index - 2
                style = "over" + style
            }
            guard marks.last.map({ $0.line < titleLine }) ?? true else { continue }
            if !styles.contains(style) { styles.append(style) }
            let level = (styles.firstIndex(of: style) ?? 0) + 1
            marks.append(HeadingMark(line: titleLine, level: level, title: title))
        }
        return marks
    }

    /// The character a line of adornment repeats (at least three times, nothing else), if it is one.
    private static func adornment(_ line: Substring) -> Character? {
        let body = line.trimmingCharacters(" \t")
        guard body.count >= 3, let first = body.first, adornments.contains(first), body.allSatisfy({ $0 == first })
        else { return nil }
        return first
    }
}
