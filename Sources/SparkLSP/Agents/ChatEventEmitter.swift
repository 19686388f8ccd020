import AgentCore
import Synchronization

/// Sends one run's `spark/chatEvent` notifications, tagged with its token and session, and keeps
/// track of the active agent and the edits made.
final class ChatEventEmitter: Sendable {
    private struct State {
        var agent: String
        var edits: [ChatEdit] = []
    }

    let context: ServerContext
    let token: String?
    let sessionID: String
    /// Guarded by the mutex.
    private let state: Mutex<State>

    init(context: ServerContext, token: String?, sessionID: String, agent: String) {
        self.context = context
        self.token = token
        self.sessionID = sessionID
        state = Mutex(State(agent: agent))
    }

    /// The agent active now.
    var agent: String { state.withLock { $0.agent } }

    /// The edits so far.
    var edits: [ChatEdit] { state.withLock { $0.edits } }

    /// Sends the chat events of a run event.
    func handle(_ event: RunEvent) {
        if case .agentSwitched(let next) = event { state.withLock { $0.agent = next } }
        for fields in event.chatEvents { send(fields) }
    }

    /// Records an agent edit and sends its `edit` event.
    func edit(_ change: FileChange, uri: DocumentURI, outcome: EditOutcome, unsent: WorkspaceEdit?) {
        let agent = self.agent
        var fields = RunEvent.chatEvent(agent: agent, edit: change, outcome: outcome)
        fields["uri"] = .string(uri)
        let record = ChatEdit(
            path: change.path, uri: uri, change: fields["change"]?.stringValue ?? "modify", applied: outcome.applied,
            message: outcome.message, edit: unsent)
        state.withLock { $0.edits.append(record) }
        send(fields)
    }

    /// Sends the closing `error` event of a failed or cancelled run.
    func error(_ message: String) {
        send(["kind": "error", "agent": .string(agent), "message": .string(message)])
    }

    private func send(_ fields: [String: JSONValue]) {
        var fields = fields
        fields["sessionId"] = .string(sessionID)
        if let token { fields["token"] = .string(token) }
        context.notify(ChatEventNotification(fields: fields))
    }
}
