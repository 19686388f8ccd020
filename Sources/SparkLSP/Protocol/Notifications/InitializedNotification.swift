/// The client received the `initialize` reply.
public struct InitializedNotification: LSPNotification, Hashable {
    public static let method = "initialized"

    public init() {
    }
}
