import Logging

/// The open documents, their versions and text. Changes are applied in the order given, with
/// positions in the negotiated encoding; `ChatFrontEnd` serves it to agents as a `DocumentSource`.
public actor DocumentStore {
    private var documents: [DocumentURI: OpenTextDocument] = [:]
    private var urisByPath: [String: DocumentURI] = [:]
    /// Tasks waiting for a document to move past a version, by document.
    private var waiters: [DocumentURI: [Waiter]] = [:]
    private var nextWaiter = 0

    private struct Waiter {
        var id: Int
        var after: Int
        var continuation: CheckedContinuation<OpenTextDocument?, Never>
    }
    /// The position encoding negotiated at `initialize`.
    public private(set) var encoding: PositionEncoding
    private let logger: Logger

    public init(encoding: PositionEncoding = .utf16, logger: Logger) {
        self.encoding = encoding
        self.logger = logger
    }

    /// Sets the position encoding (once `initialize` negotiated it).
    public func setEncoding(_ encoding: PositionEncoding) { self.encoding = encoding }

    /// Opens (or, with a warning, reopens) a document.
    public func open(_ item: TextDocumentItem) {
        if documents[item.uri] != nil { logger.warning("didOpen for a document already open: \(item.uri)") }
        documents[item.uri] = OpenTextDocument(
            uri: item.uri, languageId: item.languageId, version: item.version, buffer: DocumentBuffer(item.text))
        if let path = FileURI.path(fromURI: item.uri) { urisByPath[path] = item.uri }
    }

    /// Applies a `didChange` in order. Unknown documents and stale versions are refused with a warning.
    public func change(_ change: DidChangeTextDocumentNotification) -> DocumentChangeOutcome {
        let uri = change.textDocument.uri
        guard var document = documents[uri] else {
            logger.warning("didChange for a document that is not open: \(uri)")
            return .unknownDocument
        }
        guard change.textDocument.version > document.version else {
            logger.warning(
                "didChange with stale version \(change.textDocument.version) (holding \(document.version)) for \(uri)")
            return .staleVersion(current: document.version)
        }
        documents[uri] = nil  // keep the buffer uniquely referenced so edits happen in place
        for event in change.contentChanges {
            if let range = event.range {
                document.buffer.replace(
                    from: TextPoint(line: range.start.line, character: range.start.character),
                    to: TextPoint(line: range.end.line, character: range.end.character),
                    with: event.text, encoding: encoding)
            } else {
                document.buffer = DocumentBuffer(event.text)
            }
        }
        document.version = change.textDocument.version
        documents[uri] = document
        resumeWaiters(of: uri, with: document) { $0.after < document.version }
        return .applied
    }

    /// Closes a document; returns `false` when it was not open.
    @discardableResult
    public func close(_ uri: DocumentURI) -> Bool {
        guard documents.removeValue(forKey: uri) != nil else {
            logger.warning("didClose for a document that is not open: \(uri)")
            return false
        }
        if let path = FileURI.path(fromURI: uri), urisByPath[path] == uri { urisByPath[path] = nil }
        resumeWaiters(of: uri, with: nil) { _ in true }
        return true
    }

    /// The open document at `uri`.
    public func document(_ uri: DocumentURI) -> OpenTextDocument? { documents[uri] }

    /// The URIs of all open documents.
    public var openURIs: [DocumentURI] { Array(documents.keys) }

    /// The open document whose file is at the absolute `path`.
    public func document(atPath path: String) -> OpenTextDocument? {
        urisByPath[path].flatMap { documents[$0] }
    }

    /// The document at `uri` once its version is past `version` (the client reported a change, such as the one an
    /// applied `workspace/applyEdit` made); `nil` when it is closed, not open, or `timeout` passes first.
    public func document(_ uri: DocumentURI, after version: Int, timeout: Duration) async -> OpenTextDocument? {
        guard let document = documents[uri] else { return nil }
        if document.version > version { return document }
        nextWaiter += 1
        let id = nextWaiter
        let expiry = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.resumeWaiters(of: uri, with: nil) { $0.id == id }
        }
        defer { expiry.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiters[uri, default: []].append(Waiter(id: id, after: version, continuation: continuation))
            }
        } onCancel: {
            Task { await self.resumeWaiters(of: uri, with: nil) { $0.id == id } }
        }
    }

    /// Resumes the waiters of `uri` that `ready` picks with `document`.
    private func resumeWaiters(of uri: DocumentURI, with document: OpenTextDocument?, _ ready: (Waiter) -> Bool) {
        guard let pending = waiters.removeValue(forKey: uri) else { return }
        var waiting: [Waiter] = []
        for waiter in pending {
            if ready(waiter) {
                waiter.continuation.resume(returning: document)
            } else {
                waiting.append(waiter)
            }
        }
        if !waiting.isEmpty { waiters[uri] = waiting }
    }
}
