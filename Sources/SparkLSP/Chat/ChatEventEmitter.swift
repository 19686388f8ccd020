import AgentCore

/// Sends one run's `spark/chatEvent` notifications, tagged with its token and session.
struct ChatEventEmitter: Sendable {
    let context: ServerContext
    let token: String?
    let sessionID: String
    let edits: EditLedger

    /// Sends the notification of `event`.
    func send(_ event: ChatEvent) {
        var uri: DocumentURI?
        if case .edit(_, let edit) = event { uri = edits.uri(of: edit.path) }
        context.connection.send(
            method: ChatEventNotification.method,
            params: ChatEventParams(event: event, sessionID: sessionID, token: token, uri: uri))
    }
}
