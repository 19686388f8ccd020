import CodingAgent

/// The sections of source code: each type and function the outline parsers find, a member one level below its
/// type, each starting at the comments and attributes right above it.
enum DeclarationHeadings {
    static func marks(in text: String, lines: [Substring], language: SourceLanguage) -> [HeadingMark] {
        let outline = CodeAnalyzer.declarationOutline(text, language: language)
        var marks: [HeadingMark] = []
        for type in outline.types {
            marks.append(HeadingMark(line: leadingStart(type.startLine - 1, lines), level: 1, title: "\(type.kind) \(type.name)"))
        }
        for function in outline.functions {
            let title = function.container.map { "\($0).\(function.name)" } ?? function.name
            let nested = outline.types.contains { $0.startLine < function.startLine && function.endLine <= $0.endLine }
            marks.append(HeadingMark(line: leadingStart(function.startLine - 1, lines), level: nested ? 2 : 1, title: title))
        }
        // One mark per line: a declaration parsed as both type and function keeps the first.
        var seen: Set<Int> = []
        return marks.sorted { ($0.line, $0.level) < ($1.line, $1.level) }.filter { $0.line >= 0 && seen.insert($0.line).inserted }
    }

    /// The first line of the comment and attribute block right above `line` (0-based).
    private static func leadingStart(_ line: Int, _ lines: [Substring]) -> Int {
        var start = line
        while start > 0, start - 1 < lines.count {
            let previous = lines[start - 1].drop { $0 == " " || $0 == "\t" }
            guard previous.hasPrefix("//") || previous.hasPrefix("#") || previous.hasPrefix("/*")
                || previous.hasPrefix("*") || previous.hasPrefix("@") || previous.hasPrefix("--")
            else { break }
            start -= 1
        }
        return start
    }
}
