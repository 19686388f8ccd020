/// `spark/session`: one conversation's history.
public struct SessionRequest: LSPRequest, Hashable {
    public static let method = "spark/session"
    public typealias Response = SessionHistory

    public var sessionId: String

    public init(sessionId: String) { self.sessionId = sessionId }
}
