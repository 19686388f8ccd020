import AgentCore

/// The params of a `spark/chatEvent` the server sends: the event's fields (`kind`, `agent`, the kind's own;
/// see `docs/protocol.md`) with the run's `sessionId` and `token`, and the `uri` of an `edit`.
struct ChatEventParams: Encodable, Sendable {
    var event: ChatEvent
    var sessionID: String
    var token: String?
    var uri: DocumentURI?

    func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder, envelope: ["sessionId": sessionID, "token": token, "uri": uri])
    }
}
