/// The client's answer to `window/showDocument`.
public struct ShowDocumentResult: Codable, Hashable, Sendable {
    public var success: Bool

    public init(success: Bool) {
        self.success = success
    }
}
