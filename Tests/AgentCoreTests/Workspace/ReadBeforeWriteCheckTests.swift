import AgentCore
import Testing

/// The read-before-write decision, case by case: what the agent saw, how it made the change, and the file's text
/// (and buffer version) when the change is applied.
@Suite struct ReadBeforeWriteCheckTests {
    static let read = "def add(a, b):\n    return a + b\n"
    static let typed = "def add(a, b):\n    # the user's line\n    return a + b\n"

    /// A change to `calc.py` computed on `original` (at `baseVersion`), by an agent that saw `seen`.
    func change(
        _ operation: FileChange.Operation, newText: String = "replaced\n", original: String? = read,
        baseVersion: Int? = 2, seen: SeenFile? = SeenFile(text: read, version: 2, source: .read)
    ) -> FileChange {
        let kind: FileChange.Kind =
            switch operation {
            case .create: .create
            case .delete: .delete
            default: .modify
            }
        return FileChange(
            kind: kind, path: "/ws/calc.py", originalText: original, newText: newText, baseVersion: baseVersion,
            operation: operation, seen: seen, displayPath: "calc.py")
    }

    func refusal(_ verdict: ReadBeforeWriteCheck.Verdict) -> String? {
        if case .refused(let message) = verdict { return message }
        return nil
    }

    @Test func wholeFileEditsOfAFileNeverReadAreRefused() {
        let cases: [(FileChange.Operation, String)] = [
            (.overwrite, "overwriting it"), (.insert, "inserting into it"), (.delete, "deleting it"),
        ]
        for (operation, action) in cases {
            let verdict = ReadBeforeWriteCheck.decide(
                change(operation, seen: nil), current: Self.read, version: 2)
            #expect(
                refusal(verdict)
                    == "refused: calc.py has not been read in this conversation: read it with file_read before \(action)"
            )
        }
    }

    @Test func wholeFileEditsOfAFileThatChangedSinceItWasReadAreRefused() {
        for operation in [FileChange.Operation.overwrite, .insert, .delete] {
            // The user typed while the model was thinking: the buffer went from version 2 to 4.
            let verdict = ReadBeforeWriteCheck.decide(
                change(operation, original: Self.typed, baseVersion: 4), current: Self.typed, version: 4)
            let message = refusal(verdict)
            #expect(message?.hasPrefix("refused: calc.py changed since you read it (version 2 -> 4): ") == true)
            #expect(message?.contains("read it again with file_read") == true)
        }
        // Read from disk, changed on disk by another process.
        let onDisk = ReadBeforeWriteCheck.decide(
            change(
                .overwrite, original: "x = 1\n", baseVersion: nil,
                seen: SeenFile(text: "x = 0\n", version: nil, source: .read)),
            current: "x = 1\n", version: nil)
        #expect(refusal(onDisk)?.hasPrefix("refused: calc.py changed on disk since you read it: ") == true)
        // Read from disk, opened and typed into since.
        let opened = ReadBeforeWriteCheck.decide(
            change(
                .overwrite, original: Self.typed, baseVersion: 7,
                seen: SeenFile(text: Self.read, version: nil, source: .read)),
            current: Self.typed, version: 7)
        #expect(
            refusal(opened)?.hasPrefix(
                "refused: calc.py changed since you read it (the editor's buffer is now at version 7): ") == true)
    }

    @Test func wholeFileEditsOfTheTextTheAgentSawProceed() {
        for operation in [FileChange.Operation.overwrite, .insert, .delete] {
            let asked = change(operation)
            #expect(ReadBeforeWriteCheck.decide(asked, current: Self.read, version: 2) == .proceed(asked, note: nil))
        }
        // Typed and undone: a later version with the same text is the text the agent saw.
        let undone = change(.overwrite, baseVersion: 6)
        #expect(ReadBeforeWriteCheck.decide(undone, current: Self.read, version: 6) == .proceed(undone, note: nil))
    }

    @Test func theAgentsOwnWriteCountsAsSeenUntilSomeoneElseChangesTheFile() {
        // After its write the agent knows the text it made, not the buffer version the editor gave it.
        let written = SeenFile(text: "replaced\n", version: nil, source: .written)
        let again = change(.overwrite, newText: "again\n", original: "replaced\n", baseVersion: 3, seen: written)
        #expect(ReadBeforeWriteCheck.decide(again, current: "replaced\n", version: 3) == .proceed(again, note: nil))
        let typed = change(.overwrite, original: "replaced\nmore\n", baseVersion: 4, seen: written)
        #expect(
            refusal(ReadBeforeWriteCheck.decide(typed, current: "replaced\nmore\n", version: 4))
                == "refused: calc.py changed since you wrote it (the editor's buffer is now at version 4): read it again with file_read before overwriting it"
        )
    }

    @Test func aChangeWhoseTextMovedWhileItWasMadeIsRefused() {
        // The agent's view is current, but the buffer moved between computing the edit and applying it.
        let stale = change(.overwrite, seen: SeenFile(text: Self.typed, version: 3, source: .read))
        #expect(
            refusal(ReadBeforeWriteCheck.decide(stale, current: Self.typed, version: 3))?.hasPrefix(
                "refused: calc.py changed while the edit was being made (version 2 -> 3): ") == true)
    }

    @Test func strReplaceOnAChangedFileIsMadeAgainWhenItsTextStillMatchesOnce() {
        let asked = change(
            .replace(old: "a + b", new: "a - b"), newText: "def add(a, b):\n    return a - b\n")
        let verdict = ReadBeforeWriteCheck.decide(asked, current: Self.typed, version: 4)
        guard case .proceed(let made, let note) = verdict else {
            Issue.record("expected to proceed, got \(verdict)")
            return
        }
        #expect(made.newText == "def add(a, b):\n    # the user's line\n    return a - b\n", "the user's line is kept")
        #expect(made.originalText == Self.typed)
        #expect(made.baseVersion == 4)
        #expect(
            note
                == "note: calc.py had changed since you read it (version 2 -> 4); the edit was applied to the current text"
        )
    }

    @Test func strReplaceOnAChangedFileIsRefusedWhenItsTextNoLongerMatchesOnce() {
        for current in ["def add(a, b):\n    return b + a\n", "x = a + b\ny = a + b\n"] {
            let verdict = ReadBeforeWriteCheck.decide(
                change(.replace(old: "a + b", new: "a - b")), current: current, version: 4)
            #expect(
                refusal(verdict)
                    == "refused: calc.py changed since you read it (version 2 -> 4), and old_text no longer matches exactly once in it: read it again with file_read before writing it"
            )
        }
    }

    @Test func appendOnAChangedFileIsMadeOnTheCurrentText() {
        let asked = change(.append("print(add(1, 2))\n"), newText: Self.read + "print(add(1, 2))\n")
        let verdict = ReadBeforeWriteCheck.decide(asked, current: Self.typed, version: 4)
        guard case .proceed(let made, let note) = verdict else {
            Issue.record("expected to proceed, got \(verdict)")
            return
        }
        #expect(made.newText == Self.typed + "print(add(1, 2))\n")
        #expect(note?.hasPrefix("note: calc.py had changed since you read it") == true)
    }

    @Test func strReplaceAndAppendOfAFileNeverReadProceedOnTheTextTheyWereMadeOn() {
        for operation in [FileChange.Operation.replace(old: "a + b", new: "a - b"), .append("x\n")] {
            let asked = change(operation, seen: nil)
            #expect(ReadBeforeWriteCheck.decide(asked, current: Self.read, version: 2) == .proceed(asked, note: nil))
        }
        // ... and are made again, with a note, when the text moved while the edit was being made.
        let moved = ReadBeforeWriteCheck.decide(
            change(.replace(old: "a + b", new: "a - b"), seen: nil), current: Self.typed, version: 3)
        guard case .proceed(let made, let note) = moved else {
            Issue.record("expected to proceed, got \(moved)")
            return
        }
        #expect(made.newText.contains("# the user's line"))
        #expect(note?.hasPrefix("note: calc.py had changed while the edit was being made (version 2 -> 3)") == true)
    }

    @Test func createIsRefusedWhenTheFileExistsNowAndEditsWhenItIsGone() {
        let create = change(.create, newText: "new\n", original: nil, baseVersion: nil, seen: nil)
        #expect(ReadBeforeWriteCheck.decide(create, current: nil, version: nil) == .proceed(create, note: nil))
        #expect(
            refusal(ReadBeforeWriteCheck.decide(create, current: "someone else's\n", version: nil))
                == "refused: calc.py already exists: read it with file_read, then change it with str_replace or overwrite"
        )
        for operation in [FileChange.Operation.overwrite, .delete, .replace(old: "a", new: "b"), .append("x")] {
            #expect(
                refusal(ReadBeforeWriteCheck.decide(change(operation), current: nil, version: nil))?.hasPrefix(
                    "refused: calc.py does not exist any more") == true)
        }
    }

    @Test func whatASessionSawIsKeptPerSessionAndForgotten() {
        let seenFiles = SeenFiles()
        let seen = SeenFile(text: Self.read, version: 2, source: .read)
        seenFiles.record(seen, path: "/ws/calc.py", session: "a")
        #expect(seenFiles.seen("/ws/calc.py", session: "a") == seen)
        #expect(seenFiles.seen("/ws/calc.py", session: "b") == nil, "another conversation has not seen it")
        #expect(seen.digest == TextDigest(Self.read) && seen.digest != TextDigest(Self.typed))
        seenFiles.record(seen, path: "/ws/other.py", session: "a")
        seenFiles.forget("/ws/calc.py", session: "a")
        #expect(seenFiles.seen("/ws/calc.py", session: "a") == nil)
        #expect(seenFiles.seen("/ws/other.py", session: "a") == seen)
        seenFiles.forget(session: "a")
        #expect(seenFiles.seen("/ws/other.py", session: "a") == nil)
    }
}
