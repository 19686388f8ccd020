import AgentCore
import SparkJSON

/// `file_read(path, max_lines, start_line)`: a file with line numbers, or a directory listing.
///
/// Reads the editor's live buffer when the file is open there, else the disk. Binary files are
/// described rather than shown; files over `maximumBytes` are read only that far, with a note.
/// A file read whole is recorded in `seenFiles` for the conversation: what `file_write` may then
/// overwrite, insert into or delete (see `ReadBeforeWriteCheck`).
public struct FileReadTool: TypedAgentTool {
    /// The most bytes read from disk for one call.
    public static let maximumBytes = 4 << 20
    /// The default and largest `max_lines`.
    public static let defaultLines = 2000
    public static let largestLines = 10000
    /// The most entries a directory listing shows.
    public static let maximumEntries = 1000

    public let root: WorkspaceRoot
    public let documents: (any DocumentSource)?
    /// What each conversation has seen of each file; shared with `file_write`.
    public let seenFiles: SeenFiles

    public init(root: WorkspaceRoot, documents: (any DocumentSource)? = nil, seenFiles: SeenFiles = SeenFiles()) {
        self.root = root
        self.documents = documents
        self.seenFiles = seenFiles
    }

    public var name: String { "file_read" }

    public var description: String {
        """
        Read a text file in the workspace, with line numbers (`number<TAB>text`), or list a directory. \
        Open files are read from the editor's live buffer, so you see unsaved changes. \
        Long files come in pages: pass start_line to continue where the previous page ended. \
        Binary files are not shown. .spark/config.json and .spark/sessions.sqlite* are never read. \
        Reading a file (any page of it) is what lets you overwrite, insert into or delete it with file_write \
        in this conversation; grep and glob results do not count.
        """
    }

    public func run(_ arguments: FileReadArguments, context: ToolContext) async throws -> ToolResult {
        let path: WorkspacePath
        let maxLines = min(max(arguments.maxLines ?? Self.defaultLines, 1), Self.largestLines)
        let startLine = max(arguments.startLine ?? 1, 1)
        do {
            path = try root.resolve(arguments.path ?? ".")
        } catch {
            return error.toolResult
        }
        if let refusal = ProtectedPaths.readRefusal(for: path.components) { return .refused(refusal) }
        do {
            if try SecureFileSystem.kind(root: root.path, components: path.components) == .directory {
                return try listing(path)
            }
        } catch {
            return error.toolResult
        }
        return await read(path, startLine: startLine, maxLines: maxLines, session: context.sessionID)
    }

    private func read(_ path: WorkspacePath, startLine: Int, maxLines: Int, session: String) async -> ToolResult {
        let snapshot: FileTextSource.Snapshot
        do throws(FileTextSource.Problem) {
            snapshot = try await FileTextSource(root: root, documents: documents).read(path, limit: Self.maximumBytes)
        } catch {
            switch error {
            case .missing: return .error("\(path.relative) does not exist")
            case .binary(let size):
                return ToolResult("\(path.relative) is a binary file (\(size) bytes); it is not shown.")
            case .path(let error): return error.toolResult
            }
        }
        let lines = LineNumberedText(snapshot.text)
        guard lines.count == 0 || startLine <= lines.count else {
            return .error("start_line \(startLine) is past the end of \(path.relative), which has \(lines.count) lines")
        }
        if !snapshot.truncated {
            seenFiles.record(
                SeenFile(text: snapshot.text, version: snapshot.version, source: .read), path: path.absolute,
                session: session)
        }
        var header = path.relative
        if let version = snapshot.version { header += " (live editor buffer, version \(version))" }
        guard lines.count > 0 else { return ToolResult(header + ": empty file") }
        let last = min(lines.count, startLine + maxLines - 1)
        var output = header + ", lines \(startLine)-\(last) of \(lines.count)"
        if snapshot.truncated {
            output +=
                " (the file is \(snapshot.size) bytes; only its first \(Self.maximumBytes) bytes were read, so file_write can change it only with str_replace or append)"
        }
        output += ":\n" + lines.numbered(startLine...last)
        if last < lines.count {
            output += "[\(lines.count - last) more lines; continue with start_line=\(last + 1)]\n"
        } else if snapshot.truncated {
            output += "[the rest of the file was not read; use grep to find what you need in it]\n"
        }
        return ToolResult(
            output,
            value: [
                "path": .string(path.relative), "lines": .int(lines.count),
                "version": snapshot.version.map(JSONValue.int) ?? .null,
            ])
    }

    private func listing(_ path: WorkspacePath) throws(WorkspacePathError) -> ToolResult {
        let entries = try SecureFileSystem.listDirectory(root: root.path, components: path.components)
        guard !entries.isEmpty else { return ToolResult("\(path.relative)/ is an empty directory") }
        var output = "\(path.relative)/ (\(entries.count) entries):\n"
        for entry in entries.prefix(Self.maximumEntries) {
            switch entry.kind {
            case .directory: output += entry.name + "/\n"
            case .file(let size): output += "\(entry.name)  (\(size) bytes)\n"
            case .symbolicLink: output += entry.name + "@ (symbolic link)\n"
            case .other: output += entry.name + " (special file)\n"
            }
        }
        if entries.count > Self.maximumEntries {
            output += "[\(entries.count - Self.maximumEntries) more entries not shown; use glob to narrow down]\n"
        }
        return ToolResult(output)
    }
}
