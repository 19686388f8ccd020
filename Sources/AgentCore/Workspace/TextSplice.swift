/// The two edits an agent's change can be made with again on a text the agent did not see: `str_replace` (replace
/// the single occurrence of a text) and `append`. `file_write` makes them when it computes a change;
/// `ReadBeforeWriteCheck` makes them again on the text an editor holds when the change is applied.
package enum TextSplice {
    /// `text` with the single occurrence of `old` (compared as UTF-8 bytes) replaced by `new`. When `old` occurs
    /// zero or several times, `text` is `nil` and `matches` holds the byte offsets of the occurrences, at most
    /// `limit` of them (at least 2, so that "several" is told apart from "one").
    package static func replacingOnce(_ old: String, with new: String, in text: String, limit: Int = 2) -> (
        text: String?, matches: [Int]
    ) {
        guard !old.isEmpty else { return (nil, []) }
        let matches = ByteSearch.offsets(of: old, in: text, limit: max(limit, 2))
        guard matches.count == 1 else { return (nil, matches) }
        let bytes = Array(text.utf8)
        let spliced = bytes[..<matches[0]] + Array(new.utf8) + bytes[(matches[0] + old.utf8.count)...]
        return (String(decoding: spliced, as: UTF8.self), matches)
    }

    /// `addition` at the end of `text`, on a new line when `text` does not end with one.
    package static func appending(_ addition: String, to text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text + addition : text + "\n" + addition
    }
}
