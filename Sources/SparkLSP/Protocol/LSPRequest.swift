/// A request or notification type: its params struct, and the method name it travels under.
public protocol LSPMessage: Codable, Sendable {
    /// The JSON-RPC method, for example `textDocument/codeAction`.
    static var method: String { get }
}

/// A request: the params struct, with the type of its reply.
public protocol LSPRequest: LSPMessage {
    associatedtype Response: Codable & Sendable
}

/// A notification: a params struct that gets no reply.
public protocol LSPNotification: LSPMessage {}
