import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The current text of a workspace file: the editor's live buffer when it is open, else the disk.
struct FileTextSource {
    /// A file's text and where it came from.
    struct Snapshot {
        var text: String
        /// The buffer version when the text came from the editor.
        var version: Int?
        /// The file's size on disk (or the buffer's size in UTF-8 bytes).
        var size: Int
        /// Whether only the first `limit` bytes were read.
        var truncated: Bool
    }

    /// Why a file cannot be used as text.
    enum Problem: Error {
        case missing
        case path(WorkspacePathError)
        case binary(size: Int)
    }

    let root: WorkspaceRoot
    let documents: (any DocumentSource)?

    /// The text of `path`, reading at most `limit` bytes from disk.
    func read(_ path: WorkspacePath, limit: Int) async throws(Problem) -> Snapshot {
        if let document = await documents?.openDocument(atPath: path.absolute) {
            return Snapshot(
                text: document.text, version: document.version, size: document.text.utf8.count, truncated: false)
        }
        let result: (bytes: [UInt8], size: Int)
        do {
            result = try SecureFileSystem.readFile(root: root.path, components: path.components, limit: limit)
        } catch  where error.errno == ENOENT {
            throw .missing
        } catch {
            throw .path(error)
        }
        if result.bytes.withUnsafeBytes(ByteSearch.looksBinary) { throw .binary(size: result.size) }
        guard let text = String(validating: result.bytes, as: UTF8.self) ?? lenientText(result) else {
            throw .binary(size: result.size)
        }
        return Snapshot(text: text, version: nil, size: result.size, truncated: result.size > result.bytes.count)
    }

    /// Text that is valid UTF-8 except for a character cut at the read limit.
    private func lenientText(_ result: (bytes: [UInt8], size: Int)) -> String? {
        guard result.size > result.bytes.count else { return nil }
        for cut in 1...3 where result.bytes.count > cut {
            if let text = String(validating: result.bytes.dropLast(cut), as: UTF8.self) { return text }
        }
        return nil
    }
}
