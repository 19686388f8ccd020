/// A run event as the front ends without an envelope of their own send it (the HTTP service's server-sent
/// events, `spark-lsp chat --json` lines): the event's fields, `sessionId`, and on the `done` that ends a
/// finished turn `status: "ok"`.
public struct SessionChatEvent: Encodable, Sendable {
    public var event: ChatEvent
    public var sessionID: String
    /// `"ok"` on `done`, absent on every other event.
    public var status: String?

    public init(_ event: ChatEvent, sessionID: String) {
        self.event = event
        self.sessionID = sessionID
        if case .done = event { status = "ok" }
    }

    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder, envelope: ["sessionId": sessionID, "status": status])
    }
}
