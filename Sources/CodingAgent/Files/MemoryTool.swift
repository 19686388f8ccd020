import AgentCore
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `memory(command, path, content, old_text, new_text, insert_line, new_path)`: persistent notes
/// in a memory directory that survives restarts, confined like the workspace.
///
/// Paths are relative to the memory root; a leading `/memories/` (the convention models know)
/// is accepted and dropped.
public struct MemoryTool: TypedAgentTool {
    /// The largest memory file read or edited.
    public static let maximumBytes = 1 << 20

    public let root: WorkspaceRoot

    public init(root: WorkspaceRoot) {
        self.root = root
    }

    /// The memory directory under a data directory (`<data>/memory`), created when missing.
    ///
    /// The data directory is usually the workspace's protected `.spark`, which the other tools never write;
    /// the memory tool writes only here. A `memory` that is a symbolic link, or that resolves anywhere but
    /// directly inside the resolved data directory, is refused rather than followed.
    public static func root(inDataDirectory dataDirectory: String) throws(WorkspacePathError) -> WorkspaceRoot {
        let data = try WorkspaceRoot(path: dataDirectory)
        let expected = data.path + "/memory"
        var info = stat()
        if lstat(expected, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .refused("the memory directory \(expected) is a symbolic link or not a directory; it is not used")
            }
        }
        let memory = try WorkspaceRoot(path: expected)
        guard memory.path == expected else {
            throw .refused("the memory directory \(expected) resolves to \(memory.path), outside the data directory")
        }
        return memory
    }

    public var name: String { "memory" }

    public var description: String {
        """
        Your persistent memory: notes in a private directory that survive restarts and later sessions. \
        Check it (view) before starting work and record progress, decisions and facts worth keeping. Commands:
        - view: list a directory (default the memory root) or show a file with line numbers.
        - create: write `content` to a file (replacing it if it exists).
        - str_replace: replace `old_text` (must match exactly once) with `new_text`.
        - insert: insert `content` after line `insert_line` (0 = top).
        - delete: delete a file or directory.
        - rename: move `path` to `new_path`.
        """
    }

    public func run(_ arguments: MemoryArguments, context: ToolContext) async throws -> ToolResult {
        let command = arguments.command
        // Only `view` has a default (the whole memory); elsewhere a missing path is the model's slip.
        guard let given = arguments.path ?? (command == .view ? "." : nil) else {
            throw ArgumentsError(
                tool: name, "\(command.rawValue) needs `path` (a file in the memory, for example `project/notes.md`)")
        }
        func required(_ value: String?, _ key: String) throws(ArgumentsError) -> String {
            guard let value else { throw ArgumentsError(tool: name, "\(command.rawValue) needs `\(key)`") }
            return value
        }
        do {
            let path = try root.resolve(Self.stripMemoriesPrefix(given))
            switch command {
            case .view:
                return try view(path)
            case .create:
                guard !path.isRoot else { throw ArgumentsError(tool: name, "`path` must name a file") }
                let content = try required(arguments.content, "content")
                let existed = try SecureFileSystem.kind(root: root.path, components: path.components) != nil
                try write(content, to: path)
                return ToolResult("\(existed ? "Overwrote" : "Created") \(path.relative).")
            case .strReplace:
                guard !path.isRoot else { throw ArgumentsError(tool: name, "`path` must name a file") }
                let old = try required(arguments.oldText, "old_text")
                let text = try read(path)
                switch FileTextEdit.replacingOnce(old, with: arguments.newText ?? "", in: text, path: path.relative) {
                case .success(let edited): try write(edited, to: path)
                case .failure(let problem): return .error(problem.message)
                }
                return ToolResult("Edited \(path.relative).")
            case .insert:
                guard !path.isRoot else { throw ArgumentsError(tool: name, "`path` must name a file") }
                let text = try read(path)
                guard let line = arguments.insertLine else {
                    throw ArgumentsError(tool: name, "insert needs `insert_line`")
                }
                let content = try required(arguments.content ?? arguments.newText, "content")
                switch FileTextEdit.inserting(content, afterLine: line, in: text) {
                case .success(let edited): try write(edited, to: path)
                case .failure(let problem): return .error(problem.message)
                }
                return ToolResult("Inserted into \(path.relative) after line \(line).")
            case .delete:
                guard !path.isRoot else { return .refused("the memory root itself cannot be deleted") }
                try SecureFileSystem.removeTree(root: root.path, components: path.components)
                return ToolResult("Deleted \(path.relative).")
            case .rename:
                let target = try root.resolve(Self.stripMemoriesPrefix(try required(arguments.newPath, "new_path")))
                guard !path.isRoot, !target.isRoot else { return .refused("the memory root itself cannot be renamed") }
                try SecureFileSystem.rename(root: root.path, from: path.components, to: target.components)
                return ToolResult("Renamed \(path.relative) to \(target.relative).")
            }
        } catch let error as WorkspacePathError {
            return error.toolResult
        }
    }

    /// `/memories/x` and `memories/x` -> `x`.
    static func stripMemoriesPrefix(_ path: String) -> String {
        for prefix in ["/memories/", "memories/"] where path.hasPrefix(prefix) {
            return String(path.dropFirst(prefix.count))
        }
        return path == "/memories" || path == "memories" ? "." : path
    }

    private func read(_ path: WorkspacePath) throws(WorkspacePathError) -> String {
        let (bytes, size) = try SecureFileSystem.readFile(
            root: root.path, components: path.components, limit: Self.maximumBytes)
        guard size <= Self.maximumBytes, let text = String(validating: bytes, as: UTF8.self) else {
            throw .failed("\(path.relative) is not a text file of at most \(Self.maximumBytes) bytes")
        }
        return text
    }

    private func write(_ text: String, to path: WorkspacePath) throws(WorkspacePathError) {
        try SecureFileSystem.writeAtomically(
            root: root.path, components: path.components, bytes: Array(text.utf8), exclusive: false)
    }

    private func view(_ path: WorkspacePath) throws(WorkspacePathError) -> ToolResult {
        guard try SecureFileSystem.kind(root: root.path, components: path.components) == .directory else {
            let lines = LineNumberedText(try read(path))
            guard lines.count > 0 else { return ToolResult("\(path.relative): empty file") }
            return ToolResult("\(path.relative):\n" + lines.numbered(1...lines.count))
        }
        var listing: [String] = []
        let walker = WorkspaceWalker(root: root, respectsIgnoreFiles: false)
        try walker.walk(from: path.components) { entry in
            guard listing.count < 500 else { return false }
            switch entry.kind {
            case .directory: listing.append(entry.relativePath + "/")
            default: listing.append(entry.relativePath)
            }
            return entry.components.count - path.components.count < 4
        }
        guard !listing.isEmpty else { return ToolResult("The memory directory \(path.relative) is empty.") }
        return ToolResult("Memory \(path.relative):\n" + listing.joined(separator: "\n") + "\n")
    }
}
