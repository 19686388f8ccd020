/// Cuts a document into chunks at its headings: one chunk per section, a section too long for one chunk cut into
/// windows at blank lines that overlap by a few lines, a small section (a heading and a line of introduction)
/// folded into its first subsection, and small neighbouring sections of one parent packed together.
struct SectionChunker {
    /// The most characters a chunk holds (about what a small embedding model reads, 256 tokens of prose).
    var maximumCharacters = 1200
    /// The most lines a chunk spans.
    var maximumLines = 60
    /// The lines a window repeats of the one before it.
    var overlapLines = 2
    /// Sections smaller than this are packed with their siblings.
    var smallCharacters = 240

    /// The chunks of a document whose lines (as text) are `lines` and whose sections begin at `marks`.
    func chunks(lines: [Substring], marks: [HeadingMark]) -> [ChunkDraft] {
        let sections = self.sections(lines: lines, marks: marks.sorted { $0.line < $1.line })
        var chunks: [ChunkDraft] = []
        for section in packed(sections, lines: lines) {
            chunks += windows(of: section, lines: lines)
        }
        return chunks
    }

    struct Section {
        var headings: [String]
        /// 0-based, half-open.
        var start: Int
        var end: Int
    }

    private func sections(lines: [Substring], marks: [HeadingMark]) -> [Section] {
        var sections: [Section] = []
        var trail: [(level: Int, title: String)] = []
        var pendingStart: Int?
        let firstMark = marks.first?.line ?? lines.count
        if firstMark > 0 { sections.append(Section(headings: [], start: 0, end: firstMark)) }
        for (index, mark) in marks.enumerated() where mark.line < lines.count {
            while let last = trail.last, last.level >= mark.level { trail.removeLast() }
            trail.append((mark.level, mark.title))
            let end = index + 1 < marks.count ? min(marks[index + 1].line, lines.count) : lines.count
            guard end > mark.line else { continue }
            let start = pendingStart ?? mark.line
            pendingStart = nil
            let small = lines[mark.line..<end].reduce(0) { $0 + $1.utf8.count + 1 } < smallCharacters
            if small, index + 1 < marks.count, marks[index + 1].level > mark.level, end - start < maximumLines {
                // A heading with little under it before its first subsection (an introduction, or nothing) opens
                // that subsection's chunk: alone it would answer nothing.
                pendingStart = start
                continue
            }
            sections.append(Section(headings: trail.map(\.title).filter { !$0.isEmpty }, start: start, end: end))
        }
        return sections
    }

    /// Joins neighbouring small sections under the same parent headings while they fit in one chunk.
    private func packed(_ sections: [Section], lines: [Substring]) -> [Section] {
        var result: [Section] = []
        for section in sections {
            if var last = result.last, last.end == section.start,
                Array(last.headings.dropLast()) == Array(section.headings.dropLast()),
                size(last, lines) < smallCharacters || size(section, lines) < smallCharacters,
                size(last, lines) + size(section, lines) <= maximumCharacters,
                section.end - last.start <= maximumLines
            {
                last.end = section.end
                // Siblings keep their parents' trail; the lines before the first heading take that heading's.
                if last.headings.isEmpty || last.headings.count > section.headings.count {
                    last.headings = section.headings
                }
                result[result.count - 1] = last
            } else {
                result.append(section)
            }
        }
        return result
    }

    private func size(_ section: Section, _ lines: [Substring]) -> Int {
        lines[section.start..<section.end].reduce(0) { $0 + $1.utf8.count + 1 }
    }

    /// The section as one chunk, or as overlapping windows when it is too long; blank lines trimmed off both ends.
    private func windows(of section: Section, lines: [Substring]) -> [ChunkDraft] {
        var chunks: [ChunkDraft] = []
        var start = section.start
        while start < section.end {
            while start < section.end, Self.isBlank(lines[start]) { start += 1 }
            guard start < section.end else { break }
            var end = start
            var characters = 0
            var lastBreak: Int?
            while end < section.end, end - start < maximumLines,
                characters + lines[end].utf8.count + 1 <= maximumCharacters || end == start
            {
                characters += lines[end].utf8.count + 1
                if Self.isBlank(lines[end]), end > start { lastBreak = end }
                end += 1
            }
            // Cut at the last blank line of a full window, so a paragraph stays whole when it can.
            if end < section.end, let lastBreak, lastBreak - start >= (end - start) / 2 { end = lastBreak }
            var last = end
            while last > start, Self.isBlank(lines[last - 1]) { last -= 1 }
            chunks.append(
                ChunkDraft(
                    headings: section.headings, startLine: start + 1, endLine: last,
                    text: lines[start..<last].joined(separator: "\n")))
            guard end < section.end else { break }
            start = max(end - overlapLines, start + 1)
        }
        return chunks
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
