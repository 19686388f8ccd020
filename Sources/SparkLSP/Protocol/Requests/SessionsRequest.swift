/// `spark/sessions`: the stored conversations, newest first.
public struct SessionsRequest: LSPRequest, Hashable {
    public static let method = "spark/sessions"
    public typealias Response = SessionsResult

    public init() {}
}
