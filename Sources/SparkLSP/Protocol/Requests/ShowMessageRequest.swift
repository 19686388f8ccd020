/// Server to client: show a message with buttons; the reply is the chosen one (or `null`).
public struct ShowMessageRequest: LSPRequest, Hashable {
    public static let method = "window/showMessageRequest"
    public typealias Response = MessageActionItem?

    public var type: MessageType
    public var message: String
    public var actions: [MessageActionItem]?

    public init(type: MessageType, message: String, actions: [MessageActionItem]? = nil) {
        self.type = type
        self.message = message
        self.actions = actions
    }
}
