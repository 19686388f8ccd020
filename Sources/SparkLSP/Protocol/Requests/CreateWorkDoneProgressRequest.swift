/// Server to client: create a work-done progress token.
public struct CreateWorkDoneProgressRequest: LSPRequest, Hashable {
    public static let method = "window/workDoneProgress/create"
    public typealias Response = VoidResponse

    public var token: ProgressToken

    public init(token: ProgressToken) {
        self.token = token
    }
}
