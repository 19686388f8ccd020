import AgentCore

/// The pure text edits behind `file_write` and `memory`: each returns the new text or a
/// message for the model.
enum FileTextEdit {
    /// Replaces the single occurrence of `old` with `new`; zero or several occurrences fail with
    /// the closest lines (or every match) quoted.
    static func replacingOnce(_ old: String, with new: String, in text: String, path: String) -> Result<
        String, FileEditProblem
    > {
        guard !old.isEmpty else { return .failure(FileEditProblem("old_text must not be empty")) }
        let replaced = TextSplice.replacingOnce(old, with: new, in: text, limit: 50)
        if let result = replaced.text { return .success(result) }
        if replaced.matches.isEmpty {
            return .failure(FileEditProblem(StrReplaceDiagnosis.noMatch(for: old, in: text, path: path)))
        }
        return .failure(
            FileEditProblem(StrReplaceDiagnosis.severalMatches(replaced.matches, of: old, in: text, path: path)))
    }

    /// Inserts `insertion` as whole lines after line `line` (0 = the top).
    static func inserting(_ insertion: String, afterLine line: Int, in text: String) -> Result<String, FileEditProblem>
    {
        let lines = LineNumberedText(text)
        guard line >= 0, line <= lines.count else {
            return .failure(
                FileEditProblem(
                    "insert_line \(line) is out of range; the file has \(lines.count) lines (0 inserts at the top)"))
        }
        var block = insertion
        if !block.hasSuffix("\n") { block += "\n" }
        let bytes = Array(text.utf8)
        var offset = 0
        var seen = 0
        while seen < line, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { seen += 1 }
            offset += 1
        }
        var prefix = Array(bytes[..<offset])
        if !prefix.isEmpty, prefix.last != UInt8(ascii: "\n") { prefix.append(UInt8(ascii: "\n")) }
        return .success(String(decoding: prefix + Array(block.utf8) + bytes[offset...], as: UTF8.self))
    }

    /// Inserts `insertion` as whole lines after the line where the single match of `anchor` ends.
    static func inserting(_ insertion: String, after anchor: String, in text: String, path: String) -> Result<
        String, FileEditProblem
    > {
        let offsets = ByteSearch.offsets(of: anchor, in: text, limit: 50)
        guard offsets.count == 1 else {
            return .failure(
                FileEditProblem(
                    offsets.isEmpty
                        ? StrReplaceDiagnosis.noMatch(for: anchor, in: text, path: path)
                        : StrReplaceDiagnosis.severalMatches(offsets, of: anchor, in: text, path: path)))
        }
        var end = offsets[0] + anchor.utf8.count
        if anchor.hasSuffix("\n") { end -= 1 }
        let line = Array(text.utf8)[..<end].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } + 1
        return inserting(insertion, afterLine: line, in: text)
    }
}
