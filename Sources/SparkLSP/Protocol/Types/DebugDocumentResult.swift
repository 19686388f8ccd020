/// The reply to `spark/debug/document`.
public struct DebugDocumentResult: Codable, Hashable, Sendable {
    public var text: String
    public var version: Int

    public init(text: String, version: Int) {
        self.text = text
        self.version = version
    }
}
