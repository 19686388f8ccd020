import AgentCore
import Synchronization

/// Prints a run's events: the answer's text to stdout (notes on tools and handoffs to stderr),
/// or with `json` one JSON object per event per line, shaped like the editor's chat events:
/// `kind` (`delta`, `toolCall`, `toolResult`, `handoff`, `edit`, `error`, `done`), `agent`, and
/// the kind's fields. The last line is always `kind: done`.
final class ChatEventPrinter: Sendable {
    private let json: Bool
    private let sessionID: String
    /// Whether stdout is at a line start, whether `done` was printed, and the active agent;
    /// behind a mutex because edits may be reported from tool tasks while events print.
    private let state: Mutex<(atLineStart: Bool, printedDone: Bool, activeAgent: String)>

    init(json: Bool, sessionID: String, agent: String) {
        self.json = json
        self.sessionID = sessionID
        self.state = Mutex((atLineStart: true, printedDone: false, activeAgent: agent))
    }

    /// The agent the last event came from.
    var activeAgent: String { state.withLock { $0.activeAgent } }

    func print(_ event: RunEvent) {
        switch event {
        case .agentSwitched(let agent), .error(let agent, _): state.withLock { $0.activeAgent = agent }
        default: break
        }
        if json {
            if case .done(let response) = event {
                var fields = event.chatEvents.first ?? [:]
                fields["kind"] = nil
                finish(agent: response.agent, status: "ok", extra: fields)
            } else {
                for object in event.chatEvents { line(.object(object)) }
            }
            return
        }
        switch event {
        case .textDelta(_, let text):
            answer(text)
        case .toolResult(let agent, let call, let result):
            let outcome = result.isError ? "failed: " + result.content.prefix(200) : "ok"
            note("[\(agent)] \(call.function.name) \(call.function.arguments.prefix(200)) -> \(outcome)")
        case .handoff(let from, let to):
            note("[\(from) -> \(to)]")
        case .done(let response):
            finish(agent: response.agent, status: "ok")
        default:
            break
        }
    }

    /// Reports an edit an agent made (for the disk workspace editor).
    func printEdit(agent: String, change: FileChange, outcome: EditOutcome) {
        if json {
            line(.object(RunEvent.chatEvent(agent: agent, edit: change, outcome: outcome)))
        } else {
            let status = outcome.applied ? "" : " (not applied: \(outcome.message ?? ""))"
            note("[\(agent)] \(change.kind) \(change.path)\(status)")
        }
    }

    /// Ends the output of a run that did not finish (`error` or `cancelled`); idempotent.
    func finish(agent: String, status: String, extra: [String: JSONValue] = [:]) {
        let first = state.withLock { state in
            defer { state.printedDone = true }
            return !state.printedDone
        }
        guard first else { return }
        if json {
            var fields = extra
            fields["kind"] = "done"
            fields["agent"] = .string(agent)
            fields["sessionId"] = .string(sessionID)
            fields["status"] = .string(status)
            line(.object(fields))
        } else if !state.withLock({ $0.atLineStart }) {
            answer("\n")
        }
    }

    private func line(_ value: JSONValue) {
        StandardStream.output(value.serialized() + "\n")
    }

    private func answer(_ text: String) {
        guard let last = text.last else { return }
        state.withLock { $0.atLineStart = last == "\n" }
        StandardStream.output(text)
    }

    private func note(_ text: String) {
        let needsBreak = state.withLock { state in
            defer { state.atLineStart = true }
            return !state.atLineStart
        }
        if needsBreak { StandardStream.output("\n") }
        StandardStream.error(text + "\n")
    }
}
