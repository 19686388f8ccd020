/// The read-before-write contract, decided when a change is applied, against the file's text at that moment (the
/// live buffer and its version in an editor, the disk otherwise), so that no edit replaces text the agent has not
/// seen: what the user typed while the model was thinking, what another conversation, tool or process wrote.
///
/// - `create` (and an `overwrite` or `append` of a file that was missing): refused when the file exists now.
/// - `overwrite`, `insert`, `delete`: refused when the agent has not seen the file in this conversation, when the
///   file changed since it last saw it, or when it changed while the edit was being made.
/// - `str_replace`: made again on the current text when the file changed, only when `old_text` still occurs there
///   exactly once (else refused); `append`: made again on the current text. Both then say so in a `note:`.
///
/// Every refusal starts with `refused:` and tells the model what to do (read the file again). The last line
/// stays the editor's own: an edit is sent with the version it was decided on, and not sent once that version
/// is no longer current.
public enum ReadBeforeWriteCheck {
    /// What to do with a change.
    public enum Verdict: Hashable, Sendable {
        /// Make `change`: the change asked for, or its operation made again on the current text (then its
        /// `originalText`, `newText` and `baseVersion` are the current ones); `note` is for the model.
        case proceed(FileChange, note: String?)
        /// Do not make the change; `message` (starting with `refused:`) is for the model.
        case refused(String)
    }

    /// Decides `change` against the file's text now.
    /// - Parameters:
    ///   - current: the file's text now; `nil` when it does not exist.
    ///   - version: the editor buffer's version of `current`; `nil` when it comes from disk.
    public static func decide(_ change: FileChange, current: String?, version: Int?) -> Verdict {
        let name = change.displayPath
        guard let current else {
            if change.kind == .create { return .proceed(change, note: nil) }
            return .refused(
                "refused: \(name) does not exist any more: look again with glob or file_read before writing it")
        }
        if change.kind == .create {
            return .refused(
                "refused: \(name) already exists: read it with file_read, then change it with str_replace or overwrite")
        }
        let now = TextDigest(current)
        let computedOnCurrent =
            if let base = change.baseVersion, let version { base == version } else {
                change.originalText.map(TextDigest.init) == now
            }
        // Why the text is not the one the agent knows: it changed since the agent saw it, or (seen or not) while
        // the edit was being made; `nil` when it is the same.
        let changed: String? =
            if let seen = change.seen, seen.digest != now {
                "changed\(version == nil ? " on disk" : "") since you \(seen.source == .read ? "read" : "wrote") it"
                    + versions(from: seen.version, to: version)
            } else if !computedOnCurrent {
                "changed while the edit was being made" + versions(from: change.baseVersion, to: version)
            } else {
                nil
            }
        switch change.operation {
        case .replace, .append:
            guard let changed else { return .proceed(change, note: nil) }
            guard let redone = change.operation.redone(on: current) else {
                return .refused(
                    "refused: \(name) \(changed), and old_text no longer matches exactly once in it: read it again with file_read before writing it"
                )
            }
            var made = change
            made.originalText = current
            made.newText = redone
            made.baseVersion = version
            return .proceed(made, note: "note: \(name) had \(changed); the edit was applied to the current text")
        case .create, .overwrite, .insert, .delete:
            let action = gerund(change.operation)
            guard change.seen != nil else {
                return .refused(
                    "refused: \(name) has not been read in this conversation: read it with file_read before \(action) it"
                )
            }
            if let changed {
                return .refused("refused: \(name) \(changed): read it again with file_read before \(action) it")
            }
            return .proceed(change, note: nil)
        }
    }

    /// ` (version 2 -> 4)`, or the current version alone, or nothing.
    private static func versions(from old: Int?, to new: Int?) -> String {
        switch (old, new) {
        case (let old?, let new?): " (version \(old) -> \(new))"
        case (nil, let new?): " (the editor's buffer is now at version \(new))"
        default: ""
        }
    }

    private static func gerund(_ operation: FileChange.Operation) -> String {
        switch operation {
        case .overwrite: "overwriting"
        case .insert: "inserting into"
        case .delete: "deleting"
        case .create, .replace, .append: "writing"
        }
    }
}
