/// `spark/resetSession`: empties a conversation; the id stays valid.
public struct ResetSessionRequest: LSPRequest, Hashable {
    public static let method = "spark/resetSession"
    public typealias Response = VoidResponse

    public var sessionId: String

    public init(sessionId: String) { self.sessionId = sessionId }
}
