import AgentCore

/// What `grep` found in one file: one block of output lines per matching line.
struct GrepFileResult {
    struct Block {
        /// Whether a `--` separator goes before the block (context lines are not contiguous).
        var separated: Bool
        /// `path:line:text` for the match and `path-line-text` for context lines.
        var text: String
    }

    var blocks: [Block] = []
    var searched = false
    var binary = false
    var large = false
}
