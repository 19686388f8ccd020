import AgentCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileWriteTool {
    /// The change a request asks for, computed from the file's current text, carrying what the conversation
    /// last saw of the file (`seen`).
    func makeChange(_ request: FileWriteRequest, seen: SeenFile?) async -> Result<FileChange, FileWriteFailure> {
        let path = request.path
        let current: FileTextSource.Snapshot?
        do throws(FileTextSource.Problem) {
            current = try await FileTextSource(root: root, documents: documents).read(
                path, limit: Self.maximumBytes + 1)
        } catch {
            switch error {
            case .missing: current = nil
            case .binary:
                return .failure(
                    FileWriteFailure(
                        result: .error("\(path.relative) is a binary file; file_write edits text files only")))
            case .path(let error):
                if error.errno == EISDIR {
                    return .failure(FileWriteFailure(result: .error("\(path.relative) is a directory")))
                }
                return .failure(FileWriteFailure(result: error.toolResult))
            }
        }
        if let current, current.truncated {
            return .failure(
                FileWriteFailure(
                    result: .error(
                        "\(path.relative) is larger than \(Self.maximumBytes) bytes; file_write does not edit it")))
        }
        func fail(_ message: String) -> Result<FileChange, FileWriteFailure> {
            .failure(FileWriteFailure(result: .error(message)))
        }
        func change(_ kind: FileChange.Kind, _ newText: String) -> Result<FileChange, FileWriteFailure> {
            .success(
                FileChange(
                    kind: kind, path: path.absolute, originalText: current?.text, newText: newText,
                    baseVersion: current?.version, operation: request.changeOperation, seen: seen,
                    displayPath: path.relative))
        }
        let edited: Result<String, FileEditProblem>
        switch request.operation {
        case .create:
            // An existing file is refused by the editor's read-before-write check, with the advice to read it.
            guard let content = request.content else { return fail("create needs `content`") }
            return change(.create, content)
        case .overwrite:
            guard let content = request.content else { return fail("overwrite needs `content`") }
            return change(current == nil ? .create : .modify, content)
        case .append:
            guard let content = request.content else { return fail("append needs `content`") }
            guard let current else { return change(.create, content) }
            return change(.modify, TextSplice.appending(content, to: current.text))
        case .delete:
            guard current != nil else { return fail("\(path.relative) does not exist") }
            return change(.delete, "")
        case .strReplace, .insert:
            guard let current else { return fail("\(path.relative) does not exist; use create") }
            if request.operation == .strReplace {
                guard let old = request.oldText else { return fail("str_replace needs `old_text`") }
                edited = FileTextEdit.replacingOnce(
                    old, with: request.newText ?? "", in: current.text, path: path.relative)
            } else {
                guard let content = request.content ?? request.newText else { return fail("insert needs `content`") }
                if let line = request.insertLine {
                    edited = FileTextEdit.inserting(content, afterLine: line, in: current.text)
                } else if let anchor = request.oldText, !anchor.isEmpty {
                    edited = FileTextEdit.inserting(content, after: anchor, in: current.text, path: path.relative)
                } else {
                    return fail("insert needs `insert_line` (0 = top of the file) or `old_text` to insert after")
                }
            }
        }
        switch edited {
        case .success(let text): return change(.modify, text)
        case .failure(let problem): return fail(problem.message)
        }
    }
}
