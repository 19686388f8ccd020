#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Streams a conversation into the chat document (`.spark/chat.md`) through `workspace/applyEdit`,
/// appending at the end it keeps track of, for editors that can only run commands (Helix).
///
/// The answer's deltas are written in batches, not an edit per token: at each line end, and otherwise when
/// the oldest unwritten text is `batchInterval` old (and at the end of the run, with `flush()`).
actor ChatDocumentWriter {
    /// The chat document, relative to the workspace.
    static let relativePath = ".spark/chat.md"
    /// How long streamed text may wait for a line end before it is written anyway.
    static let batchInterval: Duration = .milliseconds(40)

    let context: ServerContext
    let uri: DocumentURI
    private var end: Position
    private let encoding: PositionEncoding
    /// Streamed text not written yet, and the timer that writes it.
    private var pending = ""
    private var timer: Task<Void, Never>?
    /// The last edit sent. Each edit waits for the one before it: the actor is re-entered while an edit awaits
    /// the editor, and without the chain a timer's batch still in flight could land after the run's closing text.
    private var lastWrite: Task<Void, Never>?

    /// Opens (creating it empty on disk when missing) the chat document of `workspace`.
    init(context: ServerContext, workspace: String) async throws {
        let path = workspace + "/" + Self.relativePath
        let uri = FileURI.uri(fromPath: path)
        let text: String
        if let open = await context.documents.document(uri) {
            text = open.buffer.text
        } else if let data = FileManager.default.contents(atPath: path) {
            text = String(decoding: data, as: UTF8.self)
        } else {
            try FileManager.default.createDirectory(atPath: workspace + "/.spark", withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: Data()) else {
                throw ResponseError(code: .internalError, message: "Spark: cannot create \(path)")
            }
            text = ""
        }
        self.context = context
        self.uri = uri
        encoding = await context.documents.encoding
        let buffer = DocumentBuffer(text)
        let point = buffer.point(atUTF8Offset: buffer.utf8Count, encoding: encoding)
        end = Position(line: point.line, character: point.character)
    }

    /// Opens the document in the editor.
    func show() async {
        guard context.clientCapabilities.supportsShowDocument else { return }
        do {
            _ = try await context.showDocument(uri, takeFocus: true)
        } catch {
            context.logger.debug("showDocument failed: \(error)")
        }
    }

    /// Streams `text` (a delta of the answer): written at the next line end or after `batchInterval`.
    func stream(_ text: String) async {
        pending += text
        if text.contains("\n") {
            await flush()
        } else if timer == nil, !pending.isEmpty {
            timer = Task { [weak self] in
                guard (try? await Task.sleep(for: Self.batchInterval)) != nil else { return }
                await self?.flush()
            }
        }
    }

    /// Writes the streamed text not written yet.
    func flush() async {
        timer?.cancel()
        timer = nil
        let text = pending
        pending = ""
        await write(text)
    }

    /// Appends `text` at the end of the document, after any streamed text.
    func append(_ text: String) async {
        await flush()
        await write(text)
    }

    private func write(_ text: String) async {
        guard !text.isEmpty, context.clientCapabilities.supportsApplyEdit else {
            await lastWrite?.value
            return
        }
        let edit = WorkspaceEdit(changes: [uri: [TextEdit(range: LSPRange(start: end, end: end), newText: text)]])
        advance(over: text)
        let previous = lastWrite
        let write = Task { [context] in
            await previous?.value
            do {
                let result = try await context.applyEdit(edit, label: "Spark chat")
                if !result.applied {
                    context.logger.debug("The chat document edit was rejected: \(result.failureReason ?? "")")
                }
            } catch {
                context.logger.debug("The chat document edit failed: \(error)")
            }
        }
        lastWrite = write
        await write.value
    }

    private func advance(over text: String) {
        var line = end.line
        var character = end.character
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                character = 0
            } else {
                switch encoding {
                case .utf8: character += String(scalar).utf8.count
                case .utf16: character += scalar.utf16.count
                case .utf32: character += 1
                }
            }
        }
        end = Position(line: line, character: character)
    }
}
