import AgentCore

/// The editor's buffers as the agents read them: what the user sees, not a stale file on disk.
extension DocumentStore: DocumentSource {
    public func openDocument(atPath path: String) async -> OpenDocument? {
        document(atPath: path).map { OpenDocument(text: $0.buffer.text, version: $0.version) }
    }
}
