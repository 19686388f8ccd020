/// The headings of Markdown: ATX (`## Title`) and setext (a line underlined with `===` or `---`), outside fenced
/// code blocks.
enum MarkdownHeadings {
    static func marks(in lines: [Substring]) -> [HeadingMark] {
        var marks: [HeadingMark] = []
        var fence: Substring?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard line.count - trimmed.count < 4 else { continue }
            if trimmed.hasPrefix("#") {
                let level = trimmed.prefix { $0 == "#" }.count
                let rest = trimmed.dropFirst(level)
                guard level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
                var title = rest.trimmingCharacters(" \t")
                while title.hasSuffix("#") { title = String(title.dropLast()).trimmingCharacters(" \t") }
                marks.append(HeadingMark(line: index, level: level, title: title))
            } else if index > 0, let level = setextLevel(trimmed), !SectionChunker.isBlank(lines[index - 1]),
                marks.last?.line != index - 1
            {
                let title = lines[index - 1].trimmingCharacters(" \t")
                guard !title.hasPrefix("-"), !title.hasPrefix("*"), !title.hasPrefix(">") else { continue }
                marks.append(HeadingMark(line: index - 1, level: level, title: title))
            }
        }
        return marks
    }

    private static func setextLevel(_ line: Substring) -> Int? {
        let body = line.trimmingCharacters(" \t")
        guard body.count >= 2, let first = body.first, first == "=" || first == "-", body.allSatisfy({ $0 == first })
        else { return nil }
        return first == "=" ? 1 : 2
    }
}

extension StringProtocol {
    /// The text without the characters of `set` at either end.
    func trimmingCharacters(_ set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }),
            let end = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}
