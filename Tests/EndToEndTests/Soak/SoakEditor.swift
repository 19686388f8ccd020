import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization

/// The editor side of the soak: the client's copy of every buffer (it survives server restarts and is opened again
/// in each new server), the user typing into them, and `workspace/applyEdit` applied to them the way an editor does
/// (only to the version named, reported back with `didChange`). It keeps the ledger the edit invariants are checked
/// on: which tool call each edit belongs to, what each conversation last saw of each file, and every violation.
final class SoakEditor: Sendable {
    struct Buffer {
        var text: String
        var version: Int
    }

    struct State: ~Copyable {
        var client: TestLSPClient?
        var buffers: [String: Buffer] = [:]
        /// The file_write call announced last (its id, session, operation), the one an applyEdit belongs to.
        var currentWrite: (id: String, session: String, operation: String)?
        /// What each conversation last saw of each file ("session|file"): a read's result or its own edit.
        var seen: [String: String] = [:]
        /// Edits applied per tool call id.
        var appliedByCall: [String: Int] = [:]
        /// Tool calls whose result was a refusal or an error.
        var refusedCalls: Set<String> = []
        /// Tool call ids that received a result, by operation id.
        var answeredCalls: [String: Int] = [:]
        var typed = 0
        var editsApplied = 0
        var editsRejected = 0
        var refusals = 0
        var violations: [String] = []
        /// Run when the next applyEdit arrives, before it is answered (a cancel at that moment).
        var atNextEdit: (@Sendable () -> Void)?
    }

    /// Guarded by the mutex: the applyEdit handler, the typing hook (a connection thread of the model server) and
    /// the driver all change it.
    private let state = Mutex(State())
    let workspace: String

    init(workspace: String) {
        self.workspace = workspace
        state.withLock { state in
            for file in SoakOperation.files {
                state.buffers[file] = Buffer(text: SoakOperation.initialText(file), version: 1)
            }
        }
    }

    func uri(_ file: String) -> DocumentURI { FileURI.uri(fromPath: workspace + "/" + file) }

    /// Makes `client` the one edits come from.
    func attach(_ client: TestLSPClient) {
        client.handle(ApplyEditRequest.self) { [weak self] request in
            guard let self else { return ApplyWorkspaceEditResult(applied: false, failureReason: "no editor") }
            return self.apply(request, from: client)
        }
        state.withLock { $0.client = client }
    }

    /// Opens every buffer in the (initialized) server of `client`.
    func openBuffers(in client: TestLSPClient) {
        let buffers = state.withLock { state in
            state.client = client
            return state.buffers
        }
        for (file, buffer) in buffers.sorted(by: { $0.key < $1.key }) {
            client.notify(
                DidOpenTextDocumentNotification(
                    textDocument: TextDocumentItem(
                        uri: uri(file), languageId: "python", version: buffer.version, text: buffer.text)))
        }
    }

    /// The buffers as the client holds them.
    var buffers: [String: Buffer] { state.withLock { $0.buffers } }
    var violations: [String] { state.withLock { $0.violations } }
    var figures: (typed: Int, applied: Int, rejected: Int, refusals: Int) {
        state.withLock { ($0.typed, $0.editsApplied, $0.editsRejected, $0.refusals) }
    }
    /// How many tool results `operation` saw.
    func toolResults(of operation: SoakOperation) -> Int { state.withLock { $0.answeredCalls[operation.id] ?? 0 } }

    /// Runs `action` when the next applyEdit arrives, before it is answered; `nil` disarms.
    func atNextEdit(_ action: (@Sendable () -> Void)?) { state.withLock { $0.atNextEdit = action } }

    func record(_ violation: String) { state.withLock { $0.violations.append(violation) } }

    /// The user types a line at the top of the operation's file (called on the model server's thread, before the
    /// agent's write reaches the server).
    func type(for operation: SoakOperation) {
        let (client, change) = state.withLock { state -> (TestLSPClient?, (String, Int)) in
            var buffer = state.buffers[operation.file]!
            buffer.text = "# typed during \(operation.id)\n" + buffer.text
            buffer.version += 1
            state.buffers[operation.file] = buffer
            state.typed += 1
            return (state.client, (buffer.text, buffer.version))
        }
        client?.notify(
            DidChangeTextDocumentNotification(
                textDocument: VersionedTextDocumentIdentifier(uri: uri(operation.file), version: change.1),
                contentChanges: [TextDocumentContentChangeEvent(text: change.0)]))
    }

    /// Takes in the chat events received so far, in order.
    func absorbEvents(from client: TestLSPClient) {
        let events = client.queuedNotifications(ofType: ChatEventNotification.self)
        state.withLock { state in
            for event in events { Self.absorb(event, into: &state) }
        }
    }

    private static func absorb(_ event: ChatEventNotification, into state: inout State) {
        let id = event.fields["id"]?.stringValue ?? ""
        let name = event.fields["name"]?.stringValue
        let session = event.sessionId ?? ""
        switch event.kind {
        case "toolCall" where name == "file_write":
            let arguments = event.fields["arguments"]
            let operation =
                arguments?["operation"]?.stringValue
                ?? (arguments?.stringValue).flatMap { try? JSONValue(parsing: $0) }?["operation"]?.stringValue ?? ""
            state.currentWrite = (id, session, operation)
        case "toolResult":
            let operation = id.split(separator: "-").prefix(2).joined(separator: "-")
            state.answeredCalls[operation, default: 0] += 1
            let content = event.fields["content"]?.stringValue ?? ""
            if name == "file_write", content.hasPrefix("refused:") || content.hasPrefix("error:"),
                !content.contains("it may have been applied")
            {
                state.refusedCalls.insert(id)
                state.refusals += 1
                if state.appliedByCall[id, default: 0] > 0 {
                    state.violations.append("\(id): an edit was applied but the agent was told: \(content.prefix(120))")
                }
            }
            if name == "file_read", event.fields["isError"]?.boolValue != true,
                let file = SoakOperation.files.first(where: { content.hasPrefix($0) })
            {
                state.seen["\(session)|\(file)"] = content
            }
            if name == "file_write", state.currentWrite?.id == id { state.currentWrite = nil }
        default: break
        }
    }

    private func apply(_ request: ApplyEditRequest, from client: TestLSPClient) -> ApplyWorkspaceEditResult {
        let events = client.queuedNotifications(ofType: ChatEventNotification.self)
        return state.withLock { state in
            for event in events { Self.absorb(event, into: &state) }
            if let action = state.atNextEdit {
                state.atNextEdit = nil
                action()
            }
            guard state.client === client else {
                return ApplyWorkspaceEditResult(applied: false, failureReason: "that server is gone")
            }
            guard let write = state.currentWrite else {
                state.violations.append(
                    "an applyEdit with no file_write under way: \(request.label ?? "") after \(events.map(\.fields))")
                return ApplyWorkspaceEditResult(applied: false, failureReason: "no write under way")
            }
            guard case .textDocumentEdit(let edit)? = request.edit.documentChanges?.first,
                request.edit.documentChanges?.count == 1,
                let file = SoakOperation.files.first(where: { uri($0) == edit.textDocument.uri }),
                var buffer = state.buffers[file]
            else {
                state.violations.append("\(write.id): an edit the soak does not expect: \(request.edit)")
                return ApplyWorkspaceEditResult(applied: false, failureReason: "unexpected edit")
            }
            guard edit.textDocument.version == buffer.version else {
                state.editsRejected += 1
                return ApplyWorkspaceEditResult(
                    applied: false, failureReason: "the buffer is at version \(buffer.version)")
            }
            if state.refusedCalls.contains(write.id) {
                state.violations.append("\(write.id): an edit arrived after its refusal was reported")
            }
            state.appliedByCall[write.id, default: 0] += 1
            if state.appliedByCall[write.id, default: 0] > 1 {
                state.violations.append("\(write.id): applied twice")
            }
            if write.operation == "overwrite" {
                let seen = state.seen["\(write.session)|\(file)"] ?? ""
                for line in buffer.text.split(separator: "\n") where line.hasPrefix("# typed") && !seen.contains(line) {
                    state.violations.append("\(write.id): overwrote \"\(line)\", which the agent never saw")
                }
            }
            guard let text = Self.applying(edit.edits, to: buffer.text) else {
                state.violations.append("\(write.id): edits with ranges outside the buffer: \(edit.edits)")
                return ApplyWorkspaceEditResult(applied: false, failureReason: "bad range")
            }
            buffer.text = text
            buffer.version += 1
            state.buffers[file] = buffer
            state.seen["\(write.session)|\(file)"] = text
            state.editsApplied += 1
            client.notify(
                DidChangeTextDocumentNotification(
                    textDocument: VersionedTextDocumentIdentifier(uri: edit.textDocument.uri, version: buffer.version),
                    contentChanges: [TextDocumentContentChangeEvent(text: text)]))
            return ApplyWorkspaceEditResult(applied: true)
        }
    }

    /// `edits` (ranges in the original text, ASCII so UTF-8 and UTF-16 columns agree) applied to `text`.
    static func applying(_ edits: [TextEdit], to text: String) -> String? {
        var bytes = Array(text.utf8)
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == 10 { lineStarts.append(index + 1) }
        func offset(_ position: Position) -> Int? {
            guard position.line < lineStarts.count else { return position.line == lineStarts.count ? bytes.count : nil }
            let end = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : bytes.count
            return min(lineStarts[position.line] + position.character, end)
        }
        var ranges: [(Int, Int, String)] = []
        for edit in edits {
            guard let start = offset(edit.range.start), let end = offset(edit.range.end), start <= end else {
                return nil
            }
            ranges.append((start, end, edit.newText))
        }
        for (start, end, newText) in ranges.sorted(by: { $0.0 > $1.0 }) {
            bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
