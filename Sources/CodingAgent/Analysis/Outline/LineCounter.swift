import AgentCore

/// Counts code, comment and blank lines using the scrubbed text (comments blanked, string quotes kept).
enum LineCounter {
    static func count(_ source: ScannedSource) -> LineCounts {
        var code = 0
        var comment = 0
        var blank = 0
        var total = source.lineCount
        if total > 1, source.range(ofLine: total - 1).isEmpty { total -= 1 }  // the final newline
        for index in 0..<total {
            if source.originalLine(index).trimmingWhitespace.isEmpty {
                blank += 1
            } else if source.scrubbedLine(index).trimmingWhitespace.isEmpty {
                comment += 1
            } else {
                code += 1
            }
        }
        return LineCounts(total: total, code: code, comment: comment, blank: blank)
    }
}
