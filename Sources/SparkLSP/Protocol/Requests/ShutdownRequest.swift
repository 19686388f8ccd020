/// Asks the server to shut down (then `exit`).
public struct ShutdownRequest: LSPRequest, Hashable {
    public static let method = "shutdown"
    public typealias Response = VoidResponse

    public init() {
    }
}
