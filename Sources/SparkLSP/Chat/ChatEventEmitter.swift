import AgentCore

/// Sends one run's `spark/chatEvent` notifications, tagged with its token and session.
struct ChatEventEmitter: Sendable {
    let context: ServerContext
    let token: String?
    let sessionID: String
    let edits: EditLedger

    /// Sends the notification of `event`. A `delta` is droppable: while the client is not reading, deltas may be
    /// dropped, since `done` and the `spark/chat` reply carry the whole answer; so is a tool's `progress`, which its
    /// `toolResult` supersedes. Every other event changes what the client shows (tool calls, edits, the end of the
    /// run) and is always sent.
    func send(_ event: ChatEvent) {
        var uri: DocumentURI?
        var priority = FramePriority.essential
        switch event {
        case .edit(_, let edit): uri = edits.uri(of: edit.path)
        case .delta, .progress: priority = .droppable
        default: break
        }
        context.connection.send(
            method: ChatEventNotification.method,
            params: ChatEventParams(event: event, sessionID: sessionID, token: token, uri: uri), priority: priority)
    }
}
