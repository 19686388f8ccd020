import AgentCore
import SparkJSON

/// `file_write(operation, path, content, old_text, new_text, insert_line)`: creates, edits or
/// deletes a workspace file through the injected `WorkspaceEditor`.
///
/// The tool computes the whole new text from what it read (the editor's live buffer when the
/// file is open, else the disk) and hands the editor a `FileChange` carrying that text, the
/// buffer version and what the conversation last saw of the file (`seenFiles`); the editor
/// decides it with `ReadBeforeWriteCheck` when it applies it. A change made is recorded as seen,
/// so the agent can write the same file again without reading it first.
public struct FileWriteTool: TypedAgentTool {
    /// The largest file the tool edits.
    public static let maximumBytes = 16 << 20

    public let root: WorkspaceRoot
    public let editor: any WorkspaceEditor
    public let documents: (any DocumentSource)?
    /// Paths never written (checked on the resolved path, for every operation).
    public let protected: ProtectedPaths
    /// What each conversation has seen of each file; shared with `file_read`.
    public let seenFiles: SeenFiles

    public init(
        root: WorkspaceRoot, editor: any WorkspaceEditor, documents: (any DocumentSource)? = nil,
        protected: ProtectedPaths = ProtectedPaths(), seenFiles: SeenFiles = SeenFiles()
    ) {
        self.root = root
        self.editor = editor
        self.documents = documents
        self.protected = protected
        self.seenFiles = seenFiles
    }

    public var name: String { "file_write" }

    public var description: String {
        """
        Create, edit or delete a text file in the workspace. Operations:
        - create: a new file with `content` (refused if the file exists).
        - overwrite: replace the whole file with `content` (creates it if missing).
        - str_replace: replace `old_text` with `new_text`; old_text must match exactly once, \
        whitespace included (copy it from file_read output without the line numbers). On zero or several \
        matches you get the closest lines to retry with.
        - insert: insert `content` as new lines after line `insert_line` (0 = top of the file), or, \
        without insert_line, after the line where `old_text` (matching exactly once) ends.
        - append: add `content` at the end (starting on a new line).
        - delete: delete the file.
        Read before you write: overwrite, insert and delete are refused unless you read the file with \
        file_read in this conversation (grep and glob do not count) and it has not changed since you read or \
        wrote it (the user may type in it, other tools and programs may write it). On such a refusal, read the \
        file again and redo the change on what you see. str_replace and append also work on a file that \
        changed: str_replace when old_text still matches exactly once; the result then says the file had changed. \
        The result says how many lines were added and removed. Protected paths (.spark, .git/hooks, \
        .git/config, .vscode, .mcp.json, .github/workflows, ...) are never written.
        """
    }

    public func run(_ arguments: FileWriteArguments, context: ToolContext) async throws -> ToolResult {
        let request: FileWriteRequest
        do {
            request = try FileWriteRequest(arguments, root: root)
        } catch let error as WorkspacePathError {
            return error.toolResult
        }
        if let refusal = protected.writeRefusal(for: request.path.components) {
            return .refused(refusal)
        }
        let path = request.path.absolute
        let change: FileChange
        switch await makeChange(request, seen: seenFiles.seen(path, session: context.sessionID)) {
        case .success(let made): change = made
        case .failure(let failure): return failure.result
        }
        let outcome: EditOutcome
        do {
            outcome = try await editor.apply(change)
        } catch is CancellationError {
            // The edit may have reached the editor before the cancel: saying it failed could make the model redo it.
            return .error(
                "the run was cancelled while the change to \(request.path.relative) was being applied; it may have been applied: read the file again with file_read before changing it"
            )
        } catch {
            return .error("the editor could not apply the change to \(request.path.relative): \(error)")
        }
        guard outcome.applied else {
            let message = outcome.message ?? "no reason given"
            if message.hasPrefix("refused:") { return ToolResult(message, isError: true) }
            return .error("the editor refused the change to \(request.path.relative): \(message)")
        }
        let made = outcome.change ?? change
        if made.kind == .delete {
            seenFiles.forget(path, session: context.sessionID)
        } else {
            seenFiles.record(
                outcome.written ?? SeenFile(text: made.newText, version: nil, source: .written), path: path,
                session: context.sessionID)
        }
        return summary(of: made, request: request, note: outcome.message)
    }

    private func summary(of change: FileChange, request: FileWriteRequest, note: String?) -> ToolResult {
        let path = request.path.relative
        let lines = LineNumberedText(change.newText)
        var text: String
        switch change.kind {
        case .create:
            text = "Created \(path) (\(lines.count) lines)."
        case .delete:
            text = "Deleted \(path) (\(LineNumberedText(change.originalText ?? "").count) lines removed)."
        case .modify:
            let delta = LineNumberedText.change(from: change.originalText ?? "", to: change.newText)
            text =
                "\(request.operation.rawValue) \(path): \(delta.removed) lines removed, \(delta.added) added; it now has \(lines.count) lines."
            if delta.removed == 0, delta.added == 0 {
                text = "\(request.operation.rawValue) \(path): the text is unchanged."
            } else if request.operation != .overwrite {
                text += "\nThe changed region now reads:\n"
                text += lines.numbered(
                    (delta.firstLine - 2)...(delta.firstLine + max(delta.added, 1) + 1), maxLineLength: 300)
            }
        }
        if let note { text += "\n" + note }
        let value: JSONValue = [
            "path": .string(path), "operation": .string(request.operation.rawValue),
            "lines": .int(lines.count),
        ]
        return ToolResult(text, value: value)
    }
}
