import AgentCore
import Synchronization

/// A `DocumentSource` for tests: open buffers from a dictionary keyed by absolute path.
public final class StaticDocumentSource: DocumentSource {
    private let documents: Mutex<[String: OpenDocument]>

    public init(_ documents: [String: OpenDocument] = [:]) {
        self.documents = Mutex(documents)
    }

    /// Opens or updates a buffer.
    public func set(_ document: OpenDocument, atPath path: String) {
        documents.withLock { $0[path] = document }
    }

    /// Closes a buffer.
    public func remove(atPath path: String) {
        _ = documents.withLock { $0.removeValue(forKey: path) }
    }

    public func openDocument(atPath path: String) async -> OpenDocument? {
        documents.withLock { $0[path] }
    }
}
